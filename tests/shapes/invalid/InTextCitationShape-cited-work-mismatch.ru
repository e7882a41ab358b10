# A citation whose nfp:citedWork is the citing article, not the work its reference entry references.
# expect: Violation citation:bulgur-2023-willetts-2001-357 - SPARQLConstraintComponent
DELETE { citation:bulgur-2023-willetts-2001-357 nfp:citedWork ?w } INSERT { citation:bulgur-2023-willetts-2001-357 nfp:citedWork work:bulgur-2023 }
WHERE { citation:bulgur-2023-willetts-2001-357 nfp:citedWork ?w } ;
