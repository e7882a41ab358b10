# A scholar also typed as an organization.
# expect: Violation person:sule-kut - SPARQLConstraintComponent
# expect: Violation person:sule-kut - PatternConstraintComponent
INSERT DATA { person:sule-kut a nfp:Organization } ;
