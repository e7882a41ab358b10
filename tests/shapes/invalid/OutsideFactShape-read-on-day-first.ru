# An outside fact whose reading day is written day first (01.12.2026).
# expect: Violation fact:organization-turksam-founding-year-1 nfp:readOn PatternConstraintComponent
DELETE WHERE { fact:organization-turksam-founding-year-1 nfp:readOn ?d } ;
INSERT DATA { fact:organization-turksam-founding-year-1 nfp:readOn "01.12.2026" } ;
