# A code record whose property is not one of a code list (the label is not a code).
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:codeProperty InConstraintComponent
# expect: Violation code:state-turkey-cow-ccode-countrycode - SPARQLConstraintComponent
DELETE { code:state-turkey-cow-ccode-countrycode nfp:codeProperty ?p } INSERT { code:state-turkey-cow-ccode-countrycode nfp:codeProperty rdfs:label }
WHERE { code:state-turkey-cow-ccode-countrycode nfp:codeProperty ?p } ;
