# A contrast link from a claim to a person.
# expect: Violation claim:ngos-are-weak nfp:contrastsWith ClassConstraintComponent
DELETE { claim:ngos-are-weak nfp:contrastsWith claim:fear-of-the-state-weakens-ngos }
INSERT { claim:ngos-are-weak nfp:contrastsWith person:sule-kut }
WHERE { claim:ngos-are-weak nfp:contrastsWith claim:fear-of-the-state-weakens-ngos } ;
