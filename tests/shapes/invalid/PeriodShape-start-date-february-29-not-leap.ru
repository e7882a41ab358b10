# A period starting on "2019-02-29": 2019 is not a leap year, so February has no 29th that year.
# expect: Violation period:post-cold-war nfp:startDate PatternConstraintComponent
DELETE { period:post-cold-war nfp:startDate ?d } INSERT { period:post-cold-war nfp:startDate "2019-02-29" }
WHERE { period:post-cold-war nfp:startDate ?d } ;
