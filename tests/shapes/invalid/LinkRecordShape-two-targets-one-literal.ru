# A link record with a second target given as a literal instead of an IRI.
# expect: Violation link:state-turkey-wikidata nfp:linkTarget MaxCountConstraintComponent
# expect: Violation link:state-turkey-wikidata nfp:linkTarget NodeKindConstraintComponent
INSERT DATA { link:state-turkey-wikidata nfp:linkTarget "Q43" } ;
