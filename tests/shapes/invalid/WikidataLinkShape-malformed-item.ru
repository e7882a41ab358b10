# A Wikidata link written as the item's web page instead of its entity IRI.
# expect: Violation state:turkey - SPARQLConstraintComponent
# expect: Violation link:state-turkey-wikidata - SPARQLConstraintComponent
DELETE { state:turkey schema:sameAs <http://www.wikidata.org/entity/Q43> }
INSERT { state:turkey schema:sameAs <https://www.wikidata.org/wiki/Q43> }
WHERE { state:turkey schema:sameAs <http://www.wikidata.org/entity/Q43> } ;
