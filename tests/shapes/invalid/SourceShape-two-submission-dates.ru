# A source with two submission dates.
# expect: Violation work:bulgur-2023 dcterms:dateSubmitted MaxCountConstraintComponent
INSERT DATA { work:bulgur-2023 dcterms:dateSubmitted "2023-08-30" } ;
