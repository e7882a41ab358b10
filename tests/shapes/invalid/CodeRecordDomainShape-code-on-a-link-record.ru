# A link record given the Q-id as a code.
# expect: Violation link:state-turkey-wikidata - ClassConstraintComponent
INSERT DATA { link:state-turkey-wikidata nfp:code "Q43" } ;
