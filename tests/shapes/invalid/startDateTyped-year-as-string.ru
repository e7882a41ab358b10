# An event whose start year is a plain string instead of an xsd:gYear.
# expect: Violation event:habitat-ii nfp:startDate OrConstraintComponent
DELETE { event:habitat-ii nfp:startDate ?d } INSERT { event:habitat-ii nfp:startDate "1996" }
WHERE { event:habitat-ii nfp:startDate ?d } ;
