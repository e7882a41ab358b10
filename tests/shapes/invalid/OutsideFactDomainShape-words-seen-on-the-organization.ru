# An outside source's words and reading day written on the organization itself.
# expect: Violation organization:turksam - ClassConstraintComponent
INSERT DATA { organization:turksam nfp:wordsSeen "founded in 2000" ; nfp:readOn "2026-12-01" } ;
