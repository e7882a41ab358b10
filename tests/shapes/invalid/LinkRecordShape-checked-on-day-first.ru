# A link record whose verification date is written day first ("24.11.2026") instead of YYYY-MM-DD.
# expect: Violation link:state-turkey-wikidata nfp:checkedOn PatternConstraintComponent
DELETE { link:state-turkey-wikidata nfp:checkedOn ?d } INSERT { link:state-turkey-wikidata nfp:checkedOn "24.11.2026" }
WHERE { link:state-turkey-wikidata nfp:checkedOn ?d } ;
