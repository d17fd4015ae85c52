# cartref build.  Plain GNU make: `make` builds ./cartref, `make test` runs
# every test, `make demo` builds in parallel, loads the synthetic Wales data
# as of today into its own store (build/demo/cartref-demo.db) and serves it
# on http://127.0.0.1:8080/ until interrupted.
# `make SANITIZE=1 test` builds with ASan+UBSan into build/san/.
# Both `demo` and `test` first run scripts/deps, which installs any missing
# Debian package (and does nothing when all are present).
# Output is quiet ("CC src/x.o"); `make V=1` shows the full commands.

CC      ?= cc
PKGS    := sqlite3 jansson xlsxwriter libsodium libmicrohttpd libcurl
WARN    := -Wall -Wextra -Werror -pedantic -Wmissing-prototypes \
           -Wstrict-prototypes -Wold-style-definition -Wvla \
           -Wwrite-strings -Wformat-security -Wshadow -fno-common
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c17 $(WARN) $(CFLAGS) -Isrc -MMD -MP
LDLIBS  := -lm

ifeq ($(SANITIZE),1)
BUILD   := build/san
CFLAGS  := -O1 -g -fno-omit-frame-pointer
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
else
BUILD   := build/rel
SANFLAGS :=
endif

# git's quiet build: one short line per step unless V=1
ifneq ($(V),1)
QUIET_CC   = @echo '   ' CC $@;
QUIET_AR   = @echo '   ' AR $@;
QUIET_LINK = @echo '   ' LINK $@;
endif

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null || \
               echo -lsqlite3 -ljansson -lxlsxwriter -lsodium -lmicrohttpd -lcurl)

