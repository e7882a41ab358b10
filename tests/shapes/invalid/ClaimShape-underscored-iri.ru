# A claim minted with capitals and underscores (claim/NGOs_bridge).
# expect: Violation claim:NGOs_bridge - PatternConstraintComponent
DELETE { claim:ngos-bridge-on-sensitive-issues ?p ?o } INSERT { claim:NGOs_bridge ?p ?o } WHERE { claim:ngos-bridge-on-sensitive-issues ?p ?o } ;
