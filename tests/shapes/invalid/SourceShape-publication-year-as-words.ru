# A publication year typed xsd:gYear but written in words.
# expect: Violation work:bulgur-2023 fabio:hasPublicationYear DatatypeConstraintComponent
DELETE { work:bulgur-2023 fabio:hasPublicationYear ?y } INSERT { work:bulgur-2023 fabio:hasPublicationYear "two thousand twenty-three"^^xsd:gYear }
WHERE { work:bulgur-2023 fabio:hasPublicationYear ?y } ;
