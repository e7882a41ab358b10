# A name from an outside source written without the language of the name.
# expect: Violation fact:organization-turksam-founding-year-1 nfp:sourcedName DatatypeConstraintComponent
DELETE { fact:organization-turksam-founding-year-1 nfp:foundingYear ?y }
INSERT { fact:organization-turksam-founding-year-1 nfp:sourcedName "Türk Stratejik Araştırmalar Merkezi" }
WHERE { fact:organization-turksam-founding-year-1 nfp:foundingYear ?y } ;
