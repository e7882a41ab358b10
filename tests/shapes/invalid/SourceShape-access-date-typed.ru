# A source whose access date is typed xsd:date, a datatype outside OWL 2 DL, instead of a plain literal.
# expect: Violation work:willetts-2001 nfp:accessDate DatatypeConstraintComponent
DELETE { work:willetts-2001 nfp:accessDate ?d } INSERT { work:willetts-2001 nfp:accessDate "2017-05-30"^^xsd:date }
WHERE { work:willetts-2001 nfp:accessDate ?d } ;
