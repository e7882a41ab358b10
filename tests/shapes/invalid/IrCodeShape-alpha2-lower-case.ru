# An ISO alpha-2 code written in lower case, as in a domain name.
# expect: Violation state:turkey nfp:iso3166Alpha2 PatternConstraintComponent
DELETE { state:turkey nfp:iso3166Alpha2 "TR" } INSERT { state:turkey nfp:iso3166Alpha2 "tr" }
WHERE { state:turkey nfp:iso3166Alpha2 "TR" } ;
