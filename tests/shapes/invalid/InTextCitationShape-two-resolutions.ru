# A resolved citation also marked unresolved; the unresolved mark has neither note nor missing entry.
# expect: Violation citation:bulgur-2023-willetts-2001-357 nfp:resolution MaxCountConstraintComponent
# expect: Violation citation:bulgur-2023-willetts-2001-357 - SPARQLConstraintComponent
INSERT DATA { citation:bulgur-2023-willetts-2001-357 nfp:resolution concept:citation-unresolved } ;
