# A research centre that the article calls an NGO (typed both, as in base.ttl) also typed as a government body.
# expect: Violation organization:turksam - SPARQLConstraintComponent
INSERT DATA { organization:turksam a nfp:GovernmentBody } ;
