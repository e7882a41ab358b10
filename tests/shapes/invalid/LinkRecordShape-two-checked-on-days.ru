# A link record verified on two different days.
# expect: Violation link:state-turkey-wikidata nfp:checkedOn MaxCountConstraintComponent
INSERT DATA { link:state-turkey-wikidata nfp:checkedOn "2026-11-25" } ;
