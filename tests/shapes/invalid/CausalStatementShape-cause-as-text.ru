# A causal statement whose cause is written as text instead of a factor, actor or event.
# expect: Violation claim:fear-of-the-state-weakens-ngos nfp:cause OrConstraintComponent
DELETE DATA { claim:fear-of-the-state-weakens-ngos nfp:cause factor:fear-of-the-state } ;
INSERT DATA { claim:fear-of-the-state-weakens-ngos nfp:cause "fear of the state" } ;
