# Two dates on which the source was read.
# expect: Violation fact:organization-turksam-founding-year-1 nfp:readOn MaxCountConstraintComponent
INSERT DATA { fact:organization-turksam-founding-year-1 nfp:readOn "2026-11-30" } ;
