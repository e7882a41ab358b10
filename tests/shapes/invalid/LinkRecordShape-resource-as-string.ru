# A link record whose resource is the resource's IRI written as a string.
# expect: Violation link:state-turkey-wikidata nfp:linkedResource NodeKindConstraintComponent
DELETE DATA { link:state-turkey-wikidata nfp:linkedResource state:turkey } ;
INSERT DATA { link:state-turkey-wikidata nfp:linkedResource "https://w3id.org/ngo-fp/resource/state/turkey" } ;
