# The citation placed in a section of the cited work instead of the citing one, the section typed only with a
# subclass of nfp:Section that the data declares (the check follows rdfs:subClassOf, as sh:class does).
# expect: Violation citation:bulgur-2023-willetts-2001-357 - SPARQLConstraintComponent
INSERT DATA { <https://example.org/Chapter> rdfs:subClassOf nfp:Section .
    section:willetts-2001-introduction a <https://example.org/Chapter> ; rdfs:label "Introduction of Willetts (2001)"@en ;
    dcterms:title "Introduction"@en ; frbr:partOf work:willetts-2001 ; nfp:evidenceQuote "Transnational Actors" } ;
DELETE { citation:bulgur-2023-willetts-2001-357 nfp:inSection section:bulgur-2023-introduction } INSERT { citation:bulgur-2023-willetts-2001-357 nfp:inSection section:willetts-2001-introduction }
WHERE { citation:bulgur-2023-willetts-2001-357 nfp:inSection section:bulgur-2023-introduction } ;
