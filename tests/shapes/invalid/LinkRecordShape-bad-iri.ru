# A link record minted with an upper-case, underscored IRI.
# expect: Violation <https://w3id.org/ngo-fp/resource/link/Turkey_Wikidata> - PatternConstraintComponent
INSERT DATA {
  <https://w3id.org/ngo-fp/resource/link/Turkey_Wikidata> a nfp:LinkRecord ;
      rdfs:label "Wikidata link of Turkey"@en ;
      nfp:linkedResource state:turkey ;
      nfp:linkTarget <http://www.wikidata.org/entity/Q43> ;
      nfp:evidenceLocation "usc-isi-i2/t2wml:backend/causx/country_entities.py" ;
      nfp:evidenceText "\"Q43\": { \"label\": \"Turkey\" }" ;
      nfp:checkedOn "2026-11-24" .
} ;
