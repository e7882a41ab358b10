# Another organization's ROR id added to the United Nations beside its own.
# expect: Violation organization:united-nations nfp:rorId MaxCountConstraintComponent
INSERT DATA { organization:united-nations nfp:rorId "04ttnw109" } ;
