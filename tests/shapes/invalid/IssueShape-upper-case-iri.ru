# An issue minted with a capitalized slug (issue/Karabakh).
# expect: Violation issue:Karabakh - PatternConstraintComponent
DELETE { issue:karabakh ?p ?o } INSERT { issue:Karabakh ?p ?o } WHERE { issue:karabakh ?p ?o } ;
DELETE { ?s ?p issue:karabakh } INSERT { ?s ?p issue:Karabakh } WHERE { ?s ?p issue:karabakh } ;
