# A COW state abbreviation written with a language tag.
# expect: Violation state:turkey nfp:cowStateAbbreviation DatatypeConstraintComponent
DELETE { state:turkey nfp:cowStateAbbreviation "TUR" } INSERT { state:turkey nfp:cowStateAbbreviation "TUR"@tr }
WHERE { state:turkey nfp:cowStateAbbreviation "TUR" } ;
