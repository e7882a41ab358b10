# The UCDP conflict id of the PKK's conflict given as a second actor id.
# expect: Violation organization:pkk nfp:ucdpActorId MaxCountConstraintComponent
INSERT DATA { organization:pkk nfp:ucdpActorId 354 } ;
