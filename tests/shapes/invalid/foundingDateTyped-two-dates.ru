# An organization given two founding years.
# expect: Violation organization:turksam nfp:foundingDate MaxCountConstraintComponent
INSERT DATA { organization:turksam nfp:foundingDate "2004" , "2005" } ;
