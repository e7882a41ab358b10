# An activity whose period is given as the year it began (a literal) instead of a period.
# expect: Violation activity:turksam-studies-on-azerbaijan nfp:inPeriod ClassConstraintComponent
INSERT DATA { activity:turksam-studies-on-azerbaijan nfp:inPeriod "1991" } ;
