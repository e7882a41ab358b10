# A claim with two English paraphrases.
# expect: Violation claim:ngos-bridge-on-sensitive-issues nfp:statement MaxCountConstraintComponent
INSERT DATA { claim:ngos-bridge-on-sensitive-issues nfp:statement "NGOs link Turkey and Azerbaijan on sensitive issues."@en } ;
