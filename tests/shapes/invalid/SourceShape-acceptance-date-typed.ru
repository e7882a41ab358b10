# A source whose acceptance date is typed xsd:date instead of a plain literal.
# expect: Violation work:bulgur-2023 dcterms:dateAccepted DatatypeConstraintComponent
DELETE WHERE { work:bulgur-2023 dcterms:dateAccepted ?d } ;
INSERT DATA { work:bulgur-2023 dcterms:dateAccepted "2023-09-18"^^xsd:date } ;
