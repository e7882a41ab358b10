# An open question without a language tag.
# expect: Violation factor:ngo-influence-on-foreign-policy nfp:openQuestion DatatypeConstraintComponent
# expect: Violation factor:ngo-influence-on-foreign-policy nfp:openQuestion LanguageInConstraintComponent
DELETE { factor:ngo-influence-on-foreign-policy nfp:openQuestion ?q }
INSERT { factor:ngo-influence-on-foreign-policy nfp:openQuestion "Is influence the same as effectiveness?" }
WHERE { factor:ngo-influence-on-foreign-policy nfp:openQuestion ?q } ;
