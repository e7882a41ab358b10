# A UCDP conflict id written as a string.
# expect: Violation issue:karabakh nfp:concernsUcdpConflict DatatypeConstraintComponent
DELETE { issue:karabakh nfp:concernsUcdpConflict 388 } INSERT { issue:karabakh nfp:concernsUcdpConflict "388" }
WHERE { issue:karabakh nfp:concernsUcdpConflict 388 } ;
