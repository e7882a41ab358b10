# Where a city lies, from an outside source, stated on the city itself.
# expect: Violation place:istanbul - ClassConstraintComponent
INSERT DATA { place:istanbul nfp:withinPlace state:turkey } ;
