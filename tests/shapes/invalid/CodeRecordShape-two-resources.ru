# A code record for two resources at once; the second does not carry the code.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:linkedResource MaxCountConstraintComponent
# expect: Violation code:state-turkey-cow-ccode-countrycode - SPARQLConstraintComponent
INSERT DATA { code:state-turkey-cow-ccode-countrycode nfp:linkedResource state:trnc } ;
