# A source whose title has no language tag.
# expect: Violation work:bulgur-2023 dcterms:title DatatypeConstraintComponent
DELETE { work:bulgur-2023 dcterms:title ?t }
INSERT { work:bulgur-2023 dcterms:title "The Role of the Interaction between NGOs and Foreign Policy in Turkey-Azerbaijan Relations" }
WHERE { work:bulgur-2023 dcterms:title ?t } ;
