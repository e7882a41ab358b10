# A hand-made evidence annotation motivated by oa:commenting instead of nfp:evidencing.
# expect: Violation <https://w3id.org/ngo-fp/resource/evidence/0000000000000000> <http://www.w3.org/ns/oa#motivatedBy> HasValueConstraintComponent
PREFIX oa: <http://www.w3.org/ns/oa#>
INSERT DATA {
  <https://w3id.org/ngo-fp/resource/evidence/0000000000000000> a nfp:Evidence ; oa:motivatedBy oa:commenting ; oa:hasBody organization:turksam ; oa:hasTarget <https://w3id.org/ngo-fp/resource/evidence/0000000000000000/target> .
  <https://w3id.org/ngo-fp/resource/evidence/0000000000000000/target> oa:hasSource work:bulgur-2023 ; oa:hasSelector <https://w3id.org/ngo-fp/resource/evidence/0000000000000000/quote> .
  <https://w3id.org/ngo-fp/resource/evidence/0000000000000000/quote> oa:exact "TURKSAM" .
} ;
