# A hierarchy link stated from one side only: a concept says it is under another that does not list it as
# narrower, and a concept lists a narrower one that does not say it is under it.
# expect: Violation role:raising-social-awareness - SPARQLConstraintComponent
# expect: Violation concept:claim-kind-finding - SPARQLConstraintComponent
DELETE DATA { role:forming-public-opinion skos:narrower role:raising-social-awareness } ;
INSERT DATA { concept:claim-kind-finding skos:narrower role:forming-public-opinion }
