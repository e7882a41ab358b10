# A place with two English labels (the city name and a second spelling).
# expect: Violation place:istanbul rdfs:label MaxCountConstraintComponent
INSERT DATA { place:istanbul rdfs:label "İstanbul"@en } ;
