# A claim whose asserter is the author's name as text instead of the person.
# expect: Violation claim:ngos-are-weak nfp:assertedBy ClassConstraintComponent
INSERT DATA { claim:ngos-are-weak nfp:assertedBy "Bulgur" } ;
