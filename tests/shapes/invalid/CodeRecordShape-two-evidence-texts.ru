# A code record that quotes two passages, so the pairing of quote and source is lost.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:evidenceText MaxCountConstraintComponent
INSERT DATA { code:state-turkey-cow-ccode-countrycode nfp:evidenceText "640 TUR Turkey" } ;
