# An organization member of a group whose IRI is misspelt (research-centers), so it names no collective actor.
# expect: Violation organization:turksam nfp:memberOfGroup OrConstraintComponent
DELETE DATA { organization:turksam nfp:memberOfGroup group:research-centres } ;
INSERT DATA { organization:turksam nfp:memberOfGroup group:research-centers } ;
