# A citation whose pointer is written twice, once as printed and once normalized.
# expect: Violation citation:bulgur-2023-willetts-2001-357 c4o:hasContent MaxCountConstraintComponent
INSERT DATA { citation:bulgur-2023-willetts-2001-357 c4o:hasContent "(Willetts 2001: 357)" } ;
