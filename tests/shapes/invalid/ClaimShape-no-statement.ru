# A claim without its English paraphrase.
# expect: Violation claim:ngos-bridge-on-sensitive-issues nfp:statement MinCountConstraintComponent
DELETE WHERE { claim:ngos-bridge-on-sensitive-issues nfp:statement ?s } ;
