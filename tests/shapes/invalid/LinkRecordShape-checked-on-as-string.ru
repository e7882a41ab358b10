# A link record whose verification date is a plain string.
# expect: Violation link:state-turkey-wikidata nfp:checkedOn DatatypeConstraintComponent
DELETE { link:state-turkey-wikidata nfp:checkedOn ?d } INSERT { link:state-turkey-wikidata nfp:checkedOn "24.11.2026" }
WHERE { link:state-turkey-wikidata nfp:checkedOn ?d } ;
