# Turkey given a second, made-up ISO alpha-2 code beside TR.
# expect: Violation state:turkey nfp:iso3166Alpha2 MaxCountConstraintComponent
INSERT DATA { state:turkey nfp:iso3166Alpha2 "TU" } ;
