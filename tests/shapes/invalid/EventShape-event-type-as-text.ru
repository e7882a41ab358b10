# An event coded with its event type written as a string instead of a concept of the typology.
# expect: Violation event:habitat-ii nfp:eventType ClassConstraintComponent
INSERT DATA { event:habitat-ii nfp:eventType "CONSULT" } ;
