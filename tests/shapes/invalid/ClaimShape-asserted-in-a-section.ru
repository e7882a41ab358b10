# A claim said to be asserted in a section of the article instead of the article (a source).
# expect: Violation claim:ngos-are-weak nfp:assertedIn ClassConstraintComponent
DELETE DATA { claim:ngos-are-weak nfp:assertedIn work:bulgur-2023 } ;
INSERT DATA { claim:ngos-are-weak nfp:assertedIn section:bulgur-2023-introduction } ;
