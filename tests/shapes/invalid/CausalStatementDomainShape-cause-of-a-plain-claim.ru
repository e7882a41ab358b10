# A cause given to a claim not typed as a causal statement.
# expect: Violation claim:ngos-are-weak - ClassConstraintComponent
INSERT DATA { claim:ngos-are-weak nfp:cause factor:fear-of-the-state } ;
