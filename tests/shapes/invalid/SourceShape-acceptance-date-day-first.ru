# A source whose acceptance date is written day first (18.09.2023).
# expect: Violation work:bulgur-2023 dcterms:dateAccepted PatternConstraintComponent
DELETE WHERE { work:bulgur-2023 dcterms:dateAccepted ?d } ;
INSERT DATA { work:bulgur-2023 dcterms:dateAccepted "18.09.2023" } ;
