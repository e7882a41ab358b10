# A language given by an IRI that is no ISO 639-1 code of the Library of Congress.
# expect: Violation work:willetts-2001 dcterms:language PatternConstraintComponent
INSERT DATA { work:willetts-2001 dcterms:language <http://example.org/english> } ;
