# A code record naming two code properties for one code; the resource carries it with only one.
# expect: Violation code:state-turkey-cow-ccode-countrycode nfp:codeProperty MaxCountConstraintComponent
# expect: Violation code:state-turkey-cow-ccode-countrycode - SPARQLConstraintComponent
INSERT DATA { code:state-turkey-cow-ccode-countrycode nfp:codeProperty nfp:iso3166Alpha3 } ;
