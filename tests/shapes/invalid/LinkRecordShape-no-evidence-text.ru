# A link record that does not quote the fragment where the pairing was seen.
# expect: Violation link:state-turkey-wikidata nfp:evidenceText MinCountConstraintComponent
DELETE WHERE { link:state-turkey-wikidata nfp:evidenceText ?text } ;
