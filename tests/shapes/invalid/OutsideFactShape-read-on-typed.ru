# The day the source was read typed as xsd:date, outside OWL 2's datatype map (see "Dates and years").
# expect: Violation fact:organization-turksam-founding-year-1 nfp:readOn DatatypeConstraintComponent
DELETE WHERE { fact:organization-turksam-founding-year-1 nfp:readOn ?d } ;
INSERT DATA { fact:organization-turksam-founding-year-1 nfp:readOn "2026-12-01"^^xsd:date } ;
