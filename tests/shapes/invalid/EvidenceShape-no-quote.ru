# A hand-made evidence annotation whose passage has a selector without the quoted text.
# expect: Violation <https://w3id.org/ngo-fp/resource/evidence/0000000000000000> <http://www.w3.org/ns/oa#hasTarget>/<http://www.w3.org/ns/oa#hasSelector>/<http://www.w3.org/ns/oa#exact> MinCountConstraintComponent
PREFIX oa: <http://www.w3.org/ns/oa#>
INSERT DATA {
  <https://w3id.org/ngo-fp/resource/evidence/0000000000000000> a nfp:Evidence ; oa:motivatedBy nfp:evidencing ; oa:hasBody organization:turksam ; oa:hasTarget <https://w3id.org/ngo-fp/resource/evidence/0000000000000000/target> .
  <https://w3id.org/ngo-fp/resource/evidence/0000000000000000/target> oa:hasSource work:bulgur-2023 ; oa:hasSelector <https://w3id.org/ngo-fp/resource/evidence/0000000000000000/quote> .
  <https://w3id.org/ngo-fp/resource/evidence/0000000000000000/quote> a oa:TextQuoteSelector .
} ;
