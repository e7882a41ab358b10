# A web source whose schema:url is a plain string instead of an xsd:anyURI.
# expect: Violation work:willetts-2001 schema:url DatatypeConstraintComponent
DELETE { work:willetts-2001 schema:url ?u } INSERT { work:willetts-2001 schema:url "http://www.example.org/" }
WHERE { work:willetts-2001 schema:url ?u } ;
