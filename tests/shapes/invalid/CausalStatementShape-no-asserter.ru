# A causal statement that does not say who asserts it.
# expect: Violation claim:fear-of-the-state-weakens-ngos nfp:assertedBy MinCountConstraintComponent
DELETE WHERE { claim:fear-of-the-state-weakens-ngos nfp:assertedBy ?who } ;
