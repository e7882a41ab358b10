# A citation not marked resolved, loosely resolved or unresolved.
# expect: Violation citation:bulgur-2023-willetts-2001-357 - SPARQLConstraintComponent
# expect: Violation citation:bulgur-2023-willetts-2001-357 nfp:resolution MinCountConstraintComponent
DELETE WHERE { citation:bulgur-2023-willetts-2001-357 nfp:resolution ?r } ;
