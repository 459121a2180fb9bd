# Atelier — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
RUN_DB ?= $(CURDIR)/.atelier/atelier.sqlite3

.PHONY: setup run test lint pytest soak bench bundle screenshots translations clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

## make run: the app on a local SQLite file (.atelier/), with a demo workshop the first time
run: setup
	@mkdir -p $(dir $(RUN_DB))
	@$(PY) -m app --db "$(RUN_DB)" list --json | grep '"id"' >/dev/null || $(PY) -m app --db "$(RUN_DB)" demo
	$(PY) -m app --db "$(RUN_DB)"

## make test: lint, then every test (PostgreSQL is started by the test run itself)
test: setup lint pytest

lint: setup
	$(VENV)/bin/ruff check app widgets tests bench
	$(VENV)/bin/ruff format --check app widgets tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

pytest: setup
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

## make soak: the long fault runs (kill -9 under 300 phones…), then 200 phones for 10 minutes
## against `atelier serve` (memory growth, latency drift; SOAK_ARGS="--minutes 1"): not for CI
soak: setup
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -m soak tests/faults -s; crash=$$?; \
	$(PY) -m bench.soak $(SOAK_ARGS); endurance=$$?; \
	test $$crash -eq 0 && test $$endurance -eq 0

## make bench: every benchmark, short form, ≤ 10 min; BENCH_ARGS="--full" or names of some
bench: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m bench $(BENCH_ARGS)

bundle: setup
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m widgets.screenshots screenshots

translations: setup
	$(VENV)/bin/pyside6-lupdate widgets/*.py widgets/controls/*.py -ts assets/i18n/atelier_en.ts -no-obsolete
	$(VENV)/bin/pyside6-lrelease assets/i18n/atelier_en.ts -qm assets/i18n/atelier_en.qm
	$(VENV)/bin/pyside6-lrelease assets/i18n/qtbase_extra_fr.ts -qm assets/i18n/qtbase_extra_fr.qm

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
