# A concept that is an exact and a broad match of the same outside concept (SKOS S46).
# expect: Violation concept:direction-increases - SPARQLConstraintComponent
INSERT DATA { concept:direction-increases skos:exactMatch <http://example.org/scheme/increase> ;
                  skos:broadMatch <http://example.org/scheme/increase> }
