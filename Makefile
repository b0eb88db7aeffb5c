# The notebook kit's commands. `make help` lists them.
# Each target sets itself up on first use: it uses the active conda or virtual environment
# when there is one, otherwise it makes .venv/ here with `python3 -m venv`, and installs the
# kit (reinstalling only when pyproject.toml has changed).

SHELL := /bin/bash
.DEFAULT_GOAL := help

ifdef VIRTUAL_ENV
ENV_DIR := $(VIRTUAL_ENV)
else ifdef CONDA_PREFIX
ENV_DIR := $(CONDA_PREFIX)
else
ENV_DIR := .venv
endif
PY := $(ENV_DIR)/bin/python
STAMP := .make/installed-$(subst /,_,$(abspath $(ENV_DIR)))

ARTICLE ?=
CORPUS ?=
# the article and corpus paths reach the shell only as environment variables, taken literally
# (no make expansion, no shell parsing): spaces, quotes, ';' and '$' in a path are just characters
override ARTICLE := $(value ARTICLE)
export ARTICLE
override CORPUS := $(value CORPUS)
export CORPUS
# CORRECTIONS=file.csv applies that corrections file, CORRECTIONS=none applies none (by default,
# ARTICLE.corrections.csv beside the article when there is one); literal, like ARTICLE
CORRECTIONS ?=
override CORRECTIONS := $(value CORRECTIONS)
export CORRECTIONS
export KIT_PYTHON := $(abspath $(PY))
export KIT_CALLER_DIR := $(PWD)

.PHONY: help setup report test fuzz lab clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(PY):
	python3 -m venv $(ENV_DIR)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@mkdir -p .make && touch $@

setup: $(STAMP) ## Create the environment and install the kit (done by the other targets too)

# ARTICLE paths are read from the folder you ran make in (also with `make -C`): the recipe runs
# there, and the kit finds its own files from the package.
report: $(STAMP) ## HTML reports of the bundled article, ARTICLE=path/to/article.txt or CORPUS=folder/
	@if [ -d "$$KIT_CALLER_DIR" ]; then cd -- "$$KIT_CALLER_DIR"; fi; \
	case "$$CORRECTIONS" in \
	  "") set -- ;; none) set -- --no-corrections ;; *) set -- --corrections "$$CORRECTIONS" ;; \
	esac; \
	"$$KIT_PYTHON" -m helpers report $${ARTICLE:+"$$ARTICLE"} "$$@" $${CORPUS:+--corpus "$$CORPUS"}

test: $(STAMP) ## Run the tests: helpers, notebooks, lint
	$(PY) -m pytest

FUZZ_EXAMPLES ?= 3000
fuzz: $(STAMP) ## Long property-based run: FUZZ_EXAMPLES (3000) articles per property, fixed seed
	KIT_FUZZ=1 KIT_FUZZ_EXAMPLES="$(FUZZ_EXAMPLES)" $(PY) -m pytest -q \
		--hypothesis-seed=20261201 --hypothesis-show-statistics tests/test_properties.py

lab: $(STAMP) ## Open JupyterLab on notebooks/
	$(PY) -m jupyter lab --notebook-dir=notebooks

clean: ## Remove the local environment and caches (not reports/)
	rm -rf .venv .make .pytest_cache .ruff_cache
