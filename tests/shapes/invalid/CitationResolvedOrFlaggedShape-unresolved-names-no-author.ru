# An unresolved citation that names no author: nothing links it to whom it cites.
# expect: Violation citation:bulgur-2023-ari-2010-13 - SPARQLConstraintComponent
DELETE { citation:bulgur-2023-ari-2010-13 nfp:namedAuthor person:ari }
WHERE {} ;
