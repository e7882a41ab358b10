# An activity that is part of a larger activity whose IRI is mistyped, so it names no activity.
# expect: Violation activity:turksam-studies-on-azerbaijan nfp:subActivityOf ClassConstraintComponent
INSERT DATA { activity:turksam-studies-on-azerbaijan nfp:subActivityOf activity:turksam-studies } ;
