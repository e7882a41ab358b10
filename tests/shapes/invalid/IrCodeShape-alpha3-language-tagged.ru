# An ISO alpha-3 code written with a language tag.
# expect: Violation state:turkey nfp:iso3166Alpha3 DatatypeConstraintComponent
DELETE { state:turkey nfp:iso3166Alpha3 "TUR" } INSERT { state:turkey nfp:iso3166Alpha3 "TUR"@en }
WHERE { state:turkey nfp:iso3166Alpha3 "TUR" } ;
