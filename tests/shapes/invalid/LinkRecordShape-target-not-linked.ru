# A link record whose Q-id has a typo, so the resource does not link to it.
# expect: Violation link:state-turkey-wikidata - SPARQLConstraintComponent
DELETE { link:state-turkey-wikidata nfp:linkTarget <http://www.wikidata.org/entity/Q43> } INSERT { link:state-turkey-wikidata nfp:linkTarget <http://www.wikidata.org/entity/Q34> }
WHERE { link:state-turkey-wikidata nfp:linkTarget <http://www.wikidata.org/entity/Q43> } ;
