# A code record that does not say which property carries the code.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:codeProperty MinCountConstraintComponent
DELETE WHERE { code:state-turkey-cow-ccode-countrycode nfp:codeProperty ?p } ;
