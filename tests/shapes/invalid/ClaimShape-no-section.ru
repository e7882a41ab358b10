# A claim that does not say which section it stands in.
# expect: Violation claim:ngos-are-weak nfp:inSection MinCountConstraintComponent
DELETE WHERE { claim:ngos-are-weak nfp:inSection ?s } ;
