# A citation with its page given twice, as two separate locators.
# expect: Violation citation:bulgur-2023-ari-2010-13 nfp:pageLocator MaxCountConstraintComponent
INSERT DATA { citation:bulgur-2023-ari-2010-13 nfp:pageLocator "14" } ;
