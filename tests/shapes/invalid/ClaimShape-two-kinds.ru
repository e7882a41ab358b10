# A claim that is both the author's argument and a finding.
# expect: Violation claim:ngos-are-weak nfp:claimKind MaxCountConstraintComponent
INSERT DATA { claim:ngos-are-weak nfp:claimKind concept:claim-kind-finding } ;
