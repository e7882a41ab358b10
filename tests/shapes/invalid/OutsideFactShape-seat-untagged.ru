# An outside fact whose seat is a plain string without the language tag of the place name.
# expect: Violation fact:organization-turksam-founding-year-1 nfp:seat DatatypeConstraintComponent
DELETE WHERE { fact:organization-turksam-founding-year-1 nfp:foundingYear ?y } ;
INSERT DATA { fact:organization-turksam-founding-year-1 nfp:seat "Ankara" } ;
