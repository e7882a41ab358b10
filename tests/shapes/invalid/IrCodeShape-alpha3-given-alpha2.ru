# The alpha-2 code written where the alpha-3 code belongs.
# expect: Violation state:turkey nfp:iso3166Alpha3 PatternConstraintComponent
DELETE { state:turkey nfp:iso3166Alpha3 "TUR" } INSERT { state:turkey nfp:iso3166Alpha3 "TR" }
WHERE { state:turkey nfp:iso3166Alpha3 "TUR" } ;
