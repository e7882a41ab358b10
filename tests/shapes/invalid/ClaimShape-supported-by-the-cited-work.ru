# A claim supported by the cited work itself instead of the in-text citation.
# expect: Violation claim:ngos-bridge-on-sensitive-issues nfp:supportedBy ClassConstraintComponent
DELETE DATA { claim:ngos-bridge-on-sensitive-issues nfp:supportedBy citation:bulgur-2023-willetts-2001-357 } ;
INSERT DATA { claim:ngos-bridge-on-sensitive-issues nfp:supportedBy work:willetts-2001 } ;
