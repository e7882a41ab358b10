# A publication year written in words: a plain literal, but not four digits.
# expect: Violation work:bulgur-2023 dcterms:issued PatternConstraintComponent
DELETE { work:bulgur-2023 dcterms:issued ?y } INSERT { work:bulgur-2023 dcterms:issued "two thousand twenty-three" }
WHERE { work:bulgur-2023 dcterms:issued ?y } ;
