# An NGO typed only nfp:NonGovernmentalOrganization although the article says it is a research centre.
# expect: Warning organization:turksam - OrConstraintComponent
DELETE DATA { organization:turksam a nfp:ResearchCentre } ;
