# A role related (skos:related) to the role it is under (SKOS S27).
# expect: Violation role:raising-social-awareness - SPARQLConstraintComponent
INSERT DATA { role:raising-social-awareness skos:related role:forming-public-opinion }
