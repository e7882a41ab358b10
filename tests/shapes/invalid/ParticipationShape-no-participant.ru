# A participation that does not say who participated.
# expect: Violation participation:turksam-studies-on-azerbaijan--turksam nfp:participant MinCountConstraintComponent
DELETE WHERE { participation:turksam-studies-on-azerbaijan--turksam nfp:participant ?a } ;
