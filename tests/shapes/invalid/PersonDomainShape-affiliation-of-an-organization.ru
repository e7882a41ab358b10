# An organization given an affiliation (for a person) instead of org:unitOf.
# expect: Violation organization:turksam - ClassConstraintComponent
INSERT DATA { organization:turksam nfp:affiliation organization:united-nations } ;
