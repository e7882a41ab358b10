# NGO–Foreign Policy Linked Data: sources -> instances -> validate -> publish.
# `make` sets everything up and publishes dist/; `make test` runs the tests. `make help` lists the targets.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.DEFAULT_GOAL := all
MAKEFLAGS += --no-builtin-rules

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-12)
RML_VENV := .venv-rml
RML_STAMP := $(RML_VENV)/.installed-$(shell sha256sum requirements-rml.txt | cut -c1-12)
# sssom-py, the SSSOM reference implementation, for the tests only (its LinkML and pandas stack in a venv of its own)
SSSOM_VENV := .venv-sssom
SSSOM_STAMP := $(SSSOM_VENV)/.installed-$(shell sha256sum requirements-sssom.txt | cut -c1-12)
# roc-validator, the RO-Crate validator, for the tests only (its CLI stack in a venv of its own)
ROCRATE_VENV := .venv-rocrate
ROCRATE_STAMP := $(ROCRATE_VENV)/.installed-$(shell sha256sum requirements-rocrate.txt | cut -c1-12)
# The standard vocabularies the ontology aligns to (PROV-O, ORG, SKOS, ...), pinned in a package-lock.json
VOCAB := tests/vocabularies
VOCAB_STAMP := $(VOCAB)/node_modules/.installed-$(shell sha256sum $(VOCAB)/package-lock.json | cut -c1-12)
# The checkers the site's tests run (axe-core for accessibility, the Nu Html Checker), pinned likewise
SITE_CHECKERS := tests/site-checkers
SITE_CHECKERS_STAMP := $(SITE_CHECKERS)/node_modules/.installed-$(shell sha256sum $(SITE_CHECKERS)/package-lock.json | cut -c1-12)
# What the build reads: `make` rebuilds dist/ when one of these files (or a folder's list of files) is newer
# than dist/SHA256SUMS, which the build dates to its own start; otherwise it does nothing. Only names make reads
# as names are listed (ASCII letters, digits, . _ - + @ / and spaces, escaped): a ; : $ # % or tab in a file's
# name would be make syntax (a name with `;touch\tX` ran `touch X`). Where another name is found, make runs the
# build every time (FORCE), and the build decides by content hashes whether anything changed.
INPUT_FOLDERS := instances links ontology shapes sources queries docs scripts examples/plover-gsr
MAKE_SAFE_NAME := [-A-Za-z0-9._/+@ ]*
BUILD_INPUTS := $(shell LC_ALL=C find $(INPUT_FOLDERS) -name __pycache__ -prune -o -regextype posix-extended \
	-regex '$(MAKE_SAFE_NAME)' \( -type f -o -type d -o -type l \) -print 2>/dev/null | LC_ALL=C sort | sed 's/ /\\ /g') VERSION \
	$(if $(shell LC_ALL=C find $(INPUT_FOLDERS) -name __pycache__ -prune -o -regextype posix-extended \
	! -regex '$(MAKE_SAFE_NAME)' -print 2>/dev/null | head -c 1),FORCE)
# A file put back with an older modification time (cp -p, tar x, rsync -t) is not newer than dist/SHA256SUMS,
# but its status-change time, which no one can set back, is: then the build runs and decides by content hashes.
BUILD_INPUTS += $(if $(wildcard dist/SHA256SUMS),$(if $(shell find $(INPUT_FOLDERS) VERSION -name __pycache__ \
	-prune -o -cnewer dist/SHA256SUMS -print -quit 2>/dev/null),FORCE))
# `make release VERSION=...` hands the value to the build as one quoted argument, never to make or the shell.
unexport VERSION
quote = '$(subst ','\'',$(1))'
# a newline in a value would split the recipe line it is quoted into (make runs each line in a shell of its own)
define newline


endef
one_line = $(if $(findstring $(newline),$(value $(1))),@echo "make $@: $(1) must be one line" >&2; exit 2)

.PHONY: help all setup java jena vocabularies site-checkers build validate test coverage link serve release nanopubs-sign bench bench-endpoint bench-load bench-store bench-build examples plover clean FORCE
.PRECIOUS: dist/SHA256SUMS

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

all: setup dist/SHA256SUMS ## Set up (.venv, Java), validate and publish dist/ (nothing to do when no source changed)

setup: $(STAMP) $(RML_STAMP) java ## Create .venv (and .venv-rml for the RML engine) with pinned dependencies; install Java if missing

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

