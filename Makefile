# claimgraph: two commands do all the set-up on a fresh machine.
#   make run   create .venv, install, build the example graph, start the app
#   make test  install the same way, then run the whole test suite

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXAMPLE       := examples/caixin_treasuries_selloff.txt
EXAMPLE_GRAPH := examples/example.trig
PORT   ?= 8501
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install run test tools lint graph bench train-attribution clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# External consumers the tests drive: graphology-gexf (node) and headless Chromium.
tools:
	@if [ -f tests/js/package.json ] && command -v npm >/dev/null; then \
	  npm ci --silent --no-audit --no-fund --prefix tests/js; fi
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "note: chromium/chromedriver missing; browser tests will be skipped"; fi; fi

$(EXAMPLE_GRAPH): $(STAMP) $(EXAMPLE)
	$(BIN)/claimgraph build $(EXAMPLE) -o $(EXAMPLE_GRAPH)

graph: $(EXAMPLE_GRAPH)

run: $(EXAMPLE_GRAPH)
	$(BIN)/claimgraph app -g $(EXAMPLE_GRAPH) --port $(PORT)

test: install tools
	$(BIN)/python -m pytest -q -ra

lint: install
	$(BIN)/ruff check .

bench: install
	$(BIN)/python bench/attribution.py
	$(BIN)/python bench/qa.py

# Retrain the attribution candidate scorer from PolNeAR train only (never dev).
train-attribution: install
	$(BIN)/python bench/train_attribution.py

clean:
	rm -rf build dist *.egg-info .pytest_cache $(EXAMPLE_GRAPH)
