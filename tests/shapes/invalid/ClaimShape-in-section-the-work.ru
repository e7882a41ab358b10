# A claim whose section is the whole article instead of a section of it.
# expect: Violation claim:ngos-are-weak nfp:inSection ClassConstraintComponent
DELETE DATA { claim:ngos-are-weak nfp:inSection section:bulgur-2023-introduction } ;
INSERT DATA { claim:ngos-are-weak nfp:inSection work:bulgur-2023 } ;
