# A resource flagged for review that does not say what is open.
# expect: Violation factor:ngo-influence-on-foreign-policy nfp:openQuestion MinCountConstraintComponent
DELETE WHERE { factor:ngo-influence-on-foreign-policy nfp:openQuestion ?q } ;
