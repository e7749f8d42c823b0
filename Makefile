# The two commands of the README: `make run` and `make test`. DATABASE_URL selects PostgreSQL.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test setup demo lint format messages benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-deps: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.run-deps

setup: $(VENV)/.run-deps
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_regions --province 31 --province 62
	$(BIN)/python manage.py load_demo

# Serves the portal and runs the background worker beside it; Ctrl-C stops both.
run: setup
	@echo "Portal: http://$(HOST):$(PORT)/  admin: http://$(HOST):$(PORT)/admin/  (demo accounts in README.md)"
	trap 'kill 0' INT TERM EXIT; \
	$(BIN)/python manage.py db_worker --interval 2 & \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production server: gunicorn and the worker, after `migrate --check` and `collectstatic`
# (deploy/serve.sh; README, "Production"). Loads no demo data and migrates nothing.
serve: $(VENV)/.run-deps
	BIN=$(BIN) deploy/serve.sh

# Two workers: the suite (about 1,500 tests, browser tests among them) runs in under half the
# time on the 2-core machines CI uses. PYTEST_ARGS= (empty) runs it in one process.
PYTEST_ARGS ?= -n 2

test: $(VENV)/.test-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.test-deps
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the translation catalogues and compile them (needs GNU gettext).
messages: $(VENV)/.run-deps
	$(BIN)/python manage.py makemessages --locale id --locale en --ignore '.venv/*' --ignore 'bench/*' --no-obsolete --add-location file
	$(BIN)/python manage.py compilemessages --locale id --locale en --ignore '.venv/*'

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
