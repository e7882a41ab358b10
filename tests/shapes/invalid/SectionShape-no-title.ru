# A section without its title.
# expect: Violation section:bulgur-2023-introduction dcterms:title MinCountConstraintComponent
DELETE WHERE { section:bulgur-2023-introduction dcterms:title ?t } ;
