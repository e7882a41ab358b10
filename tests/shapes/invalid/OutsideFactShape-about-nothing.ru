# An outside fact about no resource.
# expect: Violation fact:organization-turksam-founding-year-1 nfp:factAbout MinCountConstraintComponent
DELETE WHERE { fact:organization-turksam-founding-year-1 nfp:factAbout ?r } ;
