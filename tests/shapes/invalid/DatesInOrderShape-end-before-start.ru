# A period that ends before it starts.
# expect: Violation period:post-cold-war - SPARQLConstraintComponent
INSERT DATA { period:post-cold-war nfp:endDate "1985" } ;
