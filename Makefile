# mechestim — `make help` lists the targets.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
export VIRTUAL_ENV := $(abspath $(VENV))
export PATH := $(abspath $(VENV))/bin:$(PATH)

.DEFAULT_GOAL := help
.PHONY: help install test test-rust test-python lint fmt gen docs docs-serve bench wheel clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(PY):
	python3 -m venv $(VENV)

install: $(PY) ## Build the package (release) into $(VENV) with test, docs and lint extras
	$(PY) -m pip install --quiet --upgrade pip "maturin>=1.7,<2"
	maturin develop --release --extras test,docs,lint

test: install lint test-rust test-python docs ## Everything CI checks: lint, cargo tests, pytest, strict docs build

test-rust: ## Cargo tests of the core crate (no Python needed)
	cargo test --locked

test-python: ## pytest: the test suite, doctests and docs examples
	$(PY) -m pytest

lint: ## cargo fmt --check, clippy -D warnings, ruff
	cargo fmt --all --check
	cargo clippy --locked --workspace --all-targets -- -D warnings
	$(VENV)/bin/ruff check python tests benchmarks examples scripts
	$(VENV)/bin/ruff format --check python tests benchmarks examples scripts

fmt: ## Format Rust and Python sources
	cargo fmt --all
	$(VENV)/bin/ruff format python tests benchmarks examples scripts
	$(VENV)/bin/ruff check --fix python tests benchmarks examples scripts

gen: ## Regenerate the registry-driven files (wrappers, stubs, reference pages)
	$(PY) scripts/generate.py

docs: ## Build the documentation site with --strict (into site/)
	$(VENV)/bin/mkdocs build --strict --quiet

docs-serve: ## Serve the documentation locally
	$(VENV)/bin/mkdocs serve

bench: ## Benchmarks against NumPy (not part of CI)
	$(PY) benchmarks/overhead.py

wheel: $(PY) ## Build a release wheel into dist/
	$(PY) -m pip install --quiet "maturin>=1.7,<2"
	maturin build --release --out dist

clean: ## Remove build products and the virtual environment
	rm -rf target dist site $(VENV)
