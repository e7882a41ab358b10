# An event whose mode names an organization instead of a concept of the coding scheme.
# expect: Violation event:habitat-ii nfp:eventMode ClassConstraintComponent
INSERT DATA { event:habitat-ii nfp:eventMode organization:turksam } ;
