# A source nobody outside can open: a local file.
# expect: Violation fact:organization-turksam-founding-year-1 prov:wasDerivedFrom PatternConstraintComponent
DELETE { fact:organization-turksam-founding-year-1 prov:wasDerivedFrom ?s }
INSERT { fact:organization-turksam-founding-year-1 prov:wasDerivedFrom <file:///home/me/notes.txt> }
WHERE { fact:organization-turksam-founding-year-1 prov:wasDerivedFrom ?s } ;
