# A source whose submission date is written day first (06.09.2023).
# expect: Violation work:bulgur-2023 dcterms:dateSubmitted PatternConstraintComponent
DELETE WHERE { work:bulgur-2023 dcterms:dateSubmitted ?d } ;
INSERT DATA { work:bulgur-2023 dcterms:dateSubmitted "06.09.2023" } ;
