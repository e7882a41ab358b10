# A source with two acceptance dates.
# expect: Violation work:bulgur-2023 dcterms:dateAccepted MaxCountConstraintComponent
INSERT DATA { work:bulgur-2023 dcterms:dateAccepted "2023-09-20" } ;
