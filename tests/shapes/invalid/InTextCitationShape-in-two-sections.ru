# A citation placed in two sections of the article at once.
# expect: Violation citation:bulgur-2023-willetts-2001-357 nfp:inSection MaxCountConstraintComponent
INSERT DATA {
  section:bulgur-2023-conclusion a nfp:Section ; rdfs:label "Conclusion of Bulgur (2023)"@en ; dcterms:title "Conclusion"@en ;
    nfp:order 5 ; frbr:partOf work:bulgur-2023 ; nfp:evidenceQuote "I. INTRODUCTION" .
  citation:bulgur-2023-willetts-2001-357 nfp:inSection section:bulgur-2023-conclusion .
} ;
