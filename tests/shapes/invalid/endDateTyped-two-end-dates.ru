# An event given two different end dates.
# expect: Violation event:habitat-ii nfp:endDate MaxCountConstraintComponent
INSERT DATA { event:habitat-ii nfp:endDate "1996-06-14" , "1996-06-15" } ;
