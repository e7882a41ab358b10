# A support link from a claim to an issue (a non-claim).
# expect: Violation claim:ngos-bridge-on-sensitive-issues nfp:supports ClassConstraintComponent
DELETE { claim:ngos-bridge-on-sensitive-issues nfp:supports claim:ngos-are-weak }
INSERT { claim:ngos-bridge-on-sensitive-issues nfp:supports issue:karabakh }
WHERE { claim:ngos-bridge-on-sensitive-issues nfp:supports claim:ngos-are-weak } ;
