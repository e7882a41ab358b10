# A source accessed on "1995-02-30": a plain YYYY-MM-DD literal, but February has no 30th.
# expect: Violation work:willetts-2001 nfp:accessDate PatternConstraintComponent
DELETE { work:willetts-2001 nfp:accessDate ?d } INSERT { work:willetts-2001 nfp:accessDate "1995-02-30" }
WHERE { work:willetts-2001 nfp:accessDate ?d } ;
