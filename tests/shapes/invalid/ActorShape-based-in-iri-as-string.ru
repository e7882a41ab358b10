# An organization whose seat is the IRI of Turkey written as a string instead of an IRI.
# expect: Violation organization:turksam nfp:basedIn ClassConstraintComponent
DELETE { organization:turksam nfp:basedIn state:turkey } INSERT { organization:turksam nfp:basedIn "https://w3id.org/ngo-fp/resource/state/turkey" }
WHERE { organization:turksam nfp:basedIn state:turkey } ;
