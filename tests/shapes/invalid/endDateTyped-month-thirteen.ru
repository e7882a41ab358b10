# An event whose end month is 13.
# expect: Violation event:habitat-ii nfp:endDate PatternConstraintComponent
INSERT DATA { event:habitat-ii nfp:endDate "1996-13" } ;
