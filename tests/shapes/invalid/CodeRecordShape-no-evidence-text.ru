# A code record that does not quote the words showing the code.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:evidenceText MinCountConstraintComponent
DELETE WHERE { code:state-turkey-cow-ccode-countrycode nfp:evidenceText ?t } ;
