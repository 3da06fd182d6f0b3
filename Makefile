# Two commands set everything up on a fresh machine with Python 3.11, pip and make:
#   make demo   builds the sample graph into output/
#   make test   installs the test dependencies (and Debian's Chromium) and runs the suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test install test-deps browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/newsgraph build examples/ --out output/

$(VENV)/.test-installed: pyproject.toml $(VENV)/.installed
	$(PIP) install -e '.[test]'
	touch $@

test-deps: $(VENV)/.test-installed browser

# Browser tests drive Debian's Chromium; Playwright's own browser download cannot work here.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install chromium; browser tests will be skipped"; \
	else echo "note: chromium missing and not root; browser tests will be skipped (apt-get install chromium)"; fi

test: test-deps
	$(BIN)/python -m pytest -q

# Issue 11's benchmark at a quick size (a few minutes; bench/README.md has the full-size commands).
# Figures are printed, never asserted; on a busy machine read the ratios, not the seconds.
.PHONY: bench
bench: install
	$(BIN)/python bench/bench_build.py
	$(BIN)/python bench/bench_memory.py

clean:
	rm -rf $(VENV) output/*.ttl output/*.html dist build
