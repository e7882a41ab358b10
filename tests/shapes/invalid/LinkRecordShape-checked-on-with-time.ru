# A link record checked on "2026-11-24T10:00:00" typed xsd:date: a date-time is not in xsd:date's lexical space.
# expect: Violation link:state-turkey-wikidata nfp:checkedOn DatatypeConstraintComponent
DELETE { link:state-turkey-wikidata nfp:checkedOn ?d } INSERT { link:state-turkey-wikidata nfp:checkedOn "2026-11-24T10:00:00"^^xsd:date }
WHERE { link:state-turkey-wikidata nfp:checkedOn ?d } ;
