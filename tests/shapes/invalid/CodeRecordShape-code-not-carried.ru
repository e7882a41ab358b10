# A code record whose code is not the value the resource carries with the recorded property.
# expect: Violation code:state-turkey-cow-ccode-countrycode - SPARQLConstraintComponent
DELETE { code:state-turkey-cow-ccode-countrycode nfp:code ?c } INSERT { code:state-turkey-cow-ccode-countrycode nfp:code "641" }
WHERE { code:state-turkey-cow-ccode-countrycode nfp:code ?c } ;
