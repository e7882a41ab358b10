# A citation that denotes two reference entries (the work is listed twice in the reference list).
# expect: Violation citation:bulgur-2023-willetts-2001-357 c4o:denotes MaxCountConstraintComponent
INSERT DATA {
  reference:bulgur-2023-29 a nfp:ReferenceEntry ; rdfs:label "Reference 29 of Bulgur (2023)"@en ; nfp:referenceNumber 29 ;
    biro:references work:willetts-2001 ; nfp:citingWork work:bulgur-2023 ; nfp:evidenceQuote "Willetts, P. (2001)." .
  citation:bulgur-2023-willetts-2001-357 c4o:denotes reference:bulgur-2023-29 .
} ;
