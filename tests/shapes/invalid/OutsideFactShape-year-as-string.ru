# A founding year written as a string.
# expect: Violation fact:organization-turksam-founding-year-1 nfp:foundingYear DatatypeConstraintComponent
DELETE { fact:organization-turksam-founding-year-1 nfp:foundingYear ?y }
INSERT { fact:organization-turksam-founding-year-1 nfp:foundingYear "2000" }
WHERE { fact:organization-turksam-founding-year-1 nfp:foundingYear ?y } ;
