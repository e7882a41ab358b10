# The acronym UNO given as a second COW IGO abbreviation.
# expect: Violation organization:united-nations nfp:cowIgoAbbreviation MaxCountConstraintComponent
INSERT DATA { organization:united-nations nfp:cowIgoAbbreviation "UNO" } ;
