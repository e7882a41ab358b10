# A period whose end is typed xsd:dateTime, which is none of xsd:date, xsd:gYearMonth or xsd:gYear.
# expect: Violation period:post-cold-war nfp:endDate OrConstraintComponent
INSERT DATA { period:post-cold-war nfp:endDate "2001-09-11T00:00:00"^^xsd:dateTime } ;
