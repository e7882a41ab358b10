# A period starting in "91": an xsd:gYear takes at least four digits.
# expect: Violation period:post-cold-war nfp:startDate OrConstraintComponent
DELETE { period:post-cold-war nfp:startDate ?d } INSERT { period:post-cold-war nfp:startDate "91"^^xsd:gYear }
WHERE { period:post-cold-war nfp:startDate ?d } ;
