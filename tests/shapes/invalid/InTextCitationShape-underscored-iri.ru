# A citation minted with capitals and underscores (citation/Bulgur2023_Ari2010).
# expect: Violation citation:Bulgur2023_Ari2010 - PatternConstraintComponent
DELETE { citation:bulgur-2023-ari-2010-13 ?p ?o } INSERT { citation:Bulgur2023_Ari2010 ?p ?o } WHERE { citation:bulgur-2023-ari-2010-13 ?p ?o } ;
