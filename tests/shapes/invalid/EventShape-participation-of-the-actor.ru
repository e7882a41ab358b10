# An event that lists an organization itself as its participation, skipping the participation node.
# expect: Violation event:habitat-ii nfp:participation ClassConstraintComponent
INSERT DATA { event:habitat-ii nfp:participation organization:turksam } ;
