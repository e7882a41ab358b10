# A work minted with a capitalized, underscored slug (work/Willetts_2001).
# expect: Violation work:Willetts_2001 - PatternConstraintComponent
DELETE { work:willetts-2001 ?p ?o } INSERT { work:Willetts_2001 ?p ?o } WHERE { work:willetts-2001 ?p ?o } ;
DELETE { ?s ?p work:willetts-2001 } INSERT { ?s ?p work:Willetts_2001 } WHERE { ?s ?p work:willetts-2001 } ;
