# A hierarchy cycle written with skos:narrower: public opinion under the role that is under it. (The new link is
# stated one way only, so ConceptShape reports the same two nodes too.)
# expect: Violation role:forming-public-opinion - SPARQLConstraintComponent
# expect: Violation role:raising-social-awareness - SPARQLConstraintComponent
INSERT DATA { role:raising-social-awareness skos:narrower role:forming-public-opinion }
