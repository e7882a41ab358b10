# The participant written on the activity instead of its participation.
# expect: Violation activity:turksam-studies-on-azerbaijan - ClassConstraintComponent
INSERT DATA { activity:turksam-studies-on-azerbaijan nfp:participant organization:turksam } ;
