# An NGO typed only nfp:NonGovernmentalOrganization although the article says it is a research centre.
# expect: Warning organization:turksam - OrConstraintComponent
DELETE { organization:turksam a nfp:ResearchCentre } INSERT { organization:turksam a nfp:NonGovernmentalOrganization }
WHERE { organization:turksam a nfp:ResearchCentre } ;
