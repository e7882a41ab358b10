# An edition as a plain string ("2. Edition" and "3. Baskı" are in two languages).
# expect: Violation work:willetts-2001 nfp:edition DatatypeConstraintComponent
DELETE DATA { work:willetts-2001 nfp:edition "2. Edition"@en } ;
INSERT DATA { work:willetts-2001 nfp:edition "2. Edition" } ;
