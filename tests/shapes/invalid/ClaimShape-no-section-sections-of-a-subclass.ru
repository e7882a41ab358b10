# A claim that does not say which section it stands in, though its source has sections, typed only with a subclass
# of nfp:Section that the data declares (the check follows rdfs:subClassOf, as sh:class does).
# expect: Violation claim:ngos-are-weak - SPARQLConstraintComponent
INSERT DATA { <https://example.org/Chapter> rdfs:subClassOf nfp:Section } ;
DELETE { ?s a nfp:Section } INSERT { ?s a <https://example.org/Chapter> } WHERE { ?s a nfp:Section } ;
DELETE WHERE { claim:ngos-are-weak nfp:inSection ?s } ;
