# A citation that does not say why the work is cited.
# expect: Violation citation:bulgur-2023-willetts-2001-357 nfp:citationFunction MinCountConstraintComponent
DELETE WHERE { citation:bulgur-2023-willetts-2001-357 nfp:citationFunction ?f } ;
