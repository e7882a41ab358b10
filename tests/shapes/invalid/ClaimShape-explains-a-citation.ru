# A reason link from a claim to an in-text citation (use nfp:supportedBy for citations).
# expect: Violation claim:fear-of-the-state-weakens-ngos nfp:explains ClassConstraintComponent
DELETE { claim:fear-of-the-state-weakens-ngos nfp:explains claim:ngos-are-weak }
INSERT { claim:fear-of-the-state-weakens-ngos nfp:explains citation:bulgur-2023-willetts-2001-357 }
WHERE { claim:fear-of-the-state-weakens-ngos nfp:explains claim:ngos-are-weak } ;
