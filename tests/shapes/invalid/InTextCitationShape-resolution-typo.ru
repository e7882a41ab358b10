# A citation whose resolution IRI has a typo (concept:citation-resolve), naming none of the three allowed values.
# expect: Violation citation:bulgur-2023-willetts-2001-357 - SPARQLConstraintComponent
# expect: Violation citation:bulgur-2023-willetts-2001-357 nfp:resolution InConstraintComponent
DELETE { citation:bulgur-2023-willetts-2001-357 nfp:resolution ?r } INSERT { citation:bulgur-2023-willetts-2001-357 nfp:resolution concept:citation-resolve }
WHERE { citation:bulgur-2023-willetts-2001-357 nfp:resolution ?r } ;
