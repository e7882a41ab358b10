# An outside fact that does not quote the words of its source.
# expect: Violation fact:organization-turksam-founding-year-1 nfp:wordsSeen MinCountConstraintComponent
DELETE WHERE { fact:organization-turksam-founding-year-1 nfp:wordsSeen ?w } ;
