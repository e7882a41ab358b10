# A state whose own-language name is a plain string without its @tr tag.
# expect: Violation state:turkey skos:prefLabel DatatypeConstraintComponent
DELETE { state:turkey skos:prefLabel ?l } INSERT { state:turkey skos:prefLabel "Türkiye" }
WHERE { state:turkey skos:prefLabel ?l } ;
