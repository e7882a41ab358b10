# A claim attributed to the IRI of Şule Kut written as a string instead of an IRI.
# expect: Violation claim:ngos-bridge-on-sensitive-issues nfp:attributedTo ClassConstraintComponent
DELETE { claim:ngos-bridge-on-sensitive-issues nfp:attributedTo person:sule-kut } INSERT { claim:ngos-bridge-on-sensitive-issues nfp:attributedTo "https://w3id.org/ngo-fp/resource/person/sule-kut" }
WHERE { claim:ngos-bridge-on-sensitive-issues nfp:attributedTo person:sule-kut } ;
