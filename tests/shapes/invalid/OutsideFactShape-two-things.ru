# One outside fact that states two things (a year and a seat).
# expect: Violation fact:organization-turksam-founding-year-1 - SPARQLConstraintComponent
INSERT DATA { fact:organization-turksam-founding-year-1 nfp:seat "Ankara"@en } ;
