# A causal statement whose direction is a claim kind, not one of the causal directions.
# expect: Violation claim:fear-of-the-state-weakens-ngos nfp:direction ClassConstraintComponent
DELETE { claim:fear-of-the-state-weakens-ngos nfp:direction concept:direction-decreases }
INSERT { claim:fear-of-the-state-weakens-ngos nfp:direction concept:claim-kind-finding }
WHERE { claim:fear-of-the-state-weakens-ngos nfp:direction concept:direction-decreases } ;
