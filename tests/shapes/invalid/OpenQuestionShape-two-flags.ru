# A resource flagged twice, true and false.
# expect: Violation factor:ngo-influence-on-foreign-policy nfp:needsReview MaxCountConstraintComponent
INSERT DATA { factor:ngo-influence-on-foreign-policy nfp:needsReview false } ;
