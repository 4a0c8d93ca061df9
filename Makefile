# Two commands do all the set-up: `make deck` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: deck test bench clean font-metrics

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

deck: $(STAMP)
	$(BIN)/deckgen build -o out/iraq-coalition.pptx

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/quality.py --data ../shared/eval/cnndm_dev.jsonl

clean:
	rm -rf $(VENV) out/*.pptx

# Rebuild the bundled fallback font widths (needs Debian's fonts-liberation).
font-metrics: $(STAMP)
	$(BIN)/python -c "from pathlib import Path; from deckgen.fit import write_fallback_table as w; \
	d = Path('/usr/share/fonts/truetype/liberation'); w(d / 'LiberationSans-Regular.ttf', d / 'LiberationSans-Bold.ttf')"
