# A paraphrase written on the factor instead of the claim about it.
# expect: Violation factor:fear-of-the-state - ClassConstraintComponent
INSERT DATA { factor:fear-of-the-state nfp:statement "Fear of the state weakens NGOs."@en } ;
