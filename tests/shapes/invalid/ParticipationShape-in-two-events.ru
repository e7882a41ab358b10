# One participation listed by an activity and by an event: it belongs to exactly one.
# expect: Violation participation:turksam-studies-on-azerbaijan--turksam ^nfp:participation MaxCountConstraintComponent
INSERT DATA { event:habitat-ii nfp:participation participation:turksam-studies-on-azerbaijan--turksam } ;
