# A typology concept with two Turkish prefLabels.
# expect: Violation concept:ngo-group-thought-platform skos:prefLabel UniqueLangConstraintComponent
INSERT DATA { concept:ngo-group-thought-platform skos:prefLabel "Düşünce Platformu alanındaki STK'lar"@tr , "Düşünce Platformu STK'ları"@tr } ;
