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

# Pictures of one slide of each built-in layout for the README (needs LibreOffice and poppler-utils).
pictures: $(STAMP)
	mkdir -p docs out/pictures
	for layout in briefing executive handout; do \
	  $(BIN)/deckgen build --layout $$layout -o out/pictures/$$layout.pptx && \
	  soffice --headless --convert-to pdf --outdir out/pictures out/pictures/$$layout.pptx >/dev/null && \
	  pdftoppm -png -r 60 -f 4 -l 4 -singlefile out/pictures/$$layout.pdf docs/layout-$$layout; \
	done
