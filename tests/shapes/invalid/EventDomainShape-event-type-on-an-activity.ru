# A PLOVER event type given to an activity rather than an event.
# expect: Violation activity:turksam-studies-on-azerbaijan - ClassConstraintComponent
INSERT DATA { activity:turksam-studies-on-azerbaijan nfp:eventType concept:plover-consult } ;
