# A participation hung off a claim instead of the activity it is part of.
# expect: Violation participation:turksam-studies-on-azerbaijan--turksam ^nfp:participation ClassConstraintComponent
# expect: Violation claim:ngos-are-weak - ClassConstraintComponent
DELETE DATA { activity:turksam-studies-on-azerbaijan nfp:participation participation:turksam-studies-on-azerbaijan--turksam } ;
INSERT DATA { claim:ngos-are-weak nfp:participation participation:turksam-studies-on-azerbaijan--turksam } ;
