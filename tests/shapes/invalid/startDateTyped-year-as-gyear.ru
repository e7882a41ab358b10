# An event whose start year is typed xsd:gYear, a datatype outside OWL 2 DL, instead of the plain literal "1996".
# expect: Violation event:habitat-ii nfp:startDate DatatypeConstraintComponent
DELETE { event:habitat-ii nfp:startDate ?d } INSERT { event:habitat-ii nfp:startDate "1996"^^xsd:gYear }
WHERE { event:habitat-ii nfp:startDate ?d } ;
