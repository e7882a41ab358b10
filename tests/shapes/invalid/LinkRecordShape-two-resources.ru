# A link record for two resources at once.
# expect: Violation link:state-turkey-wikidata nfp:linkedResource MaxCountConstraintComponent
INSERT DATA { link:state-turkey-wikidata nfp:linkedResource state:trnc } ;
