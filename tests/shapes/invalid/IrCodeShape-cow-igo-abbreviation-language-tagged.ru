# A COW IGO abbreviation written with a language tag.
# expect: Violation organization:united-nations nfp:cowIgoAbbreviation DatatypeConstraintComponent
DELETE { organization:united-nations nfp:cowIgoAbbreviation "UN" } INSERT { organization:united-nations nfp:cowIgoAbbreviation "UN"@en }
WHERE { organization:united-nations nfp:cowIgoAbbreviation "UN" } ;
