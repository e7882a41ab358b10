# A claim without a kind.
# expect: Violation claim:ngos-are-weak nfp:claimKind MinCountConstraintComponent
DELETE WHERE { claim:ngos-are-weak nfp:claimKind ?k } ;
