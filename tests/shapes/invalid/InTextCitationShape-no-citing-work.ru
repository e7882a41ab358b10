# A citation that does not say which work's text it stands in.
# expect: Violation citation:bulgur-2023-willetts-2001-357 nfp:citingWork MinCountConstraintComponent
DELETE WHERE { citation:bulgur-2023-willetts-2001-357 nfp:citingWork ?w } ;
