"""PLOVER event records (Open Event Data Alliance) mapped into the nfp: ontology: records.py prepares and
checks them, examples/plover-gsr/mapping.rml.ttl maps them (RML, morph-kgc), run.py grounds and writes."""
