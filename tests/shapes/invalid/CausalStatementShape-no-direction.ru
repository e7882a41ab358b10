# A causal statement that does not say whether the cause increases or decreases the effect.
# expect: Violation claim:fear-of-the-state-weakens-ngos nfp:direction MinCountConstraintComponent
DELETE WHERE { claim:fear-of-the-state-weakens-ngos nfp:direction ?d } ;
