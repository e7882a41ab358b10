# A source whose translator IRI is misspelt (sule-kutt), so it names no actor.
# expect: Violation work:willetts-2001 nfp:translator ClassConstraintComponent
INSERT DATA { work:willetts-2001 nfp:translator person:sule-kutt } ;
