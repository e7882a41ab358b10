# A claim that says nothing about what it is about: a warning, not a violation.
# expect: Warning claim:ngos-are-weak nfp:concerns MinCountConstraintComponent
DELETE WHERE { claim:ngos-are-weak nfp:concerns ?x } ;
