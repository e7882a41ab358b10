# A web source accessed on two different days.
# expect: Violation work:willetts-2001 nfp:accessDate MaxCountConstraintComponent
INSERT DATA { work:willetts-2001 nfp:accessDate "2017-06-01" } ;
