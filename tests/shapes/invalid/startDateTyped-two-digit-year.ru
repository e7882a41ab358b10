# A period whose start year is written with two digits ("91") instead of four.
# expect: Violation period:post-cold-war nfp:startDate PatternConstraintComponent
DELETE { period:post-cold-war nfp:startDate ?d } INSERT { period:post-cold-war nfp:startDate "91" }
WHERE { period:post-cold-war nfp:startDate ?d } ;
