# A place that is not grounded: its evidence quote was removed.
# expect: Violation place:istanbul nfp:evidenceQuote MinCountConstraintComponent
DELETE WHERE { place:istanbul nfp:evidenceQuote ?q } ;
