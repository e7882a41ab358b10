# A citation whose page locator keeps the "p." prefix.
# expect: Violation citation:bulgur-2023-willetts-2001-357 nfp:pageLocator PatternConstraintComponent
DELETE { citation:bulgur-2023-willetts-2001-357 nfp:pageLocator ?p } INSERT { citation:bulgur-2023-willetts-2001-357 nfp:pageLocator "p. 357" }
WHERE { citation:bulgur-2023-willetts-2001-357 nfp:pageLocator ?p } ;
