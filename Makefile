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
LAB_STAMP := $(STAMP)-lab
DEV_STAMP := $(STAMP)-dev

ARTICLE ?=
COMPARE ?=
CORPUS ?=
# the article, comparison and corpus paths reach the shell only as environment variables, taken
# literally (no make expansion, no shell parsing): spaces, quotes, ';' and '$' in a path are just
# characters
override ARTICLE := $(value ARTICLE)
export ARTICLE
override COMPARE := $(value COMPARE)
export COMPARE
override CORPUS := $(value CORPUS)
export CORPUS
# CORRECTIONS=file.csv applies that corrections file, CORRECTIONS=none applies none (by default,
# ARTICLE.corrections.csv beside the article when there is one); literal, like ARTICLE
CORRECTIONS ?=
override CORRECTIONS := $(value CORRECTIONS)
export CORRECTIONS
export KIT_PYTHON := $(abspath $(PY))
export KIT_CALLER_DIR := $(PWD)

.PHONY: help setup setup-dev report test fuzz lab clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(PY):
	python3 -m venv $(ENV_DIR)

# `make report` installs only what the kit needs to run; JupyterLab comes with `make lab`,
# the test and lint tools with `make test`.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@# byte-compile the kit once: start-up stays fast where PYTHONDONTWRITEBYTECODE is set
	$(PY) -m compileall -q helpers
	@mkdir -p .make && touch $@

$(LAB_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[lab]'
	@touch $@

$(DEV_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

setup: $(STAMP) ## Create the environment and install the kit (done by the other targets too)

setup-dev: $(DEV_STAMP) $(LAB_STAMP) ## Also install JupyterLab and the test and lint tools

# ARTICLE paths are read from the folder you ran make in (also with `make -C`): the recipe runs
# there, and the kit finds its own files from the package.
# COMPARE=b.txt makes the comparison report of ARTICLE and b.txt (notebook 04) instead.
report: $(STAMP) ## HTML reports: the bundled article, ARTICLE=a.txt [COMPARE=b.txt] or CORPUS=folder/
	@if [ -d "$$KIT_CALLER_DIR" ]; then cd -- "$$KIT_CALLER_DIR"; fi; \
	case "$$CORRECTIONS" in \
	  "") set -- ;; none) set -- --no-corrections ;; *) set -- --corrections "$$CORRECTIONS" ;; \
	esac; \
	if [ -n "$$COMPARE" ]; then "$$KIT_PYTHON" -m helpers compare $${ARTICLE:+"$$ARTICLE"} "$$COMPARE"; \
	else "$$KIT_PYTHON" -m helpers report $${ARTICLE:+"$$ARTICLE"} "$$@" $${CORPUS:+--corpus "$$CORPUS"}; fi

test: $(DEV_STAMP) ## Run the tests: helpers, notebooks, lint
	$(PY) -m pytest

FUZZ_EXAMPLES ?= 3000
fuzz: $(DEV_STAMP) ## Long property-based run: FUZZ_EXAMPLES (3000) articles per property, fixed seed
	KIT_FUZZ=1 KIT_FUZZ_EXAMPLES="$(FUZZ_EXAMPLES)" $(PY) -m pytest -q \
		--hypothesis-seed=20261201 --hypothesis-show-statistics tests/test_properties.py

# At the project root, so the notebooks' links to docs/ and data/ open.
lab: $(LAB_STAMP) ## Open JupyterLab at the project folder (notebooks in notebooks/)
	$(PY) -m jupyter lab --notebook-dir=. --LabApp.default_url=/lab/tree/notebooks

clean: ## Remove the local environment and caches (not reports/)
	rm -rf .venv .make .pytest_cache .ruff_cache
