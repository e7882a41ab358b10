# An event whose end date is written "14.06.1996" instead of "1996-06-14".
# expect: Violation event:habitat-ii nfp:endDate PatternConstraintComponent
INSERT DATA { event:habitat-ii nfp:endDate "14.06.1996" } ;
