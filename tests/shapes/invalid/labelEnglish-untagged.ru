# A person whose label is a plain string without the @en language tag.
# expect: Violation person:sule-kut rdfs:label DatatypeConstraintComponent
# expect: Violation person:sule-kut rdfs:label LanguageInConstraintComponent
DELETE { person:sule-kut rdfs:label ?l } INSERT { person:sule-kut rdfs:label "Şule Kut" }
WHERE { person:sule-kut rdfs:label ?l } ;
