# An ISO alpha-2 code written with a language tag.
# expect: Violation state:turkey nfp:iso3166Alpha2 DatatypeConstraintComponent
DELETE { state:turkey nfp:iso3166Alpha2 "TR" } INSERT { state:turkey nfp:iso3166Alpha2 "TR"@tr }
WHERE { state:turkey nfp:iso3166Alpha2 "TR" } ;
