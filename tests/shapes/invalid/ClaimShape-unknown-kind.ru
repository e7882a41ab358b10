# A claim of a kind that is not in scheme:claim-kinds (an undeclared concept "opinion").
# expect: Violation claim:ngos-are-weak nfp:claimKind ClassConstraintComponent
DELETE { claim:ngos-are-weak nfp:claimKind concept:claim-kind-argument }
INSERT { claim:ngos-are-weak nfp:claimKind concept:claim-kind-opinion }
WHERE { claim:ngos-are-weak nfp:claimKind concept:claim-kind-argument } ;
