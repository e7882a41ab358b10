# A source whose publication year is typed xsd:string instead of xsd:gYear.
# expect: Violation work:bulgur-2023 fabio:hasPublicationYear DatatypeConstraintComponent
DELETE { work:bulgur-2023 fabio:hasPublicationYear ?y } INSERT { work:bulgur-2023 fabio:hasPublicationYear "2023"^^xsd:string }
WHERE { work:bulgur-2023 fabio:hasPublicationYear ?y } ;
