# One Wikidata item linked to two resources (the state and the place Istanbul).
# expect: Violation state:turkey - SPARQLConstraintComponent
# expect: Violation place:istanbul - SPARQLConstraintComponent
INSERT DATA { place:istanbul schema:sameAs <http://www.wikidata.org/entity/Q43> } ;
