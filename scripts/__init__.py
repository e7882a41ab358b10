"""Build pipeline of the NGO–Foreign Policy Linked Data publication: sources -> instances -> validate -> publish.

The folders follow the stages (`build.py` runs them in order; `make` runs `build.py`):

- here: reading the sources safely (`inputs`, `load`, `origin`, `dates`), the shared places and errors
  (`paths`, `errors`), the build cache (`cache`) and the release version (`version`);
- `validate/`: every check of the sources (evidence quotes in `grounding`, SPARQL quality checks in `qc`, SHACL
  with pyshacl in `__init__` and the fast engine in `fastshacl`, OWL 2 DL profile and HermiT in `owlprofile` and
  `reasoning`, the article's coverage in `coverage`) and the `ngo-fp validate` command (`cli`);
- `link/`: links to Wikidata and IR identifiers (`records` reads links/, `countrycodes` writes the state codes,
  `reconcile` is `make link`);
- `publish/`: dist/ itself (`dumps`, `describe`, `exports`, written atomically by `atomic`) and the static site
  (`site/`, its templates and assets beside it);
- `serve/`: the read-only SPARQL endpoint (`make serve`); `plover/`: the PLOVER event records mapped to the ontology.
"""