$(RML_STAMP): requirements-rml.txt
	$(PYTHON) -m venv $(RML_VENV)
	$(RML_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-rml.txt
	rm -f $(RML_VENV)/.installed-*
	touch $@

$(SSSOM_STAMP): requirements-sssom.txt
	$(PYTHON) -m venv $(SSSOM_VENV)
	$(SSSOM_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-sssom.txt
	rm -f $(SSSOM_VENV)/.installed-*
	touch $@

$(ROCRATE_STAMP): requirements-rocrate.txt
	$(PYTHON) -m venv $(ROCRATE_VENV)
	$(ROCRATE_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-rocrate.txt
	rm -f $(ROCRATE_VENV)/.installed-*
	touch $@

java: ## Make sure Java is there: a runtime for HermiT, a JDK and OWL API for the OWL 2 DL profile test (installs Debian's packages as root)
	@missing=""; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v javac >/dev/null 2>&1 || missing="$$missing default-jdk-headless"; \
	[ -f /usr/share/java/owlapi-distribution.jar ] || missing="$$missing libowlapi-java"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "error: missing Debian packages:$$missing (e.g. sudo apt-get install$$missing)" >&2; exit 1; \
	  fi; \
	fi

jena: java ## Make sure Apache Jena is there for the reference checks of `make test` (installs Debian's libapache-jena-java as root)
	@[ -e /usr/share/java/jena-shacl.jar ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Apache Jena is missing: installing libapache-jena-java"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libapache-jena-java >/dev/null; \
	  else \
	    echo "error: Apache Jena is missing; install it (e.g. sudo apt-get install libapache-jena-java)" >&2; exit 1; \
	  fi; }

vocabularies: $(VOCAB_STAMP) ## Fetch the standard vocabularies the alignment tests read (pinned, from npm; installs Debian's npm as root)

site-checkers: $(SITE_CHECKERS_STAMP) ## Fetch the checkers the site's tests run: axe-core (accessibility) and the Nu Html Checker (pinned, from npm)

# npm ci of a folder's package.json and package-lock.json (installs Debian's npm as root when missing)
define npm_ci
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "npm is missing: installing Debian's npm"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
	  else \
	    echo "error: npm is missing; install it (e.g. sudo apt-get install npm)" >&2; exit 1; \
	  fi; }
	npm ci --prefix $(1) --ignore-scripts --omit=peer --no-audit --no-fund --loglevel=error
	touch $@
endef

$(VOCAB_STAMP): $(VOCAB)/package.json $(VOCAB)/package-lock.json
	$(call npm_ci,$(VOCAB))

$(SITE_CHECKERS_STAMP): $(SITE_CHECKERS)/package.json $(SITE_CHECKERS)/package-lock.json
	$(call npm_ci,$(SITE_CHECKERS))

build: setup ## Validate everything and publish dist/ atomically, even if make thinks it up to date
	$(PY) -m scripts.build

dist/SHA256SUMS: $(BUILD_INPUTS) $(STAMP)
	$(PY) -m scripts.build

FORCE:

# DATA is handed to the validator as one quoted argument after `--`, never expanded by make (a `$(shell ...)` in
# it ran) nor read as an option (a leading -): a path with spaces, quotes or a dash stays one path. make itself
# exits 2 on any failure; it prints the validator's own exit code (use `ngo-fp validate` in scripts).
# DATA given on the command line is a path even when empty or blank (the validator refuses it, exit 4), where
# $(if) would read a blank value as no DATA and validate the project.
unexport DATA
DATA_GIVEN := $(or $(filter command line,$(origin DATA)),$(strip $(value DATA)))
validate: setup ## Validate the project without touching dist/; DATA=path validates one RDF file or folder instead
	$(call one_line,DATA)
	$(if $(DATA_GIVEN),@code=0; $(PY) -m scripts.validate -- $(call quote,$(value DATA)) || code=$$?; \
	  if [ "$$code" -ge 2 ] && [ "$$code" -le 4 ]; then \
	    echo "make validate: the validator exited with $$code (2 warnings, 3 violations, 4 unreadable input)" >&2; \
	  elif [ "$$code" != 0 ]; then \
	    echo "make validate: the validator exited with $$code (not one of its codes: it crashed or was stopped)" >&2; fi; \
	  exit "$$code",$(PY) -m scripts.build --no-publish)

link: setup ## Re-check the Wikidata links and look for candidates online (says so and keeps the records when offline)
	$(PY) -m scripts.link.reconcile

coverage: setup ## Report which resources ground each paragraph and which names map to nothing (fails if any)
	$(PY) -m scripts.validate.coverage --out dist/coverage.md

test: setup jena vocabularies site-checkers $(SSSOM_STAMP) $(ROCRATE_STAMP) ## Run the tests (Jena SHACL and riot as reference tools; the standard vocabularies for the alignments; the site's checkers; sssom-py; the RO-Crate validator)
	$(PY) -m pytest

serve: setup ## Serve dist/ on http://127.0.0.1:8000 (PORT=...): the site, the IRIs, a read-only SPARQL endpoint (run `make` first)
	$(PY) -m scripts.serve --port $(or $(PORT),8000)

release: setup ## Build a release: make release VERSION=x.y.z stamps the version and writes releases/x.y.z/
	$(if $(value VERSION),,@echo "usage: make release VERSION=x.y.z" >&2; exit 2)
	$(call one_line,VERSION)
	$(PY) -m scripts.build --release=$(call quote,$(value VERSION))

nanopubs-sign: setup dist/SHA256SUMS ## Sign the claims' nanopublications: make nanopubs-sign KEY=~/.nanopub/id_rsa ORCID=https://orcid.org/... [NAME=...] [OUT=folder]
	$(if $(and $(value KEY),$(value ORCID)),,@echo "usage: make nanopubs-sign KEY=path/to/id_rsa ORCID=https://orcid.org/0000-0000-0000-0000 [NAME=name] [OUT=folder]" >&2; exit 2)
	$(call one_line,KEY)
	$(call one_line,ORCID)
	$(call one_line,NAME)
	$(call one_line,OUT)
	$(PY) -m scripts.publish.nanopubs --key=$(call quote,$(value KEY)) --orcid=$(call quote,$(value ORCID))$(if $(value NAME), --name=$(call quote,$(value NAME)))$(if $(value OUT), --out=$(call quote,$(value OUT)))

examples: setup ## Map the examples (CSV registry; PLOVER event records) to RDF with morph-kgc and validate them
	mkdir -p dist/examples
	$(RML_VENV)/bin/python -m morph_kgc examples/ngo-registry/config.ini
	$(PY) -m scripts.validate dist/examples/ngo-registry.nt
	$(PY) -m scripts.plover examples/plover-gsr/gsr-sample.json dist/examples/plover-gsr.ttl --expect-refused examples/plover-gsr/expected-refusals.txt
	$(PY) -m scripts.validate dist/examples/plover-gsr.ttl

plover: setup ## Map a file of PLOVER event records: make plover IN=records.json OUT=records.ttl (exit 0 only when every record mapped)
	$(call one_line,IN)
	$(call one_line,OUT)
	@[ -n $(call quote,$(value IN)) ] && [ -n $(call quote,$(value OUT)) ] || { echo "usage: make plover IN=records.json OUT=records.ttl" >&2; exit 2; }
	$(PY) -m scripts.plover -- $(call quote,$(value IN)) $(call quote,$(value OUT))

bench: setup dist/SHA256SUMS ## Benchmark validation, queries and serialization at 10k-2M triples; writes bench/README.md (slow)
	$(PY) bench/run.py

bench-endpoint: setup dist/SHA256SUMS ## Time the example queries on the endpoint alone (50 requests each); writes the Endpoint table of bench/README.md
	$(PY) bench/run.py --endpoint-only

bench-load: setup dist/SHA256SUMS ## Load the endpoint with 8, 32 and 128 clients on the example queries; writes the Load table of bench/README.md
	$(PY) bench/load.py

bench-store: setup ## Time Oxigraph's in-memory load alone at 50k-4M triples (the fast engine's load); writes its section of bench/README.md
	$(PY) bench/store.py

bench-build: setup ## Time the article's own build (nothing changed, one file changed, make's no-op); writes its section of bench/README.md
	$(PY) bench/build.py

clean: ## Remove dist/, releases/, the build cache, bench data and the virtual environments
	rm -rf dist dist.tmp dist.old dist.lock releases bench/data .cache/build $(VENV) $(RML_VENV) $(SSSOM_VENV) $(ROCRATE_VENV) .pytest_cache
