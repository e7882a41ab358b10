# A section minted with a capitalized slug (section/bulgur-2023-Introduction).
# expect: Violation section:bulgur-2023-Introduction - PatternConstraintComponent
DELETE { section:bulgur-2023-introduction ?p ?o } INSERT { section:bulgur-2023-Introduction ?p ?o } WHERE { section:bulgur-2023-introduction ?p ?o } ;
DELETE { ?s ?p section:bulgur-2023-introduction } INSERT { ?s ?p section:bulgur-2023-Introduction } WHERE { ?s ?p section:bulgur-2023-introduction } ;
