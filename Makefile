# emberwatch: the two set-up commands are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
WEB_DIST := src/emberwatch/web/static/dist/.built
PYTEST_ARGS ?=

.PHONY: demo test lint bench install web browser-deps clean

$(PY):
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 not found as '$(PYTHON)'; run: make PYTHON=/path/to/python3.11 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(STAMP): $(PY) pyproject.toml
	$(PIP) install -q -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)  ## install emberwatch and its dev tools into .venv

$(WEB_DIST): $(shell find frontend -type f -not -path '*/node_modules/*' 2>/dev/null)
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build
	@touch $(WEB_DIST)

web: $(WEB_DIST)  ## build the dashboard's static files from npm packages

browser-deps:  ## Debian chromium for the browser tests (skipped with a reason if it cannot be installed)
	@command -v chromium >/dev/null || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium could not be installed: browser tests will be skipped"; }

demo: install web  ## ingest the demo corpus, run every stage and serve the dashboard on :8000
	$(VENV)/bin/emberwatch demo

test: install web browser-deps  ## install and run the whole test suite
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy src/emberwatch

bench: install web browser-deps  ## run bench/ and write docs/benchmarks.md
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) frontend/node_modules src/emberwatch/web/static/dist .pytest_cache
