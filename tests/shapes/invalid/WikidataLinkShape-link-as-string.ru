# A Wikidata link written as a string that spells the item's IRI.
# expect: Violation state:trnc schema:sameAs NodeKindConstraintComponent
INSERT DATA { state:trnc schema:sameAs "http://www.wikidata.org/entity/Q23681" } ;
