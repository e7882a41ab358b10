# A review flag written as the string "yes" instead of the boolean true.
# expect: Violation factor:ngo-influence-on-foreign-policy nfp:needsReview DatatypeConstraintComponent
# expect: Violation factor:ngo-influence-on-foreign-policy nfp:needsReview HasValueConstraintComponent
DELETE { factor:ngo-influence-on-foreign-policy nfp:needsReview true }
INSERT { factor:ngo-influence-on-foreign-policy nfp:needsReview "yes" }
WHERE { factor:ngo-influence-on-foreign-policy nfp:needsReview true } ;
