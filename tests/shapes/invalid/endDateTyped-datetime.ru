# A period whose end is an xsd:dateTime: neither a plain literal nor a day, month or year in ISO 8601 form.
# expect: Violation period:post-cold-war nfp:endDate DatatypeConstraintComponent
# expect: Violation period:post-cold-war nfp:endDate PatternConstraintComponent
INSERT DATA { period:post-cold-war nfp:endDate "2001-09-11T00:00:00"^^xsd:dateTime } ;
