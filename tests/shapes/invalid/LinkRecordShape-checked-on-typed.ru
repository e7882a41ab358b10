# A link record whose verification day is typed xsd:date, a datatype outside OWL 2 DL, instead of a plain literal.
# expect: Violation link:state-turkey-wikidata nfp:checkedOn DatatypeConstraintComponent
DELETE { link:state-turkey-wikidata nfp:checkedOn ?d } INSERT { link:state-turkey-wikidata nfp:checkedOn "2026-11-24"^^xsd:date }
WHERE { link:state-turkey-wikidata nfp:checkedOn ?d } ;
