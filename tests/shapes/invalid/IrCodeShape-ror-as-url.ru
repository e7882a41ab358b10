# The whole ROR IRI written as the id.
# expect: Violation organization:united-nations nfp:rorId PatternConstraintComponent
DELETE { organization:united-nations nfp:rorId "006kxhp52" } INSERT { organization:united-nations nfp:rorId "https://ror.org/006kxhp52" }
WHERE { organization:united-nations nfp:rorId "006kxhp52" } ;
