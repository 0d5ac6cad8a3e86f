# The two commands a new user types (see README):
#   make run    install into .venv, extract the bundled articles, serve the dashboard on :8050
#   make test   install the test extras and Debian's chromium, then run every test
# Stamps make a second run skip the work that is already done.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8050
ARTICLES := $(wildcard data/articles/*)

.PHONY: run test install install-test chromium data bench clean

run: $(VENV)/.installed data/events.jsonl
	@echo "Serving the dashboard at http://$(HOST):$(PORT)/"
	$(BIN)/timeline serve --events data/events.jsonl --host $(HOST) --port $(PORT)

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	@touch $@

install-test: $(VENV)/.installed-test

data: data/events.jsonl

data/events.jsonl: $(VENV)/.installed $(ARTICLES)
	$(BIN)/timeline extract data/articles --out $@

# Debian's chromium for the browser tests and the image export; Playwright drives it, never downloads one.
chromium:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	fi

test: $(VENV)/.installed-test chromium
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info
