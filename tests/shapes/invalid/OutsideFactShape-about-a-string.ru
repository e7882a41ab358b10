# An outside fact about the organization's name written as text instead of the organization.
# expect: Violation fact:organization-turksam-founding-year-1 nfp:factAbout NodeKindConstraintComponent
DELETE DATA { fact:organization-turksam-founding-year-1 nfp:factAbout organization:turksam } ;
INSERT DATA { fact:organization-turksam-founding-year-1 nfp:factAbout "TURKSAM" } ;
