# A claim said to be a cited scholar's view that names no scholar.
# expect: Violation claim:ngos-are-weak - SPARQLConstraintComponent
DELETE { claim:ngos-are-weak nfp:claimKind concept:claim-kind-argument }
INSERT { claim:ngos-are-weak nfp:claimKind concept:claim-kind-cited-view }
WHERE { claim:ngos-are-weak nfp:claimKind concept:claim-kind-argument } ;
