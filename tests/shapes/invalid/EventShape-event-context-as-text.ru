# An event whose context is written as a language-tagged name instead of a concept of the coding scheme.
# expect: Violation event:habitat-ii nfp:eventContext ClassConstraintComponent
INSERT DATA { event:habitat-ii nfp:eventContext "diplomatic"@en } ;
