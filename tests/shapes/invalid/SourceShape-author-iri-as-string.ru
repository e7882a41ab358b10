# A source whose author is the IRI of Şule Kut written as a string instead of an IRI.
# expect: Violation work:willetts-2001 nfp:author ClassConstraintComponent
DELETE { work:willetts-2001 nfp:author person:sule-kut } INSERT { work:willetts-2001 nfp:author "https://w3id.org/ngo-fp/resource/person/sule-kut" }
WHERE { work:willetts-2001 nfp:author person:sule-kut } ;
