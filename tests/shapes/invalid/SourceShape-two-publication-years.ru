# A source given two publication years (first and revised edition).
# expect: Violation work:willetts-2001 dcterms:issued MaxCountConstraintComponent
INSERT DATA { work:willetts-2001 dcterms:issued "2005" } ;
