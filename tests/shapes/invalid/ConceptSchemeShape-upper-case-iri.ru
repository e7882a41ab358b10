# A concept scheme minted with a capitalized slug (scheme/Issues).
# expect: Violation scheme:Issues - PatternConstraintComponent
DELETE { scheme:issues ?p ?o } INSERT { scheme:Issues ?p ?o } WHERE { scheme:issues ?p ?o } ;
DELETE { ?s ?p scheme:issues } INSERT { ?s ?p scheme:Issues } WHERE { ?s ?p scheme:issues } ;
