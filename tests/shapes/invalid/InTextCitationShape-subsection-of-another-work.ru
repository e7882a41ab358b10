# The citation placed in a subsection, two frbr:partOf steps down, of the cited work instead of the citing one
# (the nearest work up the chain is the one its section belongs to).
# expect: Violation citation:bulgur-2023-willetts-2001-357 - SPARQLConstraintComponent
INSERT DATA {
  section:willetts-2001-introduction a nfp:Section ; rdfs:label "Introduction of Willetts (2001)"@en ;
    dcterms:title "Introduction"@en ; frbr:partOf work:willetts-2001 ; nfp:evidenceQuote "Transnational Actors" .
  section:willetts-2001-introduction-aims a nfp:Section ; rdfs:label "Aims of the introduction of Willetts (2001)"@en ;
    dcterms:title "Aims"@en ; frbr:partOf section:willetts-2001-introduction ; nfp:evidenceQuote "Transnational Actors" .
} ;
DELETE { citation:bulgur-2023-willetts-2001-357 nfp:inSection section:bulgur-2023-introduction }
INSERT { citation:bulgur-2023-willetts-2001-357 nfp:inSection section:willetts-2001-introduction-aims }
WHERE { citation:bulgur-2023-willetts-2001-357 nfp:inSection section:bulgur-2023-introduction } ;
