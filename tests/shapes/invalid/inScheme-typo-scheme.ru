# A concept whose skos:inScheme has a typo (singular "group"), so it points to no concept scheme.
# expect: Violation concept:ngo-group-thought-platform skos:inScheme ClassConstraintComponent
DELETE { concept:ngo-group-thought-platform skos:inScheme scheme:turkish-ngo-groups }
INSERT { concept:ngo-group-thought-platform skos:inScheme scheme:turkish-ngo-group }
WHERE { concept:ngo-group-thought-platform skos:inScheme scheme:turkish-ngo-groups } ;
