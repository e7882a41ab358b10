# A participation whose participant is the IRI of TURKSAM written as a string instead of an IRI.
# expect: Violation participation:turksam-studies-on-azerbaijan--turksam nfp:participant ClassConstraintComponent
DELETE { participation:turksam-studies-on-azerbaijan--turksam nfp:participant organization:turksam } INSERT { participation:turksam-studies-on-azerbaijan--turksam nfp:participant "https://w3id.org/ngo-fp/resource/organization/turksam" }
WHERE { participation:turksam-studies-on-azerbaijan--turksam nfp:participant organization:turksam } ;
