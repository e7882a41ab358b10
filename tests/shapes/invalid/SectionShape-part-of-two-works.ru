# A section said to be part of two works.
# expect: Violation section:bulgur-2023-introduction frbr:partOf MaxCountConstraintComponent
INSERT DATA { section:bulgur-2023-introduction frbr:partOf work:willetts-2001 } ;
