# claimscope — `make report` builds every report, `make test` runs every test.
# Both set up what they need first: a .venv with the package, and (as root) Debian's chromium and
# its headless shell, CJK fonts, poppler-utils and graphviz.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
APT_PACKAGES := chromium chromium-headless-shell fonts-noto-cjk fonts-wqy-microhei poppler-utils graphviz

.DEFAULT_GOAL := help
.PHONY: help setup system report test test-fast lint lab check clean benchmark

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

system: ## Install Debian's chromium and its headless shell, CJK fonts, poppler-utils and graphviz (as root), or say what is missing
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromium-headless-shell >/dev/null 2>&1 || missing="$$missing chromium-headless-shell"; \
	fc-list :lang=zh 2>/dev/null | grep -qi "noto sans cjk" || missing="$$missing fonts-noto-cjk"; \
	fc-list :lang=zh 2>/dev/null | grep -qi "wenquanyi micro hei" || missing="$$missing fonts-wqy-microhei"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	else \
	  echo "claimscope needs these system packages:$$missing"; \
	  echo "install them with: sudo apt-get install$$missing"; exit 1; \
	fi

setup: $(STAMP) system ## Create .venv, install the package and the system packages

report: setup ## Build every report variant listed in reports.toml into output/
	$(BIN)/claimscope build

test: setup lint ## Run the lint and the whole test suite (unit, notebooks, end-to-end build, browser)
	$(BIN)/python -m pytest -q -n auto --dist loadfile --nbval-lax tests notebooks

lint: setup ## Check the code with ruff (lint and format)
	$(BIN)/ruff check src tests benchmarks notebooks
	$(BIN)/ruff format --check src tests benchmarks notebooks

test-fast: setup ## Run the tests that need no browser and no full build
	$(BIN)/python -m pytest -q -n auto --dist loadfile -m "not slow" tests

check: setup ## Validate parameters, claims, sources and figures without running notebooks
	$(BIN)/claimscope check

lab: setup ## Open the notebooks in JupyterLab with the package importable
	$(BIN)/jupyter lab notebooks/

benchmark: setup ## Time the naive pipeline against claimscope build
	$(BIN)/python benchmarks/build.py

clean: ## Remove built reports (output/ keeps its README)
	$(BIN)/claimscope clean
