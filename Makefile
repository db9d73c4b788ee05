# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
STAMP := $(VENV)/.installed
CORPUS ?= corpus
OUT ?= out

.PHONY: run test test-portable dev lint clean corpus-docs bench browser

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Core install: what the offline default pipeline needs, and the data extra for `run`'s Parquet output.
$(VENV)/.core: $(VENV)/bin/python pyproject.toml
	$(PIP) install -e '.[data]'
	touch $@

# The web app's end-to-end test drives the Debian Chromium (Playwright never downloads a browser).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium chromium-driver)

# Tests also exercise the neural backends on tiny committed models (tests/data/models).
$(STAMP): $(VENV)/bin/python pyproject.toml | browser
	$(PIP) install -e '.[data,neural,dask,web,eval,dev]'
	touch $@ $(VENV)/.core

# Process the corpus and check the output against the data contract. A release in a language
# with no translation model is processed (its translate stage is "skipped", with the reason), so
# this fails only when a document fails.
run: $(VENV)/.core
	$(VENV)/bin/pressnlp run $(CORPUS) -o $(OUT) --format jsonl,parquet
	$(VENV)/bin/pressnlp validate $(OUT)/results.jsonl

test: $(STAMP)
	$(VENV)/bin/pytest -q

# The model-dependent tests again under torch's portable kernels and one thread: they round differently
# from the vectorised ones (CTranslate2 likewise on its generic code), so a test that leans on one
# CPU's rounding fails here (CI runs both).
test-portable: $(STAMP)
	ATEN_CPU_CAPABILITY=default OMP_NUM_THREADS=1 CT2_FORCE_CPU_ISA=GENERIC $(VENV)/bin/pytest -q -m neural

dev: $(STAMP)

# the corpus's .docx/.pdf from data/corpus-sources (byte-identical; --check compares)
corpus-docs: $(STAMP)
	$(PY) scripts/build_corpus_docs.py
	$(PY) scripts/build_gold.py

bench: $(STAMP)
	$(PIP) install -e '.[bench]'
	$(PY) scripts/bench.py --sizes 100,1000 --jobs 1,2
	$(PY) scripts/bench_peers.py --split test

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests scripts

clean:
	rm -rf $(OUT) .pytest_cache build
