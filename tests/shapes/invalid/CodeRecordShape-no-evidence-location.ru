# A code record that does not say where the code was seen.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:evidenceLocation MinCountConstraintComponent
DELETE WHERE { code:state-turkey-cow-ccode-countrycode nfp:evidenceLocation ?l } ;
