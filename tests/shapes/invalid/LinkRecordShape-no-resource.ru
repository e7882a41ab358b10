# A link record that does not say which resource it links.
# expect: Violation link:state-turkey-wikidata nfp:linkedResource MinCountConstraintComponent
DELETE WHERE { link:state-turkey-wikidata nfp:linkedResource ?r } ;
