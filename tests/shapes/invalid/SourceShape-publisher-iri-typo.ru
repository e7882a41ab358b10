# A source whose publisher IRI has a typo, so it names an organization described nowhere (no label, no evidence).
# expect: Violation work:bulgur-2023 nfp:publisher ClassConstraintComponent
INSERT DATA { work:bulgur-2023 nfp:publisher organization:turksm } ;
