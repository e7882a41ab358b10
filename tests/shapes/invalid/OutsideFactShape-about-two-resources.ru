# An outside fact about two resources at once.
# expect: Violation fact:organization-turksam-founding-year-1 nfp:factAbout MaxCountConstraintComponent
INSERT DATA { fact:organization-turksam-founding-year-1 nfp:factAbout state:turkey } ;
