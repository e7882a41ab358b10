# A cited work whose author statement is recorded twice, in two spellings.
# expect: Violation work:willetts-2001 nfp:authorsAsWritten MaxCountConstraintComponent
INSERT DATA { work:willetts-2001 nfp:authorsAsWritten "P. Willetts" } ;
