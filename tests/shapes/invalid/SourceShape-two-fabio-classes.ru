# A source typed with two FaBiO classes (book chapter and book).
# expect: Violation work:willetts-2001 rdf:type QualifiedMaxCountConstraintComponent
INSERT DATA { work:willetts-2001 a fabio:Book } ;
