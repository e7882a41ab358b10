# A concept that is not placed in any concept scheme.
# expect: Violation concept:ngo-group-thought-platform skos:inScheme MinCountConstraintComponent
DELETE WHERE { concept:ngo-group-thought-platform skos:inScheme ?s } ;
