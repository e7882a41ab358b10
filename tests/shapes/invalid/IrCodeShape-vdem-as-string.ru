# A V-Dem country id written as a string.
# expect: Violation state:turkey nfp:vdemCountryId DatatypeConstraintComponent
DELETE { state:turkey nfp:vdemCountryId 99 } INSERT { state:turkey nfp:vdemCountryId "99" }
WHERE { state:turkey nfp:vdemCountryId 99 } ;
