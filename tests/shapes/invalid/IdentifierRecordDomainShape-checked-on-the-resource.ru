# The day a link was checked written on the linked state.
# expect: Violation state:turkey - ClassConstraintComponent
INSERT DATA { state:turkey nfp:checkedOn "2026-11-24" } ;
