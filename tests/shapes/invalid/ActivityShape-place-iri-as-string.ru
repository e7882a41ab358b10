# An activity whose place is the IRI of Turkey written as a string instead of an IRI.
# expect: Violation activity:turksam-studies-on-azerbaijan nfp:place ClassConstraintComponent
DELETE { activity:turksam-studies-on-azerbaijan nfp:place state:turkey } INSERT { activity:turksam-studies-on-azerbaijan nfp:place "https://w3id.org/ngo-fp/resource/state/turkey" }
WHERE { activity:turksam-studies-on-azerbaijan nfp:place state:turkey } ;
