# An activity that lists the organization itself as its participation, skipping the participation node.
# expect: Violation activity:turksam-studies-on-azerbaijan nfp:participation ClassConstraintComponent
INSERT DATA { activity:turksam-studies-on-azerbaijan nfp:participation organization:turksam } ;
