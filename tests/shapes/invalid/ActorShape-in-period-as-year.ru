# An organization whose period is a year written as text instead of a period.
# expect: Violation organization:turksam nfp:inPeriod ClassConstraintComponent
DELETE DATA { organization:turksam nfp:inPeriod period:post-cold-war } ;
INSERT DATA { organization:turksam nfp:inPeriod "1991" } ;
