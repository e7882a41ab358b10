# A claim that does not say which source asserts it.
# expect: Violation claim:ngos-bridge-on-sensitive-issues nfp:assertedIn MinCountConstraintComponent
DELETE WHERE { claim:ngos-bridge-on-sensitive-issues nfp:assertedIn ?w } ;
