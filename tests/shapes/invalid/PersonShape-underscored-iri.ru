# A person minted with an underscore and capitals (person/Sule_Kut).
# expect: Violation person:Sule_Kut - PatternConstraintComponent
DELETE { person:sule-kut ?p ?o } INSERT { person:Sule_Kut ?p ?o } WHERE { person:sule-kut ?p ?o } ;
DELETE { ?s ?p person:sule-kut } INSERT { ?s ?p person:Sule_Kut } WHERE { ?s ?p person:sule-kut } ;
