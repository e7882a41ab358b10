# The reference number written on the cited work instead of its entry.
# expect: Violation work:willetts-2001 - ClassConstraintComponent
INSERT DATA { work:willetts-2001 nfp:referenceNumber 28 } ;
