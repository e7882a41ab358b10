# A source whose editor is the name as printed in the reference instead of a person or organization.
# expect: Violation work:willetts-2001 nfp:editor ClassConstraintComponent
INSERT DATA { work:willetts-2001 nfp:editor "Baylis, J. and Smith, S." } ;
