# A source whose dcterms:language is the literal "en" instead of the ISO 639-1 IRI.
# expect: Violation work:bulgur-2023 dcterms:language NodeKindConstraintComponent
# expect: Violation work:bulgur-2023 dcterms:language PatternConstraintComponent
DELETE { work:bulgur-2023 dcterms:language ?l } INSERT { work:bulgur-2023 dcterms:language "en" }
WHERE { work:bulgur-2023 dcterms:language ?l } ;
