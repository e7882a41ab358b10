# A link record that does not name the external item.
# expect: Violation link:state-turkey-wikidata nfp:linkTarget MinCountConstraintComponent
DELETE WHERE { link:state-turkey-wikidata nfp:linkTarget ?t } ;
