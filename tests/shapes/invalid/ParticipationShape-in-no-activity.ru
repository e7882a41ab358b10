# A participation that no activity or event lists with nfp:participation.
# expect: Violation participation:turksam-studies-on-azerbaijan--turksam ^nfp:participation MinCountConstraintComponent
DELETE WHERE { activity:turksam-studies-on-azerbaijan nfp:participation ?p } ;
