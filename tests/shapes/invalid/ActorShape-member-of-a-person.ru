# An organization said to be a member of a person: a member belongs to a collective actor or a federation.
# expect: Violation organization:turksam nfp:memberOfGroup OrConstraintComponent
INSERT DATA { organization:turksam nfp:memberOfGroup person:sule-kut } ;
