# A claim that does not say which section it stands in, though its source (the article) has sections.
# expect: Violation claim:ngos-are-weak - SPARQLConstraintComponent
DELETE WHERE { claim:ngos-are-weak nfp:inSection ?s } ;
