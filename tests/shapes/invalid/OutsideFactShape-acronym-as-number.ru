# An outside acronym written as a number.
# expect: Violation fact:organization-turksam-founding-year-1 nfp:sourcedAcronym DatatypeConstraintComponent
DELETE DATA { fact:organization-turksam-founding-year-1 nfp:foundingYear 2000 } ;
INSERT DATA { fact:organization-turksam-founding-year-1 nfp:sourcedAcronym 42 } ;