LIB_SRC  := $(sort $(wildcard src/base/*.c src/domain/*.c src/store/*.c \
              src/ingest/*.c src/demo/*.c src/analytics/*.c src/report/*.c \
              src/auth/*.c src/web/*.c src/api/*.c \
              src/alerts/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/u-*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIBA     := $(BUILD)/libcartref.a
BIN      := $(BUILD)/cartref

.PHONY: all deps assets build test unit e2e demo fuzz clean check-headers

all: build
	@ln -sf $(BIN) cartref

build: assets $(BIN) $(UNIT_BIN)

deps:
	@sh scripts/deps

# GOV.UK Frontend (npm package govuk-frontend, pinned in package-lock.json):
# the stylesheet and images `cartref serve` serves under /assets/.
# Fetched once; `make clean` leaves node_modules/ alone.
GOVUK_CSS := node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css
assets: $(GOVUK_CSS)

$(GOVUK_CSS): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) $(SANFLAGS) $(PKG_CFLAGS) -c $< -o $@

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	$(QUIET_AR)ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIBA)
	$(QUIET_LINK)$(CC) $(SANFLAGS) -o $@ $(CLI_OBJ) $(LIBA) $(PKG_LIBS) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(LIBA)
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) $(SANFLAGS) $(PKG_CFLAGS) -Itests/unit $< -o $@ \
	    $(LIBA) -lcmocka $(PKG_LIBS) $(LDLIBS)

# Test tools (tests/tools/*.c): programs the end-to-end tests run, such as
# the OpenAPI checker of tests/t/t0820-api.sh; built with the unit tests.
TOOL_SRC := $(sort $(wildcard tests/tools/*.c))
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
build: $(TOOL_BIN)

$(BUILD)/tools/%: tests/tools/%.c $(LIBA)
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) $(SANFLAGS) $(PKG_CFLAGS) $< -o $@ \
	    $(LIBA) $(PKG_LIBS) $(LDLIBS)

# `make test`: install what is missing, build, run unit and end-to-end tests.
test: deps
	@$(MAKE) --no-print-directory build
	@ln -sf $(BIN) cartref
	@CARTREF=$(CURDIR)/$(BIN) UNIT_DIR=$(BUILD)/tests sh tests/run.sh

unit: build
	@CARTREF=$(CURDIR)/$(BIN) UNIT_DIR=$(BUILD)/tests sh tests/run.sh unit

e2e: build
	@CARTREF=$(CURDIR)/$(BIN) UNIT_DIR=$(BUILD)/tests sh tests/run.sh e2e

# `make demo`: its own store, build/demo/cartref-demo.db, which only this
# target makes.  The marker file, written before the store is created,
# proves it made it: a store there without the marker is never deleted.
DEMO      := build/demo
DEMO_DB   := $(DEMO)/cartref-demo.db
DEMO_MARK := $(DEMO)/cartref-demo.db.made-by-make-demo
DEMO_DATA := $(DEMO)/data
# build in parallel unless make was given -j already
NPROC     := $(shell nproc 2>/dev/null || echo 2)
DEMO_JOBS  = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(NPROC))
demo: deps
	@$(MAKE) --no-print-directory $(DEMO_JOBS) build
	@ln -sf $(BIN) cartref
	@for f in $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm; do \
	    if [ -e $$f ] && [ ! -f $(DEMO_MARK) ]; then \
	        echo "make demo: $$f exists but make demo did not make it" \
	            "(no $(DEMO_MARK)): not deleting it." >&2; \
	        echo "make demo: move it away or delete it yourself, then" \
	            "run make demo again." >&2; \
	        exit 1; \
	    fi; \
	done
	@rm -rf $(DEMO_DATA) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@mkdir -p $(DEMO)
	@echo "made by make demo; make demo deletes and rebuilds $(DEMO_DB)" >$(DEMO_MARK)
	./cartref demo-data --seed 1 --scale wales $(DEMO_DATA)
	./cartref --db $(DEMO_DB) import dir $(DEMO_DATA)
	./cartref --db $(DEMO_DB) stats
	./cartref --db $(DEMO_DB) review --format html -o $(DEMO)/review.html
	./cartref --db $(DEMO_DB) review --format html --lang cy -o $(DEMO)/adolygiad.html
	./cartref --db $(DEMO_DB) user demo
	./cartref --db $(DEMO_DB) alerts run
	@D=demo.cartref.wales; c="./cartref --db $(DEMO_DB)"; \
	kid=$$($$c demo-child 2>/dev/null); \
	echo; echo "Missing from care and alerts (issue 5; README, docs/api.md):"; \
	echo "  home-manager@$$D (a provider with a Cardiff home): reports a child placed in one of"; \
	echo "    its homes missing (POST /api/v1/missing-episodes, or cartref missing report)"; \
	echo "    and keeps the grab pack; its list now: $$($$c missing list --as home-manager@$$D | head -1)"; \
	echo "  police@$$D (South Wales Police): sees kind M episodes from its area at once,"; \
	echo "    grades them and records the return; its list now: $$($$c missing list --as police@$$D | head -1)"; \
	echo "    alerts now (most urgent): $$($$c alerts list --as police@$$D | head -1)"; \
	echo "  social-worker@$$D (Cardiff): records the return interview and strategy meetings,"; \
	echo "    acknowledges and resolves alerts; its list now: $$($$c missing list --as social-worker@$$D | head -1)"; \
	echo "    alerts now (most urgent): $$($$c alerts list --as social-worker@$$D | head -1)"; \
	if [ -n "$$kid" ]; then \
	echo "  To walk one episode through its steps: as home-manager@$$D open"; \
	echo "    /children/$$(echo "$$kid" | cut -f1) (a Cardiff child aged $$(echo "$$kid" | cut -f6), placed today at"; \
	echo "    $$(echo "$$kid" | cut -f3), $$(echo "$$kid" | cut -f5), in South Wales Police's area) and report it"; \
	echo "    missing; police@ grades it and records the return; social-worker@ sees the"; \
	echo "    alerts and records the interview."; \
	else \
	echo "  (No Cardiff child is placed today in the demo provider's homes in South Wales"; \
	echo "    Police's area: see ./cartref demo-child --help.)"; \
	fi; \
	echo "  The server re-runs the rules every 300 s (serve --alerts-every); an API token:"; \
	echo "    ./cartref --db $(DEMO_DB) user token social-worker@$$D --label demo"
	@echo "Serving the demo store $(DEMO_DB) on http://127.0.0.1:8080/ (Ctrl-C stops);"
	@echo "sign in at http://127.0.0.1:8080/sign-in as one of the demo users above."
	./cartref --db $(DEMO_DB) serve --listen 127.0.0.1:8080 --demo

# libFuzzer target for the CSV reader (needs clang; not part of CI).
FUZZ_FLAGS := -std=c17 -g -O1 -Isrc -fsanitize=fuzzer,address,undefined
fuzz: deps
	@mkdir -p build/fuzz
	clang $(FUZZ_FLAGS) -o build/fuzz/fuzz-csv tests/fuzz/fuzz-csv.c \
	    src/ingest/csv.c src/base/buf.c src/base/err.c src/base/xalloc.c
	build/fuzz/fuzz-csv -max_total_time=$${FUZZ_SECONDS:-60} \
	    -max_len=4096 tests/fuzz/corpus-csv

# Every header compiles on its own.
check-headers:
	@for h in $$(find src -name '*.h'); do \
	    printf '#include "base/compat.h"\n#include "%s"\n' $${h#src/} | \
	    $(CC) -std=c17 $(WARN) -Isrc $(PKG_CFLAGS) -x c -fsyntax-only - || exit 1; \
	done; echo "headers ok"

clean:
	rm -rf build cartref

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
