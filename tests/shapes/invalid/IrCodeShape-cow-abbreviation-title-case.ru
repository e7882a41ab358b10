# A COW state abbreviation written in title case.
# expect: Violation state:turkey nfp:cowStateAbbreviation PatternConstraintComponent
DELETE { state:turkey nfp:cowStateAbbreviation "TUR" } INSERT { state:turkey nfp:cowStateAbbreviation "Tur" }
WHERE { state:turkey nfp:cowStateAbbreviation "TUR" } ;
