# An activity minted with capitals and underscores (activity/TURKSAM_studies).
# expect: Violation activity:TURKSAM_studies - PatternConstraintComponent
DELETE { activity:turksam-studies-on-azerbaijan ?p ?o } INSERT { activity:TURKSAM_studies ?p ?o } WHERE { activity:turksam-studies-on-azerbaijan ?p ?o } ;
