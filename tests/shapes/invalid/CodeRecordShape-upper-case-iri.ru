# A code record minted with capitals and underscores (code/State_Turkey_COW).
# expect: Violation code:State_Turkey_COW - PatternConstraintComponent
DELETE { code:state-turkey-cow-ccode-countrycode ?p ?o } INSERT { code:State_Turkey_COW ?p ?o } WHERE { code:state-turkey-cow-ccode-countrycode ?p ?o } ;
