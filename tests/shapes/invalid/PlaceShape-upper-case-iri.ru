# A place minted with a capitalized slug (place/Istanbul).
# expect: Violation place:Istanbul - PatternConstraintComponent
DELETE { place:istanbul ?p ?o } INSERT { place:Istanbul ?p ?o } WHERE { place:istanbul ?p ?o } ;
DELETE { ?s ?p place:istanbul } INSERT { ?s ?p place:Istanbul } WHERE { ?s ?p place:istanbul } ;
