# An evidence quote tagged @en instead of being a plain string.
# expect: Violation event:habitat-ii nfp:evidenceQuote DatatypeConstraintComponent
DELETE { event:habitat-ii nfp:evidenceQuote ?q } INSERT { event:habitat-ii nfp:evidenceQuote "the HABITAT II conference held in Istanbul in 1996"@en }
WHERE { event:habitat-ii nfp:evidenceQuote ?q } ;
