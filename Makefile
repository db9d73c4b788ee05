# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
STAMP := $(VENV)/.installed
CORPUS ?= corpus
OUT ?= out

.PHONY: run test dev lint clean corpus-docs bench

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Core install: what the offline default pipeline needs.
$(VENV)/.core: $(VENV)/bin/python pyproject.toml
	$(PIP) install -e .
	touch $@

# Tests also exercise the neural backends on tiny models they train themselves.
$(STAMP): $(VENV)/bin/python pyproject.toml
	$(PIP) install -e '.[neural,dask,dev]'
	touch $@ $(VENV)/.core

run: $(VENV)/.core
	$(VENV)/bin/pressnlp run $(CORPUS) -o $(OUT)

test: $(STAMP)
	$(VENV)/bin/pytest -q

dev: $(STAMP)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests scripts

clean:
	rm -rf $(OUT) .pytest_cache build
