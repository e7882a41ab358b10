# Azerbaijan's Polity code copied onto Turkey beside its own.
# expect: Violation state:turkey nfp:polityCountryCode MaxCountConstraintComponent
INSERT DATA { state:turkey nfp:polityCountryCode 373 } ;
