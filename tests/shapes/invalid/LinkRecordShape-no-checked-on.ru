# A link record that does not say when the link was verified.
# expect: Violation link:state-turkey-wikidata nfp:checkedOn MinCountConstraintComponent
DELETE WHERE { link:state-turkey-wikidata nfp:checkedOn ?d } ;
