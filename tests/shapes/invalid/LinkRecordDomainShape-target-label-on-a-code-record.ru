# A code record given a link record's target label.
# expect: Violation code:state-turkey-cow-ccode-countrycode - ClassConstraintComponent
INSERT DATA { code:state-turkey-cow-ccode-countrycode nfp:targetLabel "Turkey"@en } ;
