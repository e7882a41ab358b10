# A citation marked unresolved that nevertheless denotes a reference entry.
# expect: Violation citation:bulgur-2023-willetts-2001-357 - SPARQLConstraintComponent
DELETE { citation:bulgur-2023-willetts-2001-357 nfp:resolution ?r }
INSERT { citation:bulgur-2023-willetts-2001-357 nfp:resolution concept:citation-unresolved ;
             nfp:resolutionNote "Page 357 is outside the chapter."@en }
WHERE { citation:bulgur-2023-willetts-2001-357 nfp:resolution ?r } ;
