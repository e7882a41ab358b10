# A reference entry whose citing work is a section of the article instead of the article.
# expect: Violation reference:bulgur-2023-28 nfp:citingWork ClassConstraintComponent
DELETE DATA { reference:bulgur-2023-28 nfp:citingWork work:bulgur-2023 } ;
INSERT DATA { reference:bulgur-2023-28 nfp:citingWork section:bulgur-2023-introduction } ;
