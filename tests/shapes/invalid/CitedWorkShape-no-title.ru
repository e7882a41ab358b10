# A work of the reference list without a title (a Warning).
# expect: Warning work:willetts-2001 dcterms:title MinCountConstraintComponent
DELETE WHERE { work:willetts-2001 dcterms:title ?t } ;
