# The page locator written on the claim instead of its citation.
# expect: Violation claim:ngos-bridge-on-sensitive-issues - ClassConstraintComponent
INSERT DATA { claim:ngos-bridge-on-sensitive-issues nfp:pageLocator "357" } ;
