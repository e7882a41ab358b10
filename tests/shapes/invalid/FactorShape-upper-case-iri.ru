# A factor minted with a capitalized slug (factor/Fear-of-the-state), everywhere it is used.
# expect: Violation factor:Fear-of-the-state - PatternConstraintComponent
DELETE { factor:fear-of-the-state ?p ?o } INSERT { factor:Fear-of-the-state ?p ?o } WHERE { factor:fear-of-the-state ?p ?o } ;
DELETE { ?s ?p factor:fear-of-the-state } INSERT { ?s ?p factor:Fear-of-the-state } WHERE { ?s ?p factor:fear-of-the-state } ;
