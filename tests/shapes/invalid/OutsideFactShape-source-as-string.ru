# The source written as a string rather than an IRI.
# expect: Violation fact:organization-turksam-founding-year-1 prov:wasDerivedFrom NodeKindConstraintComponent
DELETE { fact:organization-turksam-founding-year-1 prov:wasDerivedFrom ?s }
INSERT { fact:organization-turksam-founding-year-1 prov:wasDerivedFrom "https://example.org/turksam/about" }
WHERE { fact:organization-turksam-founding-year-1 prov:wasDerivedFrom ?s } ;
