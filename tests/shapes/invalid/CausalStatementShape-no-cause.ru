# A causal statement without a cause.
# expect: Violation claim:fear-of-the-state-weakens-ngos nfp:cause MinCountConstraintComponent
DELETE WHERE { claim:fear-of-the-state-weakens-ngos nfp:cause ?c } ;
