# A citation whose function is plain cito:cites, which says that it cites, not why.
# expect: Violation citation:bulgur-2023-willetts-2001-357 nfp:citationFunction InConstraintComponent
DELETE { citation:bulgur-2023-willetts-2001-357 nfp:citationFunction ?f }
INSERT { citation:bulgur-2023-willetts-2001-357 nfp:citationFunction cito:cites }
WHERE { citation:bulgur-2023-willetts-2001-357 nfp:citationFunction ?f } ;
