# A section whose frbr:partOf has a typo (work/bulgur2023), so it is part of neither a source nor a section.
# expect: Violation section:bulgur-2023-introduction frbr:partOf OrConstraintComponent
DELETE { section:bulgur-2023-introduction frbr:partOf ?w } INSERT { section:bulgur-2023-introduction frbr:partOf work:bulgur2023 }
WHERE { section:bulgur-2023-introduction frbr:partOf ?w } ;
