# A period whose start year is written as a bare integer (1991) instead of the plain literal "1991".
# expect: Violation period:post-cold-war nfp:startDate DatatypeConstraintComponent
DELETE { period:post-cold-war nfp:startDate ?d } INSERT { period:post-cold-war nfp:startDate 1991 }
WHERE { period:post-cold-war nfp:startDate ?d } ;
