# A de facto state minted outside the states' namespace (organization/trnc): it is a state's IRI all the same.
# expect: Violation organization:trnc - PatternConstraintComponent
DELETE { state:trnc ?p ?o } INSERT { organization:trnc ?p ?o } WHERE { state:trnc ?p ?o } ;
DELETE { ?s ?p state:trnc } INSERT { ?s ?p organization:trnc } WHERE { ?s ?p state:trnc } ;
