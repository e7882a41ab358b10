# A state with two Turkish prefLabels (the short and the official name).
# expect: Violation state:turkey skos:prefLabel UniqueLangConstraintComponent
INSERT DATA { state:turkey skos:prefLabel "Türkiye Cumhuriyeti"@tr } ;
