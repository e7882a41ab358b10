# A source with two page ranges (the article's and the issue's).
# expect: Violation work:bulgur-2023 nfp:pages MaxCountConstraintComponent
INSERT DATA { work:bulgur-2023 nfp:pages "1-200" } ;
