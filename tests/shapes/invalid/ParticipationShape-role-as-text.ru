# A participation whose role is written as text instead of a role of the typology.
# expect: Violation participation:turksam-studies-on-azerbaijan--turksam nfp:role ClassConstraintComponent
DELETE DATA { participation:turksam-studies-on-azerbaijan--turksam nfp:role role:forming-public-opinion } ;
INSERT DATA { participation:turksam-studies-on-azerbaijan--turksam nfp:role "forming public opinion"@en } ;
