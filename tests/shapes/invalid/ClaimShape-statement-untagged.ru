# A claim whose paraphrase is a plain string without the @en tag.
# expect: Violation claim:ngos-bridge-on-sensitive-issues nfp:statement DatatypeConstraintComponent
# expect: Violation claim:ngos-bridge-on-sensitive-issues nfp:statement LanguageInConstraintComponent
DELETE { claim:ngos-bridge-on-sensitive-issues nfp:statement ?s }
INSERT { claim:ngos-bridge-on-sensitive-issues nfp:statement "NGOs serve as a solid bridge between Turkey and Azerbaijan on sensitive issues." }
WHERE { claim:ngos-bridge-on-sensitive-issues nfp:statement ?s } ;
