# A period whose English label is left empty.
# expect: Violation period:post-cold-war rdfs:label MinLengthConstraintComponent
DELETE { period:post-cold-war rdfs:label ?l } INSERT { period:post-cold-war rdfs:label ""@en }
WHERE { period:post-cold-war rdfs:label ?l } ;
