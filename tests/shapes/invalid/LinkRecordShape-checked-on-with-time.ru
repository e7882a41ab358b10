# A link record checked on "2026-11-24T10:00:00": a date-time where the day alone (YYYY-MM-DD) is asked for.
# expect: Violation link:state-turkey-wikidata nfp:checkedOn PatternConstraintComponent
DELETE { link:state-turkey-wikidata nfp:checkedOn ?d } INSERT { link:state-turkey-wikidata nfp:checkedOn "2026-11-24T10:00:00" }
WHERE { link:state-turkey-wikidata nfp:checkedOn ?d } ;
