# A period with two start dates (a year and a more precise date).
# expect: Violation period:post-cold-war nfp:startDate MaxCountConstraintComponent
INSERT DATA { period:post-cold-war nfp:startDate "1991-12-26" } ;
