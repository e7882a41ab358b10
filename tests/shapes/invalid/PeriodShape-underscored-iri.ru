# A period minted with underscores (period/post_cold_war).
# expect: Violation period:post_cold_war - PatternConstraintComponent
DELETE { period:post-cold-war ?p ?o } INSERT { period:post_cold_war ?p ?o } WHERE { period:post-cold-war ?p ?o } ;
DELETE { ?s ?p period:post-cold-war } INSERT { ?s ?p period:post_cold_war } WHERE { ?s ?p period:post-cold-war } ;
