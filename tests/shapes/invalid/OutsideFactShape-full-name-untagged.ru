# An outside fact whose full name is a plain string without the language tag of the name.
# expect: Violation fact:organization-turksam-founding-year-1 nfp:fullName DatatypeConstraintComponent
DELETE WHERE { fact:organization-turksam-founding-year-1 nfp:foundingYear ?y } ;
INSERT DATA { fact:organization-turksam-founding-year-1 nfp:fullName "Türkiye Stratejik Araştırmalar Merkezi" } ;
