# A resource linked to two Wikidata items (the state and, wrongly, the Ottoman Empire).
# expect: Violation state:turkey - SPARQLConstraintComponent
INSERT DATA { state:turkey schema:sameAs <http://www.wikidata.org/entity/Q12560> } ;
