# Azerbaijan's M49 code copied onto Turkey beside its own.
# expect: Violation state:turkey nfp:unM49Code MaxCountConstraintComponent
INSERT DATA { state:turkey nfp:unM49Code 31 } ;
