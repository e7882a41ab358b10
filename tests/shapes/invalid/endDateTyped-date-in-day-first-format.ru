# An event whose end date is written "14.06.1996" as a plain string instead of an xsd:date.
# expect: Violation event:habitat-ii nfp:endDate OrConstraintComponent
INSERT DATA { event:habitat-ii nfp:endDate "14.06.1996" } ;
