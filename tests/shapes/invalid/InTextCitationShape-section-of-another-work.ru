# The citation placed in a section of the cited work instead of the citing one.
# expect: Violation citation:bulgur-2023-willetts-2001-357 - SPARQLConstraintComponent
INSERT DATA { section:willetts-2001-introduction a nfp:Section ; rdfs:label "Introduction of Willetts (2001)"@en ;
    dcterms:title "Introduction"@en ; frbr:partOf work:willetts-2001 ; nfp:evidenceQuote "Transnational Actors" } ;
DELETE { citation:bulgur-2023-willetts-2001-357 nfp:inSection section:bulgur-2023-introduction } INSERT { citation:bulgur-2023-willetts-2001-357 nfp:inSection section:willetts-2001-introduction }
WHERE { citation:bulgur-2023-willetts-2001-357 nfp:inSection section:bulgur-2023-introduction } ;
