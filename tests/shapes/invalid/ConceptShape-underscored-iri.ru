# A typology concept minted with underscores (concept/ngo_group_thought_platform).
# expect: Violation concept:ngo_group_thought_platform - PatternConstraintComponent
DELETE { concept:ngo-group-thought-platform ?p ?o } INSERT { concept:ngo_group_thought_platform ?p ?o } WHERE { concept:ngo-group-thought-platform ?p ?o } ;
DELETE { ?s ?p concept:ngo-group-thought-platform } INSERT { ?s ?p concept:ngo_group_thought_platform } WHERE { ?s ?p concept:ngo-group-thought-platform } ;
