# A typology concept without a skos:definition.
# expect: Violation concept:citation-unresolved skos:definition MinCountConstraintComponent
DELETE WHERE { concept:citation-unresolved skos:definition ?d } ;
