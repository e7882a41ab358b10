# A publication year written in words: a plain literal, but not four digits.
# expect: Violation work:bulgur-2023 fabio:hasPublicationYear PatternConstraintComponent
DELETE { work:bulgur-2023 fabio:hasPublicationYear ?y } INSERT { work:bulgur-2023 fabio:hasPublicationYear "two thousand twenty-three" }
WHERE { work:bulgur-2023 fabio:hasPublicationYear ?y } ;
