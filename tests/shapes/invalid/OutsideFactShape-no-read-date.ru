# An outside fact that does not say when its source was read.
# expect: Violation fact:organization-turksam-founding-year-1 nfp:readOn MinCountConstraintComponent
DELETE WHERE { fact:organization-turksam-founding-year-1 nfp:readOn ?d } ;
