# A causal statement without an effect.
# expect: Violation claim:fear-of-the-state-weakens-ngos nfp:effect MinCountConstraintComponent
DELETE WHERE { claim:fear-of-the-state-weakens-ngos nfp:effect ?e } ;
