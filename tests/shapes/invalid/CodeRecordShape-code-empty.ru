# A code record with an empty code (which the resource does not carry either).
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:code MinLengthConstraintComponent
# expect: Violation code:state-turkey-cow-ccode-countrycode - SPARQLConstraintComponent
DELETE { code:state-turkey-cow-ccode-countrycode nfp:code ?c } INSERT { code:state-turkey-cow-ccode-countrycode nfp:code "" }
WHERE { code:state-turkey-cow-ccode-countrycode nfp:code ?c } ;
