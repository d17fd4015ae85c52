# cartref build.  Plain GNU make: `make` builds ./cartref, `make test` runs
# every test, `make demo` builds in parallel, loads the synthetic Wales data
# as of today into its own store (build/demo/cartref-demo.db) and serves it
# on http://127.0.0.1:8080/ until interrupted.
# `make SANITIZE=1 test` builds with ASan+UBSan into build/san/.
# Both `demo` and `test` first run scripts/deps, which installs any missing
# Debian package (and does nothing when all are present).
# Output is quiet ("CC src/x.o"); `make V=1` shows the full commands.

CC      ?= cc
PKGS    := sqlite3 jansson xlsxwriter libsodium libmicrohttpd libcurl libxml-2.0
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
QUIET_CC   = @echo '   ' CC $(@:$(BUILD)/%=%);
QUIET_AR   = @echo '   ' AR $@;
QUIET_LINK = @echo '   ' LINK $@;
endif

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null || \
               echo -lsqlite3 -ljansson -lxlsxwriter -lsodium -lmicrohttpd -lcurl -lxml2)

# The PostgreSQL store driver (src/store/sql-pg.c, docs/store.md) when
# libpq's development files are there (Debian: libpq-dev); without them
# cartref is built with SQLite alone and refuses a postgres:// store.
HAVE_PG := $(shell pkg-config --exists libpq 2>/dev/null && echo 1)
ifeq ($(HAVE_PG),1)
PKG_CFLAGS += -DCARTREF_PG $(shell pkg-config --cflags libpq)
PKG_LIBS   += $(shell pkg-config --libs libpq)
endif

LIB_SRC  := $(sort $(wildcard src/base/*.c src/domain/*.c src/store/*.c \
              src/ingest/*.c src/demo/*.c src/analytics/*.c src/report/*.c \
              src/auth/*.c src/web/*.c src/api/*.c \
              src/alerts/*.c src/validate/*.c src/quality/*.c))
ifneq ($(HAVE_PG),1)
LIB_SRC  := $(filter-out src/store/sql-pg.c src/store/pg-schema.c,$(LIB_SRC))
endif
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/u-*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIBA     := $(BUILD)/libcartref.a
BIN      := $(BUILD)/cartref

.PHONY: all deps assets build test unit e2e demo fuzz fuzz-build clean check-headers

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
# CARTREF_HAVE_PG is asked when the tests run, not from HAVE_PG: make reads
# this file before deps installs libpq-dev on a fresh machine (the build
# runs in a make of its own, which reads it again).
test: deps
	@$(MAKE) --no-print-directory build
	@ln -sf $(BIN) cartref
	@CARTREF=$(CURDIR)/$(BIN) UNIT_DIR=$(BUILD)/tests \
	    CARTREF_HAVE_PG=$$(pkg-config --exists libpq 2>/dev/null && echo 1) \
	    sh tests/run.sh

unit: build
	@CARTREF=$(CURDIR)/$(BIN) UNIT_DIR=$(BUILD)/tests \
	    CARTREF_HAVE_PG=$$(pkg-config --exists libpq 2>/dev/null && echo 1) \
	    sh tests/run.sh unit

e2e: build
	@CARTREF=$(CURDIR)/$(BIN) UNIT_DIR=$(BUILD)/tests \
	    CARTREF_HAVE_PG=$$(pkg-config --exists libpq 2>/dev/null && echo 1) \
	    sh tests/run.sh e2e

# `make demo`: scripts/demo loads the synthetic Wales data as of today into
# the demo's own store, build/demo/cartref-demo.db, which only it makes (a
# marker file proves it; it never deletes a store it did not make), and
# prints what each demo user can do; then the store is served.
DEMO      := build/demo
DEMO_DB   := $(DEMO)/cartref-demo.db
DEMO_LISTEN ?= 127.0.0.1:8080
# build in parallel unless make was given -j already
NPROC     := $(shell nproc 2>/dev/null || echo 2)
DEMO_JOBS  = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(NPROC))
demo: deps
	@$(MAKE) --no-print-directory $(DEMO_JOBS) build
	@ln -sf $(BIN) cartref
	@CARTREF=./cartref DEMO_DIR=$(DEMO) sh scripts/demo
	@echo "Serving the demo store $(DEMO_DB) on http://$(DEMO_LISTEN)/ (Ctrl-C stops);"
	@echo "sign in at http://$(DEMO_LISTEN)/sign-in as one of the demo users above."
	./cartref --db $(DEMO_DB) serve --listen $(DEMO_LISTEN) --demo

# libFuzzer targets (needs clang; not part of `make test`): the CSV
# reader, the request-target and query decoder, the form parser, the
# API's JSON body readers, the SSDA903 readers with the DfE rules and
# the inspections register's reader and writer (tests/fuzz/fuzz-*.c).
# The library is built again with clang, libFuzzer's coverage and
# ASan+UBSan into build/fuzz;
# `make fuzz` runs each target for FUZZ_SECONDS (default 60) from its
# seeds in tests/fuzz/corpus-NAME, what it finds kept in
# build/fuzz/corpus-NAME, and stops at the first crash.
FUZZ         := build/fuzz
FUZZ_TARGETS := csv request form json rules quality
FUZZ_CFLAGS  := -std=c17 -g -O1 -Isrc -fno-omit-frame-pointer \
                -fsanitize=fuzzer-no-link,address,undefined \
                -fno-sanitize-recover=all
FUZZ_OBJ     := $(LIB_SRC:%.c=$(FUZZ)/%.o)
FUZZ_BIN     := $(FUZZ_TARGETS:%=$(FUZZ)/fuzz-%)

$(FUZZ)/%.o: %.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)clang $(FUZZ_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(FUZZ)/libcartref.a: $(FUZZ_OBJ)
	@rm -f $@
	$(QUIET_AR)ar rcs $@ $^

$(FUZZ)/fuzz-%: tests/fuzz/fuzz-%.c $(FUZZ)/libcartref.a
	$(QUIET_LINK)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) $< \
	    -o $@ $(FUZZ)/libcartref.a $(PKG_LIBS) $(LDLIBS)

fuzz-build: $(FUZZ_BIN)

fuzz: deps
	@$(MAKE) --no-print-directory fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p $(FUZZ)/corpus-$$t; \
	    echo "fuzz-$$t: $${FUZZ_SECONDS:-60} s"; \
	    $(FUZZ)/fuzz-$$t -max_total_time=$${FUZZ_SECONDS:-60} \
	        -max_len=4096 -print_final_stats=1 \
	        $(FUZZ)/corpus-$$t tests/fuzz/corpus-$$t || exit 1; \
	done

# Every header compiles on its own.
check-headers:
	@for h in $$(find src -name '*.h'); do \
	    printf '#include "base/compat.h"\n#include "%s"\n' $${h#src/} | \
	    $(CC) -std=c17 $(WARN) -Isrc $(PKG_CFLAGS) -x c -fsyntax-only - || exit 1; \
	done; echo "headers ok"

clean:
	rm -rf build cartref

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
-include $(wildcard $(FUZZ_OBJ:.o=.d))
