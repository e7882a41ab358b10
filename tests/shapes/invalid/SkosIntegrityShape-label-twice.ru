# A label given as preferred and alternative, another as alternative and hidden (SKOS S13).
# expect: Violation issue:karabakh - SPARQLConstraintComponent
# expect: Violation concept:claim-kind-finding - SPARQLConstraintComponent
INSERT DATA { issue:karabakh skos:prefLabel "Karabakh issue"@en ; skos:altLabel "Karabakh issue"@en .
              concept:claim-kind-finding skos:altLabel "Result"@en ; skos:hiddenLabel "Result"@en }
