# The reference entry placed in the cited work's list (nfp:citingWork confused with the cited work).
# expect: Violation citation:bulgur-2023-willetts-2001-357 - SPARQLConstraintComponent
DELETE { reference:bulgur-2023-28 nfp:citingWork work:bulgur-2023 } INSERT { reference:bulgur-2023-28 nfp:citingWork work:willetts-2001 }
WHERE { reference:bulgur-2023-28 nfp:citingWork work:bulgur-2023 } ;
