# A source whose submission date is typed xsd:date instead of a plain literal.
# expect: Violation work:bulgur-2023 dcterms:dateSubmitted DatatypeConstraintComponent
DELETE WHERE { work:bulgur-2023 dcterms:dateSubmitted ?d } ;
INSERT DATA { work:bulgur-2023 dcterms:dateSubmitted "2023-09-06"^^xsd:date } ;
