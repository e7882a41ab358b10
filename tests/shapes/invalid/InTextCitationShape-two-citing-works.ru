# A citation said to stand in two works (the citing and the cited one).
# expect: Violation citation:bulgur-2023-willetts-2001-357 nfp:citingWork MaxCountConstraintComponent
INSERT DATA { citation:bulgur-2023-willetts-2001-357 nfp:citingWork work:willetts-2001 } ;
