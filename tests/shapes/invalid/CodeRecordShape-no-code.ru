# A code record that does not give the code.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:code MinCountConstraintComponent
DELETE WHERE { code:state-turkey-cow-ccode-countrycode nfp:code ?c } ;
