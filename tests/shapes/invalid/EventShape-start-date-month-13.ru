# An event starting in month 13: "1996-13-05"^^xsd:date matches none of the date, year-month or year alternatives.
# expect: Violation event:habitat-ii nfp:startDate OrConstraintComponent
DELETE { event:habitat-ii nfp:startDate ?d } INSERT { event:habitat-ii nfp:startDate "1996-13-05"^^xsd:date }
WHERE { event:habitat-ii nfp:startDate ?d } ;
