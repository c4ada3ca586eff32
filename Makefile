# wervel-lp: the two commands of the README, and the steps behind them.
#   make demo   install everything (SWI-Prolog included) and run an example
#   make test   install the same, then lint, type-check and run every test and the consistency check
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FOREIGN := wervel_lp/prolog/diagram_walk.so wervel_lp/prolog/text_join.so
READY := $(STAMP) $(FOREIGN)
DEMO_CASE := examples/mescc_deficit_breast.json

# make quick: the authoring loop (under 10 s): kb load, the check and the rule tests (in one process:
# 344 tests of milliseconds each run in 3.5 s there, 7.7 s over two xdist workers, which each collect).
# make mutation: the exhaustive mutation test (tests/mutation.py), reporting the score and the survivors.
.PHONY: demo test quick mutation lint kb-check prolog-test pytest check bench bench-startup bench-instructions valgrind bench-service differential docs swipl compiler chromium graphviz clean tmux

demo: $(READY)
	$(BIN)/wervel-lp recommend $(DEMO_CASE) --lang en
	$(BIN)/wervel-lp explain $(DEMO_CASE) treatment --lang en

test: $(READY) lint kb-check prolog-test pytest check

# $(call install,COMMAND,WHAT,PACKAGES[,APT-OPTIONS]): where COMMAND is missing, install WHAT
# from the Debian PACKAGES (as root; else say what to install, and fail).
define install
@command -v $(1) >/dev/null 2>&1 || { \
  echo "Installing $(2) (Debian $(3))"; \
  if [ "$$(id -u)" != 0 ]; then echo "$(1) missing: run as root or install $(3)" >&2; exit 1; fi; \
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(4) $(3) >/dev/null; }
endef

swipl:
	$(call install,swipl,SWI-Prolog,swi-prolog-nox)
	@swipl --version

# A C compiler for the engine's foreign libraries ($(FOREIGN)), installed as SWI-Prolog is.
compiler:
	$(call install,gcc,a C compiler,gcc libc6-dev)

# The engine's foreign libraries, each loaded where it is built, else done in Prolog, alike but slower:
#   diagram_walk.so  the walks of exact.pl over the decision diagrams (some 50 times faster);
#   text_join.so     the join of the JSON writer's pieces (json_text:join_text/2, some 5 times faster).
# setup.py builds them, as `pip install` does (the venv's editable install builds them too); this rule
# rebuilds them in place when their C changes (each written beside the old one and moved over it: a
# process that has the old one loaded keeps it).
$(FOREIGN) &: wervel_lp/prolog/diagram_walk.c wervel_lp/prolog/text_join.c setup.py | $(STAMP) compiler
	$(BIN)/python setup.py -q build_ext --inplace

# Headless Chromium for the case page's browser tests (tests/test_browser.py), installed as
# SWI-Prolog is; where it cannot be installed the browser tests are skipped, the rest still runs.
chromium:
	@{ command -v chromium && command -v chromedriver; } >/dev/null 2>&1 || { \
	  echo "Installing Chromium for the browser tests (Debian chromium, chromium-driver)"; \
	  if [ "$$(id -u)" != 0 ]; then echo "chromium missing and not root: the browser tests will be skipped" >&2; \
	  else apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium chromium-driver fonts-liberation >/dev/null \
	    || echo "chromium could not be installed: the browser tests will be skipped" >&2; fi; }

# Graphviz `dot` draws the chapter pictures (make docs) and the proofs' SVG; the picture tests
# (tests/test_pictures.py) need it, so make test installs it as it installs SWI-Prolog.
graphviz:
	$(call install,dot,Graphviz,graphviz fonts-liberation,--no-install-recommends)
	@dot -V

# A terminal multiplexer: the interview's test drives it on a real terminal (tests/test_interview.py).
tmux:
	$(call install,tmux,tmux,tmux)

# Reinstall only when the package definition or the pinned versions change.
$(STAMP): pyproject.toml setup.py constraints.txt | swipl compiler
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -c constraints.txt setuptools  # setup.py's build_ext below
	$(BIN)/pip install -q --disable-pip-version-check -c constraints.txt -e '.[test,serve]'
	touch $(STAMP)

lint: $(READY)
	$(BIN)/ruff check wervel_lp tests benchmarks
	$(BIN)/mypy

# The kb loads clean: no syntax error, no warning, no kb problem, no undefined predicate.
kb-check: swipl $(FOREIGN)
	swipl -q --on-warning=status --on-error=status -l kb/load.pl -g check -t halt

prolog-test: swipl $(FOREIGN)
	swipl -q --on-warning=status --on-error=status -g run_all -t halt kb/load.pl tests/prolog/run_tests.pl

pytest: $(READY) chromium graphviz tmux
	$(BIN)/python -m pytest -q -n 2

check: $(READY)
	$(BIN)/wervel-lp check

quick: $(READY)
	swipl -q --on-warning=status --on-error=status -l kb/load.pl -g check -t halt
	$(BIN)/wervel-lp check
	WERVEL_LP_TEST_CACHE=$(CURDIR)/$(VENV)/test-cache $(BIN)/python -m pytest -q -p no:cacheprovider \
	  tests/test_rules.py tests/test_rule_coverage.py tests/test_review.py

mutation: $(READY)
	$(BIN)/python tests/mutation.py --jobs 2

docs: $(READY) graphviz
	$(BIN)/python -m wervel_lp.docs
	$(BIN)/python -m wervel_lp.schemas

bench: $(READY)
	$(BIN)/python benchmarks/run.py

# The exact decisions against their ASP encoding on 10,000 random partial cases (about 15 min).
differential: $(READY)
	WERVEL_LP_EXACT_CASES=10000 $(BIN)/python -m pytest -q tests/test_exact.py -k random_partial

# Instructions per case under valgrind (callgrind): a speed measure the machine's load does not move.
bench-instructions: $(READY) valgrind
	$(BIN)/python benchmarks/instructions.py

valgrind:
	$(call install,valgrind,Valgrind,valgrind)

# Whole CLI processes (cold recommend against the floor, check) and make quick, against issue 31's targets.
bench-startup: $(READY)
	$(BIN)/python benchmarks/startup.py --loop

# The HTTP service under load on 127.0.0.1, one and two workers (bounded); appends to benchmarks/RESULTS.md.
bench-service: $(READY)
	$(BIN)/python benchmarks/service.py

clean:
	rm -rf $(VENV) $(FOREIGN) .pytest_cache .mypy_cache .ruff_cache
