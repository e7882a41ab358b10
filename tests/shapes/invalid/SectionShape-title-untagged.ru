# A section whose title has no language tag.
# expect: Violation section:bulgur-2023-introduction dcterms:title DatatypeConstraintComponent
DELETE { section:bulgur-2023-introduction dcterms:title ?t } INSERT { section:bulgur-2023-introduction dcterms:title "Introduction" }
WHERE { section:bulgur-2023-introduction dcterms:title ?t } ;
