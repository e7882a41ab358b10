# A source given two publication years (first and revised edition).
# expect: Violation work:willetts-2001 fabio:hasPublicationYear MaxCountConstraintComponent
INSERT DATA { work:willetts-2001 fabio:hasPublicationYear "2005" } ;
