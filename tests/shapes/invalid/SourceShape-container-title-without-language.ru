# The title of the book a chapter is in, as a plain string: which language is it in?
# expect: Violation work:willetts-2001 nfp:containerTitle DatatypeConstraintComponent
DELETE DATA { work:willetts-2001 nfp:containerTitle "The Globalization of World Politics: An Introduction to International Relations"@en } ;
INSERT DATA { work:willetts-2001 nfp:containerTitle "The Globalization of World Politics: An Introduction to International Relations" } ;
