# A section grounded only by its two-character number "I." instead of a real passage.
# expect: Violation section:bulgur-2023-introduction nfp:evidenceQuote MinLengthConstraintComponent
DELETE { section:bulgur-2023-introduction nfp:evidenceQuote ?q } INSERT { section:bulgur-2023-introduction nfp:evidenceQuote "I." }
WHERE { section:bulgur-2023-introduction nfp:evidenceQuote ?q } ;
