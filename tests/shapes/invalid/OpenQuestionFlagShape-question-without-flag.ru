# An open question without the review flag, which a query for the flagged resources would miss.
# expect: Violation factor:ngo-influence-on-foreign-policy nfp:needsReview MinCountConstraintComponent
DELETE DATA { factor:ngo-influence-on-foreign-policy nfp:needsReview true } ;
