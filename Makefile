# GenCNN course. `make book` builds the site, `make test` runs every check; both set up .venv first.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
# Builds and tests use the data shipped with the package, so every build prints the same numbers.
# `make book GENCNN_DATA_SOURCE=full` builds on the complete datasets instead (needs the network); switching
# the source either way runs every chapter again.
GENCNN_DATA_SOURCE := embedded
export GENCNN_DATA_SOURCE
export TF_CPP_MIN_LOG_LEVEL := 3
export PYTHONHASHSEED := 0
JB_STRICT := -W -n --keep-going
# The browser tests drive Debian's chromium and serve the CDN's files from node_modules.
CHROMIUM ?= /usr/bin/chromium
export GENCNN_CHROMIUM := $(CHROMIUM)
NPM_STAMP := node_modules/.installed
# Submissions are graded inside bubblewrap (tools/sandbox.py).
BWRAP := /usr/bin/bwrap
# The execution cache keys on the chapters' code cells only; when the helper package changes (a widget's
# front end, a plot helper) or the data source does, the chapters must run and be read again, so the
# package's files and the source stamp the cache.
PACKAGE_FILES := $(shell find gencnn -name '*.py' -o -name '*.js' -o -name '*.css')
CACHE_STAMP := _build/.cache-stamp-$(GENCNN_DATA_SOURCE)

.PHONY: help book serve test check linkcheck labs grade autograder bench bench-widgets lock clean

help:
	@echo "make book    set up .venv, build the book into _build/html (warnings are errors)"
	@echo "make serve   serve the built book on http://127.0.0.1:$(PORT)"
	@echo "make test    set up .venv, run every check (unit, labs, chapters, strict build, links, browser); times each stage"
	@echo "make check   the quick loop while editing: ruff, unit tests, the labs' questions one by one (about 2 min)"
	@echo "make linkcheck   check the book's external links (needs the network; not part of make test)"
	@echo "make labs    regenerate labs/ (student notebooks, public tests) and book/labs.md from solutions/"
	@echo "make grade LAB=lab01 SUBMISSIONS=folder [TIMEOUT=600] [JOBS=n] [MEMORY=4] [SANDBOX=none]   grade each submission in a sandbox"
	@echo "make autograder LAB=lab01   write _build/autograder/lab01-autograder.zip for Gradescope or otter grade (Docker)"
	@echo "make bench   time make test from a clean build (stage by stage, each chapter) and a warm rebuild"
	@echo "make bench-widgets   time the widgets' slider updates in headless Chromium"
	@echo "make lock    re-resolve requirements/lock.txt and environment.yml from requirements.in"
	@echo "make clean   remove the build output (keeps .venv)"

$(STAMP): requirements/lock.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10) and "Python 3.10 or newer is needed; $(PYTHON) is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check --progress-bar off -r requirements/lock.txt
	$(BIN)/python -m pip install --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(CACHE_STAMP): $(PACKAGE_FILES)
	rm -rf _build/.jupyter_cache _build/.doctrees _build/.cache-stamp-*
	mkdir -p _build && touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

APT_GET := $(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive apt-get

$(CHROMIUM):
	@echo "Installing Debian's chromium for the browser tests"
	$(APT_GET) update -qq
	$(APT_GET) install -y -qq --no-install-recommends chromium

$(BWRAP):
	@echo "Installing Debian's bubblewrap, the sandbox that submissions are graded in"
	$(APT_GET) update -qq
	$(APT_GET) install -y -qq --no-install-recommends bubblewrap

book: $(STAMP) $(CACHE_STAMP)
	$(BIN)/python tools/execute_chapters.py
	$(BIN)/jupyter-book build . $(JB_STRICT)
	@echo "Built: $(CURDIR)/_build/html/index.html"

serve:
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

test: $(STAMP) $(CACHE_STAMP) $(NPM_STAMP) $(CHROMIUM) $(BWRAP)
	$(BIN)/python tools/test_stages.py test

check: $(STAMP)
	$(BIN)/python tools/test_stages.py check

linkcheck: $(STAMP) $(CACHE_STAMP)
	$(BIN)/jupyter-book build . --builder linkcheck

labs: $(STAMP)
	$(BIN)/python tools/make_labs.py

grade: $(STAMP) $(if $(filter none,$(SANDBOX)),,$(BWRAP))
	@if [ -z "$(LAB)" ] || [ -z "$(SUBMISSIONS)" ]; then \
		echo "usage: make grade LAB=lab01 SUBMISSIONS=folder [TIMEOUT=seconds per submission] [JOBS=n at once] [MEMORY=GiB] [SANDBOX=none]"; exit 2; fi
	$(BIN)/python tools/grade.py $(LAB) $(SUBMISSIONS) $(if $(TIMEOUT),--timeout $(TIMEOUT)) $(if $(JOBS),--jobs $(JOBS)) \
		$(if $(MEMORY),--memory $(MEMORY)) $(if $(SANDBOX),--sandbox $(SANDBOX))

autograder: $(STAMP)
	@if [ -z "$(LAB)" ]; then echo "usage: make autograder LAB=lab01"; exit 2; fi
	$(BIN)/python tools/autograder.py $(LAB)

bench: $(STAMP)
	$(BIN)/python tools/bench.py

bench-widgets: $(STAMP) $(NPM_STAMP) $(CHROMIUM)
	$(BIN)/python tools/bench_widgets.py

lock: $(STAMP)
	$(BIN)/uv pip compile requirements/requirements.in --python-version 3.10 --no-header \
		--annotation-style line -o requirements/lock.txt
	$(BIN)/python tools/write_environment.py

clean:
	rm -rf _build
