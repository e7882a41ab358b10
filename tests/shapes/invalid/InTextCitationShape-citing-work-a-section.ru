# A citation whose citing work is the section it stands in instead of the article.
# expect: Violation citation:bulgur-2023-willetts-2001-357 nfp:citingWork ClassConstraintComponent
DELETE DATA { citation:bulgur-2023-willetts-2001-357 nfp:citingWork work:bulgur-2023 } ;
INSERT DATA { citation:bulgur-2023-willetts-2001-357 nfp:citingWork section:bulgur-2023-introduction } ;
