# A source typed only nfp:Source, without its FaBiO class.
# expect: Violation work:bulgur-2023 rdf:type QualifiedMinCountConstraintComponent
DELETE DATA { work:bulgur-2023 a fabio:JournalArticle } ;
