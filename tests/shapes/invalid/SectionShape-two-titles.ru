# A section given its title twice (as printed in capitals and in title case).
# expect: Violation section:bulgur-2023-introduction dcterms:title MaxCountConstraintComponent
INSERT DATA { section:bulgur-2023-introduction dcterms:title "INTRODUCTION"@en } ;
