# An event minted with capitals and an underscore (event/HABITAT_II).
# expect: Violation event:HABITAT_II - PatternConstraintComponent
DELETE { event:habitat-ii ?p ?o } INSERT { event:HABITAT_II ?p ?o } WHERE { event:habitat-ii ?p ?o } ;
DELETE { ?s ?p event:habitat-ii } INSERT { ?s ?p event:HABITAT_II } WHERE { ?s ?p event:habitat-ii } ;
