# A reference entry that points to two works.
# expect: Violation reference:bulgur-2023-28 biro:references MaxCountConstraintComponent
INSERT DATA { reference:bulgur-2023-28 biro:references work:bulgur-2023 } ;
