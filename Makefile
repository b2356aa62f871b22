# gongkai — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
# pytest-xdist workers for `make test`: one per CPU ("logical"); each has its own test
# database (test_…_gw0, test_…_gw1, …).  TEST_WORKERS=0 runs the tests in one process.
TEST_WORKERS ?= logical
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint format bench sysdeps test-sysdeps bench-sysdeps migrate demo clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# System packages (Debian): CJK fonts and Pango for PDF rendering.  Installed only when
# missing; these machines run as root.
sysdeps:
	@bash scripts/sysdeps.sh run

test-sysdeps:
	@bash scripts/sysdeps.sh test

bench-sysdeps:
	@bash scripts/sysdeps.sh bench

migrate: $(STAMP)
	$(BIN)/gongkai manage migrate --noinput

demo: migrate
	$(BIN)/gongkai demo

run: sysdeps $(STAMP) demo
	@echo "gongkai: http://$(HOST):$(PORT)/  (后台 http://$(HOST):$(PORT)/staff/ ，管理 http://$(HOST):$(PORT)/admin/)"
	@# The background worker (reminders, recomputations) lives as long as the site.
	$(BIN)/gongkai worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(BIN)/gongkai serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check gongkai benchmarks tests
	$(BIN)/ruff format --check gongkai benchmarks tests
	$(BIN)/mypy gongkai

format: $(STAMP)
	$(BIN)/ruff format gongkai benchmarks tests
	$(BIN)/ruff check --fix gongkai benchmarks tests

# The whole suite on SQLite, then the database tests again on PostgreSQL when one
# answers (DATABASE_URL, or the local default 127.0.0.1:5432 user postgres db test).
test: sysdeps test-sysdeps $(STAMP) lint
	env -u DATABASE_URL $(BIN)/pytest -q -n $(TEST_WORKERS)
	@url="$${DATABASE_URL:-$(PG_URL)}"; \
	if $(BIN)/python scripts/pg_available.py "$$url"; then \
	  echo "== database tests on PostgreSQL ($$url)"; \
	  DATABASE_URL="$$url" $(BIN)/pytest -q -n $(TEST_WORKERS) -m db; \
	else \
	  echo "== PostgreSQL not reachable at $$url: database tests ran on SQLite only"; \
	fi

bench: sysdeps bench-sysdeps $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .hypothesis
