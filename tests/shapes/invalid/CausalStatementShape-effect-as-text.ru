# A causal statement whose effect is written as text instead of a factor, actor or event.
# expect: Violation claim:fear-of-the-state-weakens-ngos nfp:effect OrConstraintComponent
DELETE { claim:fear-of-the-state-weakens-ngos nfp:effect factor:ngo-influence-on-foreign-policy }
INSERT { claim:fear-of-the-state-weakens-ngos nfp:effect "the influence of NGOs" }
WHERE { claim:fear-of-the-state-weakens-ngos nfp:effect factor:ngo-influence-on-foreign-policy } ;
