# The codebook's named-IGO code (IGOUNO) written as the actor type.
# expect: Violation organization:united-nations nfp:cameoActorType PatternConstraintComponent
DELETE { organization:united-nations nfp:cameoActorType "IGO" } INSERT { organization:united-nations nfp:cameoActorType "IGOUNO" }
WHERE { organization:united-nations nfp:cameoActorType "IGO" } ;
