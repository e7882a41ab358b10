# The de facto state of Northern Cyprus also typed as a sovereign state.
# expect: Violation state:trnc - SPARQLConstraintComponent
INSERT DATA { state:trnc a nfp:State } ;
