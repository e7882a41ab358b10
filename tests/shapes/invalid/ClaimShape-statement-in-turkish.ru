# A claim paraphrased in Turkish (@tr) instead of English.
# expect: Violation claim:ngos-bridge-on-sensitive-issues nfp:statement LanguageInConstraintComponent
DELETE { claim:ngos-bridge-on-sensitive-issues nfp:statement ?s }
INSERT { claim:ngos-bridge-on-sensitive-issues nfp:statement "STK'lar hassas konularda Türkiye ile Azerbaycan arasında sağlam bir köprüdür."@tr }
WHERE { claim:ngos-bridge-on-sensitive-issues nfp:statement ?s } ;
