# A source whose access date is written "30.05.2017" instead of YYYY-MM-DD.
# expect: Violation work:willetts-2001 nfp:accessDate PatternConstraintComponent
DELETE { work:willetts-2001 nfp:accessDate ?d } INSERT { work:willetts-2001 nfp:accessDate "30.05.2017" }
WHERE { work:willetts-2001 nfp:accessDate ?d } ;
