# An activity whose organizer is the organization's name as text, not the organization.
# expect: Violation activity:turksam-studies-on-azerbaijan nfp:organizer ClassConstraintComponent
INSERT DATA { activity:turksam-studies-on-azerbaijan nfp:organizer "TURKSAM" } ;
