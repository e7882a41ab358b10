# An M49 code written as a string, as it stands in the UN table.
# expect: Violation state:turkey nfp:unM49Code DatatypeConstraintComponent
DELETE { state:turkey nfp:unM49Code 792 } INSERT { state:turkey nfp:unM49Code "792" }
WHERE { state:turkey nfp:unM49Code 792 } ;
