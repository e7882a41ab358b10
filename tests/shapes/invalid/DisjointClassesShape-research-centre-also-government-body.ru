# A research centre (an NGO) also typed as a government body.
# expect: Violation organization:turksam - SPARQLConstraintComponent
INSERT DATA { organization:turksam a nfp:GovernmentBody } ;
