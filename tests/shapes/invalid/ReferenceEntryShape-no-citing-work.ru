# A reference entry that does not say whose reference list it stands in.
# expect: Violation reference:bulgur-2023-28 nfp:citingWork MinCountConstraintComponent
DELETE WHERE { reference:bulgur-2023-28 nfp:citingWork ?w } ;
