# A role minted with capitals and underscores (role/Forming_Public_Opinion).
# expect: Violation role:Forming_Public_Opinion - PatternConstraintComponent
DELETE { role:forming-public-opinion ?p ?o } INSERT { role:Forming_Public_Opinion ?p ?o } WHERE { role:forming-public-opinion ?p ?o } ;
DELETE { ?s ?p role:forming-public-opinion } INSERT { ?s ?p role:Forming_Public_Opinion } WHERE { ?s ?p role:forming-public-opinion } ;
