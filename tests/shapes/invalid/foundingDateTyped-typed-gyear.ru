# An organization whose founding year is typed xsd:gYear, a datatype outside OWL 2 DL, instead of a plain literal.
# expect: Violation organization:turksam nfp:foundingDate DatatypeConstraintComponent
INSERT DATA { organization:turksam nfp:foundingDate "2004"^^xsd:gYear } ;
