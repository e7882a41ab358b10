# The author an unresolved pointer names given as a name, not as the person.
# expect: Violation citation:bulgur-2023-ari-2010-13 nfp:namedAuthor ClassConstraintComponent
DELETE { citation:bulgur-2023-ari-2010-13 nfp:namedAuthor person:ari }
INSERT { citation:bulgur-2023-ari-2010-13 nfp:namedAuthor "Ari" }
WHERE {} ;
