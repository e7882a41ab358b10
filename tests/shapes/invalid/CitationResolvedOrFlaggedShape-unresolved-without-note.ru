# A citation marked unresolved without a note saying why.
# expect: Violation citation:bulgur-2023-ari-2010-13 - SPARQLConstraintComponent
DELETE WHERE { citation:bulgur-2023-ari-2010-13 nfp:resolutionNote ?n } ;
