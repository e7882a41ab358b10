# A code record whose day is written day first.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:checkedOn PatternConstraintComponent
INSERT DATA { code:state-turkey-cow-ccode-countrycode nfp:checkedOn "03.12.2026" } ;
