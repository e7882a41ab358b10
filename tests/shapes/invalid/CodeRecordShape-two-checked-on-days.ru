# A code record read on two different days.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:checkedOn MaxCountConstraintComponent
INSERT DATA { code:state-turkey-cow-ccode-countrycode nfp:checkedOn "2026-12-01" , "2026-12-03" } ;
