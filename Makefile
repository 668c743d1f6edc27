# Two commands on a fresh clone:
#   make serve   build the database and serve it on http://127.0.0.1:8001 (PORT=N for another port)
#   make test    install what the tests need and run them all
#   make preview draft new articles and serve the preview on http://127.0.0.1:8002 (PORT=N), updating as you edit

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8001
PREVIEW_PORT ?= $(if $(filter command line environment,$(origin PORT)),$(PORT),8002)
HOST ?= 127.0.0.1

# How the dataset is served, here, in the Dockerfile and in the tests: dist/ is a
# Datasette configuration directory (database, inspect file, metadata, settings.json,
# templates, plugins, static/), so the command is the folder and nothing else.

.PHONY: serve preview build test lint install install-test system-test-deps clean

$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(BIN)/pip install --quiet -r requirements-test.txt -c constraints.txt
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test system-test-deps

# Debian's chromium for the browser tests (Playwright's own browser download does
# not work here) and wrk for the serving benchmark.
system-test-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v wrk >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium wrk >/dev/null; \
	fi

build: $(VENV)/.installed
	$(BIN)/python build.py

serve: build
	$(BIN)/datasette serve dist/ -h $(HOST) -p $(PORT)

# drafts, problems and all, in preview/ (never dist/): python build.py still refuses drafts
preview: $(VENV)/.installed
	$(BIN)/python build.py preview --host $(HOST) --port $(PREVIEW_PORT)

# -n auto: one pytest-xdist worker per core; --dist loadfile runs each test module on
# one worker, so its module fixtures (builds, servers, the browser) start once. (Not
# loadgroup: with pytest 9.2 it silently stops grouping, pytest-xdist issue #1386.)
test: install-test
	$(BIN)/ruff check .
	$(BIN)/cog --check docs/vocabulary.md docs/bad-input.md
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto --dist loadfile

clean:
	rm -rf dist .releases .dist-* .build.lock .build-* preview
