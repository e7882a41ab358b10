# A citation marked resolved although it denotes no reference entry.
# expect: Violation citation:bulgur-2023-ari-2010-13 - SPARQLConstraintComponent
DELETE { citation:bulgur-2023-ari-2010-13 nfp:resolution ?r } INSERT { citation:bulgur-2023-ari-2010-13 nfp:resolution concept:citation-resolved }
WHERE { citation:bulgur-2023-ari-2010-13 nfp:resolution ?r } ;
