# A code record that does not name the resource whose code it records.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:linkedResource MinCountConstraintComponent
DELETE WHERE { code:state-turkey-cow-ccode-countrycode nfp:linkedResource ?r } ;
