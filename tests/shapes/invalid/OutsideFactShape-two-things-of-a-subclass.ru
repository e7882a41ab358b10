# One outside fact that states two things (a year and a seat), typed only with a subclass of nfp:OutsideFact that the
# data declares (the count follows rdfs:subClassOf, as the shape's target does).
# expect: Violation fact:organization-turksam-founding-year-1 - SPARQLConstraintComponent
INSERT DATA { <https://example.org/SourcedFact> rdfs:subClassOf nfp:OutsideFact .
    fact:organization-turksam-founding-year-1 nfp:seat "Ankara"@en } ;
DELETE DATA { fact:organization-turksam-founding-year-1 a nfp:OutsideFact } ;
INSERT DATA { fact:organization-turksam-founding-year-1 a <https://example.org/SourcedFact> } ;
