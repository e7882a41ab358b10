# Azerbaijan's V-Dem id copied onto Turkey beside its own.
# expect: Violation state:turkey nfp:vdemCountryId MaxCountConstraintComponent
INSERT DATA { state:turkey nfp:vdemCountryId 106 } ;
