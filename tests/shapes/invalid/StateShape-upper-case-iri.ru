# A state minted with a capitalized slug (state/Turkey).
# expect: Violation state:Turkey - PatternConstraintComponent
DELETE { state:turkey ?p ?o } INSERT { state:Turkey ?p ?o } WHERE { state:turkey ?p ?o } ;
DELETE { ?s ?p state:turkey } INSERT { ?s ?p state:Turkey } WHERE { ?s ?p state:turkey } ;
