# A collective actor whose only label is tagged Turkish instead of English.
# expect: Violation group:research-centres rdfs:label LanguageInConstraintComponent
DELETE { group:research-centres rdfs:label ?l } INSERT { group:research-centres rdfs:label "Türkiye'deki araştırma merkezleri"@tr }
WHERE { group:research-centres rdfs:label ?l } ;
