# An organization without its English label.
# expect: Violation organization:turksam rdfs:label MinCountConstraintComponent
DELETE WHERE { organization:turksam rdfs:label ?label } ;
