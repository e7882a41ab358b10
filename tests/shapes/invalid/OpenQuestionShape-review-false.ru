# A flag set to false beside an open question: the flag is true, or left out with the question.
# expect: Violation factor:ngo-influence-on-foreign-policy nfp:needsReview HasValueConstraintComponent
DELETE DATA { factor:ngo-influence-on-foreign-policy nfp:needsReview true } ;
INSERT DATA { factor:ngo-influence-on-foreign-policy nfp:needsReview false } ;
