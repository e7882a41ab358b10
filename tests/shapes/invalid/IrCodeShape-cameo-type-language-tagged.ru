# A CAMEO actor type written with a language tag.
# expect: Violation organization:united-nations nfp:cameoActorType DatatypeConstraintComponent
DELETE { organization:united-nations nfp:cameoActorType "IGO" } INSERT { organization:united-nations nfp:cameoActorType "IGO"@en }
WHERE { organization:united-nations nfp:cameoActorType "IGO" } ;
