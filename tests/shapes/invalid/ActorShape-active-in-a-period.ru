# An organization said to be active in a period instead of a place.
# expect: Violation organization:turksam nfp:activeIn ClassConstraintComponent
INSERT DATA { organization:turksam nfp:activeIn period:post-cold-war } ;
