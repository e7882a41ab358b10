# A second COW state abbreviation beside TUR.
# expect: Violation state:turkey nfp:cowStateAbbreviation MaxCountConstraintComponent
INSERT DATA { state:turkey nfp:cowStateAbbreviation "TRK" } ;
