# A code record with a second code (the ISO letters next to the COW number); the resource carries only one.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:code MaxCountConstraintComponent
# expect: Violation code:state-turkey-cow-ccode-countrycode - SPARQLConstraintComponent
INSERT DATA { code:state-turkey-cow-ccode-countrycode nfp:code "TUR" } ;
