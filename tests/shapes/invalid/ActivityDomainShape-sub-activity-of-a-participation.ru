# A participation said to be a sub-activity of its activity.
# expect: Violation participation:turksam-studies-on-azerbaijan--turksam - ClassConstraintComponent
INSERT DATA { participation:turksam-studies-on-azerbaijan--turksam nfp:subActivityOf activity:turksam-studies-on-azerbaijan } ;
