# A concept neither top concept of its scheme nor under another: unreachable from the scheme's top.
# expect: Violation role:raising-social-awareness - SPARQLConstraintComponent
DELETE DATA {
    role:raising-social-awareness skos:broader role:forming-public-opinion .
    role:forming-public-opinion skos:narrower role:raising-social-awareness
}
