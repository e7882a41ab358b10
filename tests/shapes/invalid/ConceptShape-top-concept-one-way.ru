# A top concept stated from one side only: a scheme lists a concept among its top concepts that does not say so,
# and a concept says it is the top of a scheme that does not list it.
# expect: Violation role:raising-social-awareness - SPARQLConstraintComponent
# expect: Violation concept:claim-kind-finding - SPARQLConstraintComponent
INSERT DATA { scheme:ngo-roles skos:hasTopConcept role:raising-social-awareness } ;
DELETE DATA { scheme:claim-kinds skos:hasTopConcept concept:claim-kind-finding }
