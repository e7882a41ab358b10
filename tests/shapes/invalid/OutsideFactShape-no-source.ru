# An outside fact that does not name the source it was derived from.
# expect: Violation fact:organization-turksam-founding-year-1 prov:wasDerivedFrom MinCountConstraintComponent
DELETE WHERE { fact:organization-turksam-founding-year-1 prov:wasDerivedFrom ?source } ;
