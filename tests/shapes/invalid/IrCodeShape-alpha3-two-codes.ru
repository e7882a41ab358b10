# Turkey given a second, made-up ISO alpha-3 code beside TUR.
# expect: Violation state:turkey nfp:iso3166Alpha3 MaxCountConstraintComponent
INSERT DATA { state:turkey nfp:iso3166Alpha3 "TRK" } ;
