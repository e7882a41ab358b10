# A source accessed on a day that does not exist: "2017-02-30" is typed xsd:date but outside its lexical space.
# expect: Violation work:willetts-2001 nfp:accessDate DatatypeConstraintComponent
DELETE { work:willetts-2001 nfp:accessDate ?d } INSERT { work:willetts-2001 nfp:accessDate "2017-02-30"^^xsd:date }
WHERE { work:willetts-2001 nfp:accessDate ?d } ;
