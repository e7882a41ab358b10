# A ROR id typed xsd:anyURI instead of a plain literal.
# expect: Violation organization:united-nations nfp:rorId DatatypeConstraintComponent
DELETE { organization:united-nations nfp:rorId "006kxhp52" } INSERT { organization:united-nations nfp:rorId "006kxhp52"^^xsd:anyURI }
WHERE { organization:united-nations nfp:rorId "006kxhp52" } ;
