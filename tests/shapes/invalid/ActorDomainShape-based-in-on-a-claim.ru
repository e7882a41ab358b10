# A claim given the place an actor is based in.
# expect: Violation claim:ngos-are-weak - ClassConstraintComponent
INSERT DATA { claim:ngos-are-weak nfp:basedIn state:turkey } ;
