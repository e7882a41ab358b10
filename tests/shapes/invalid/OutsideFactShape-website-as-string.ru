# An outside fact whose website is a plain string instead of an xsd:anyURI.
# expect: Violation fact:organization-turksam-founding-year-1 nfp:website DatatypeConstraintComponent
DELETE WHERE { fact:organization-turksam-founding-year-1 nfp:foundingYear ?y } ;
INSERT DATA { fact:organization-turksam-founding-year-1 nfp:website "https://www.turksam.org" } ;
