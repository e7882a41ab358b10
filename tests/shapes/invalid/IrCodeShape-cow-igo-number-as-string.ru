# A COW IGO number written as a string.
# expect: Violation organization:united-nations nfp:cowIgoNumber DatatypeConstraintComponent
DELETE { organization:united-nations nfp:cowIgoNumber 4400 } INSERT { organization:united-nations nfp:cowIgoNumber "4400" }
WHERE { organization:united-nations nfp:cowIgoNumber 4400 } ;
