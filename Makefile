# Every target installs what it needs into .venv first, so a fresh clone works.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
BENCH_STAMP := $(VENV)/.installed-bench
CORPORA ?= --corpus ../shared/corpus/dev --corpus ../shared/corpus/wide

.PHONY: install demo test lint score score-sections bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	touch $(BENCH_STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsagg demo

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

# Side-by-side extraction scores on the dev and wide corpora (newsagg vs the peers).
score: $(BENCH_STAMP)
	$(BIN)/python ../shared/eval/score_extraction.py $(CORPORA) \
		--extractor project --extractor trafilatura --extractor readability --extractor newspaper4k \
		--project-cmd "$(BIN)/newsagg extract"

# FAQ/disclaimer separation side by side on the fixture pages (tests/extract/fixtures/sections).
score-sections: $(BENCH_STAMP)
	rm -rf .score-sections && $(BIN)/python -m bench.sections_corpus .score-sections
	$(BIN)/python ../shared/eval/score_extraction.py --corpus .score-sections \
		--extractor project --extractor trafilatura --extractor readability --extractor newspaper4k \
		--project-cmd "$(BIN)/newsagg extract"

# make bench lists the benchmarks; make bench BENCH=crawl_throughput runs one.
bench: $(BENCH_STAMP)
	$(BIN)/python -m bench $(BENCH)

clean:
	rm -rf $(VENV) data/demo.db* data/demo.datasette.json .score-sections
