# A section with two positions in the article.
# expect: Violation section:bulgur-2023-introduction nfp:order MaxCountConstraintComponent
INSERT DATA { section:bulgur-2023-introduction nfp:order 1 } ;
