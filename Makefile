# rkt: build the RKT from the section workbooks in inputs/.
# `make rkt` and `make test` work on a fresh clone: they create .venv and install the project first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INPUTS ?= inputs
OUTPUT ?= output
RKT := $(BIN)/rkt

.PHONY: rkt test check pdf diff lint bench bench-web clean install

# rkt's modules are compiled once, as pip compiles the libraries: a machine that sets
# PYTHONDONTWRITEBYTECODE would otherwise compile them on every run.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	$(BIN)/python -m compileall -q pipeline
	touch $(STAMP)

install: $(STAMP)

# `make rkt` rebuilds only when something the document comes from changed: the workbooks, the
# template, the code or the venv. The document's name depends on the office and year, so the real
# target is a stamp that records the INPUTS it was built from and the document written; a stamp
# whose document is gone (make clean) or that was built from other INPUTS forces a rebuild.
# A build with errors writes nothing and leaves the stamp alone, so the next run tries again.
RKT_DEPS := $(filter-out $(INPUTS)/~%,$(wildcard $(INPUTS)/*.xlsx)) $(wildcard templates/*) \
	$(wildcard pipeline/*.py pipeline/*/*.py) $(STAMP)
BUILT := $(OUTPUT)/.built
BUILT_INFO := $(file <$(BUILT))
BUILT_OK := $(and $(filter $(INPUTS),$(word 1,$(BUILT_INFO))),$(wildcard $(word 2,$(BUILT_INFO))))

rkt: $(BUILT)

$(BUILT): $(RKT_DEPS) $(if $(BUILT_OK),,FORCE)
	$(RKT) build --inputs $(INPUTS) --output $(OUTPUT)
	@printf '%s %s\n' '$(INPUTS)' "$$(ls -t $(OUTPUT)/RKT-*.docx | head -n 1)" > $@

FORCE:

# speed and memory against the targets of issue 16 (benchmarks/README.md); BENCH_ARGS=--quick, --record
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# the page's response times (rkt serve on the shipped office, issue 23); BENCH_ARGS=--record
bench-web: $(STAMP)
	$(BIN)/python -m benchmarks.web $(BENCH_ARGS)

# the PDF beside each built document (RKT and PK), table of contents filled (LibreOffice headless, see pipeline/document/pdf.py)
pdf: rkt
	$(BIN)/python -m pipeline.document.pdf $(OUTPUT)

check: $(STAMP)
	$(RKT) check --inputs $(INPUTS)

# the current build against the one it replaced (every build that changes a document keeps the old
# one in $(OUTPUT)/sebelumnya/): the semantic diff by RO code on the terminal and
# $(OUTPUT)/redline-<document>.docx, the new document with Word tracked changes.
# `make diff REV=HEAD` compares the inputs committed at REV with the working copy instead (a redline
# of each document, RKT and PK, named the same way).
# "Different" (exit 1) is the expected outcome, not a failure.
diff: rkt
ifdef REV
	$(RKT) diff --rev $(REV) $(INPUTS) --redline $(OUTPUT) || test $$? -eq 1
else
	@for new in $(wildcard $(OUTPUT)/RKT-*.docx $(OUTPUT)/PK-*.docx); do \
	  old=$(OUTPUT)/sebelumnya/$$(basename "$$new"); \
	  if [ -f "$$old" ]; then \
	    $(RKT) diff "$$old" "$$new" --redline $(OUTPUT)/redline-$$(basename "$$new") || test $$? -eq 1 || exit 2; \
	  else echo "$$new: belum ada build sebelumnya (output/sebelumnya/) untuk dibandingkan"; fi; \
	done
endif

test: $(STAMP)
	$(BIN)/ruff check pipeline tests benchmarks tools
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests benchmarks tools

clean:
	rm -rf $(OUTPUT)/* .pytest_cache
