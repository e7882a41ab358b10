# A citation whose section is the whole article instead of a section of it.
# expect: Violation citation:bulgur-2023-willetts-2001-357 nfp:inSection ClassConstraintComponent
DELETE DATA { citation:bulgur-2023-willetts-2001-357 nfp:inSection section:bulgur-2023-introduction } ;
INSERT DATA { citation:bulgur-2023-willetts-2001-357 nfp:inSection work:bulgur-2023 } ;
