# A causal statement that both increases and decreases its effect.
# expect: Violation claim:fear-of-the-state-weakens-ngos nfp:direction MaxCountConstraintComponent
INSERT DATA { claim:fear-of-the-state-weakens-ngos nfp:direction concept:direction-increases } ;
