# A participation naming two actors (the organization and a person) instead of one each.
# expect: Violation participation:turksam-studies-on-azerbaijan--turksam nfp:participant MaxCountConstraintComponent
INSERT DATA { participation:turksam-studies-on-azerbaijan--turksam nfp:participant person:sule-kut } ;
