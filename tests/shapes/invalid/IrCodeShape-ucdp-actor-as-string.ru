# A UCDP actor id written as a string.
# expect: Violation organization:pkk nfp:ucdpActorId DatatypeConstraintComponent
DELETE { organization:pkk nfp:ucdpActorId 323 } INSERT { organization:pkk nfp:ucdpActorId "323" }
WHERE { organization:pkk nfp:ucdpActorId 323 } ;
