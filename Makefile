PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: demo test install lint bench-ingest clean

$(BIN)/claimtrack: pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt torch==2.13.0
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $(BIN)/claimtrack

install: $(BIN)/claimtrack

demo: install
	$(BIN)/claimtrack --home demo-data ingest examples/articles
	$(BIN)/claimtrack --home demo-data ask "What did China say about arms sales?"

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check bot index tests bench
	$(BIN)/mypy

bench-ingest: install
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) demo-data claimtrack-data
