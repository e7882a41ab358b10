# A collective actor minted under organization/ instead of group/.
# expect: Violation organization:research-centres - PatternConstraintComponent
DELETE { group:research-centres ?p ?o } INSERT { organization:research-centres ?p ?o } WHERE { group:research-centres ?p ?o } ;
DELETE { ?s ?p group:research-centres } INSERT { ?s ?p organization:research-centres } WHERE { ?s ?p group:research-centres } ;
