PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: demo test install chromium lint bench-ingest attribution-model clean

$(BIN)/claimtrack: pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt torch==2.13.0
	$(BIN)/pip install -q -c constraints.txt -e '.[dev,bench]'
	touch $(BIN)/claimtrack

install: $(BIN)/claimtrack

demo: install
	$(BIN)/claimtrack --home demo-data ingest examples/articles
	$(BIN)/claimtrack --home demo-data ask "What did China say about arms sales?"
	@echo "Serving the chat at http://127.0.0.1:7860 (Ctrl+C to stop)"
	$(BIN)/claimtrack --home demo-data serve

test: install chromium
	$(BIN)/ruff check bot index tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# The browser test drives Debian's chromium (never `playwright install`); as root, install it
# when it is missing, otherwise tests/test_browser.py skips with the reason.
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	fi

lint: install
	$(BIN)/ruff check bot index tests bench
	$(BIN)/mypy

bench-ingest: install
	$(BIN)/python bench/ingest.py

# The trained attribution span tagger (issue 13 item 3): PolNeAR train, fixed seed, CPU,
# build/attribution-model/model-best (about 20 minutes on the 2 shared cores).
attribution-model: install
	$(BIN)/python bench/attribution_train.py

clean:
	rm -rf $(VENV) demo-data claimtrack-data
