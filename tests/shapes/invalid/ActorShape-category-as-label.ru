# An organization whose category is the group's English name instead of the concept.
# expect: Violation organization:turksam nfp:category ClassConstraintComponent
DELETE DATA { organization:turksam nfp:category concept:ngo-group-thought-platform } ;
INSERT DATA { organization:turksam nfp:category "NGOs in the field of Thought Platform"@en } ;
