# A source whose publication year is typed xsd:gYear, a datatype outside OWL 2 DL, instead of the plain literal "2023".
# expect: Violation work:bulgur-2023 fabio:hasPublicationYear DatatypeConstraintComponent
DELETE { work:bulgur-2023 fabio:hasPublicationYear ?y } INSERT { work:bulgur-2023 fabio:hasPublicationYear "2023"^^xsd:gYear }
WHERE { work:bulgur-2023 fabio:hasPublicationYear ?y } ;
