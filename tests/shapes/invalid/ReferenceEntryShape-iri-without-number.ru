# A reference entry minted after the cited author instead of its number (reference/bulgur-2023-willetts).
# expect: Violation reference:bulgur-2023-willetts - PatternConstraintComponent
DELETE { reference:bulgur-2023-28 ?p ?o } INSERT { reference:bulgur-2023-willetts ?p ?o } WHERE { reference:bulgur-2023-28 ?p ?o } ;
DELETE { ?s ?p reference:bulgur-2023-28 } INSERT { ?s ?p reference:bulgur-2023-willetts } WHERE { ?s ?p reference:bulgur-2023-28 } ;
