# A reference entry said to stand in two works' reference lists.
# expect: Violation reference:bulgur-2023-28 nfp:citingWork MaxCountConstraintComponent
INSERT DATA { reference:bulgur-2023-28 nfp:citingWork work:willetts-2001 } ;
