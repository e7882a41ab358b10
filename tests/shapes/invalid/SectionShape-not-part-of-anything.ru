# A section that does not say which work it is part of.
# expect: Violation section:bulgur-2023-introduction frbr:partOf MinCountConstraintComponent
DELETE WHERE { section:bulgur-2023-introduction frbr:partOf ?w } ;
