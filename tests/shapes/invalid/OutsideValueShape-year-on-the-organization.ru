# An outside value stated on the organization itself, where nobody can tell it from the article's claims.
# expect: Violation organization:turksam - ClassConstraintComponent
INSERT DATA { organization:turksam nfp:foundingYear 2000 } ;
