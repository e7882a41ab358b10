# Three reasons for one citation: one, or two where both clearly apply.
# expect: Violation citation:bulgur-2023-willetts-2001-357 nfp:citationFunction MaxCountConstraintComponent
INSERT DATA { citation:bulgur-2023-willetts-2001-357 nfp:citationFunction cito:citesAsAuthority , cito:critiques } ;
