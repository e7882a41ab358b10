# An organization whose founding date is written day first ("01.03.2004") instead of "2004-03-01".
# expect: Violation organization:turksam nfp:foundingDate PatternConstraintComponent
INSERT DATA { organization:turksam nfp:foundingDate "01.03.2004" } ;
