# A link record that does not say where the name and the identifier were seen together.
# expect: Violation link:state-turkey-wikidata nfp:evidenceLocation MinCountConstraintComponent
DELETE WHERE { link:state-turkey-wikidata nfp:evidenceLocation ?l } ;
