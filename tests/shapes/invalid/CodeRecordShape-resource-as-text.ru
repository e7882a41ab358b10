# A code record naming its resource by a string instead of the resource's IRI.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:linkedResource NodeKindConstraintComponent
# expect: Violation code:state-turkey-cow-ccode-countrycode - SPARQLConstraintComponent
DELETE { code:state-turkey-cow-ccode-countrycode nfp:linkedResource ?r } INSERT { code:state-turkey-cow-ccode-countrycode nfp:linkedResource "state/turkey" }
WHERE { code:state-turkey-cow-ccode-countrycode nfp:linkedResource ?r } ;
