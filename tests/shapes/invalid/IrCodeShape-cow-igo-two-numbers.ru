# A second COW IGO number on the United Nations.
# expect: Violation organization:united-nations nfp:cowIgoNumber MaxCountConstraintComponent
INSERT DATA { organization:united-nations nfp:cowIgoNumber 4410 } ;
