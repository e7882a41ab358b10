# What a claim concerns written as a name instead of the resource's IRI.
# expect: Violation claim:ngos-are-weak nfp:concerns NodeKindConstraintComponent
INSERT DATA { claim:ngos-are-weak nfp:concerns "Karabakh"@en } ;
