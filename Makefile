# Two commands do all the set-up: `make deck` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: deck test bench clean font-metrics pictures

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

# Rebuild the shipped font width tables (needs Debian's fonts-liberation and fonts-crosextra-carlito).
font-metrics: $(STAMP)
	$(BIN)/python -c "from deckgen.fit import write_shipped_table; write_shipped_table()"

# The README's pictures, from real renders (needs LibreOffice and poppler-utils).
pictures: $(STAMP)
	$(BIN)/python docs/pictures.py
