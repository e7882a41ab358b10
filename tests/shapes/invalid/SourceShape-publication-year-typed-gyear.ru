# A source whose publication year is typed xsd:gYear, a datatype outside OWL 2 DL, instead of the plain literal "2023".
# expect: Violation work:bulgur-2023 dcterms:issued DatatypeConstraintComponent
DELETE { work:bulgur-2023 dcterms:issued ?y } INSERT { work:bulgur-2023 dcterms:issued "2023"^^xsd:gYear }
WHERE { work:bulgur-2023 dcterms:issued ?y } ;
