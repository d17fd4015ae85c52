#!/bin/sh
# t0890: every role's first screen and pages on the demo, in a real
# browser (tests/browser/roles.mjs, Debian's chromium through
# playwright-core, axe-core): the demo for today (cartref demo-data with
# its default reference date, as `make demo` makes it), the demo users,
# one alerts run; then each role, in English and Welsh: its home page
# (screenshots in $TEST_OUT/roles/), nothing impossible on it, its "do
# first" list bounded, its main task one click away, and axe-core finds
# nothing on any page it reaches.  Skipped (one "ok # skip" line) only
# where /usr/bin/chromium is not installed; scripts/deps installs it.
. tests/t/lib.sh

needs_chromium

db=$WORK/roles.db
log=$WORK/server.log
out=$WORK/server.out
shots=${TEST_OUT:-$WORK}/roles

check "playwright-core and axe-core are installed (make assets)" \
	test -f node_modules/playwright-core/package.json -a -f node_modules/axe-core/axe.min.js
check "the demo for today" "$CARTREF" demo-data --seed 1 --scale wales "$WORK/demo"
fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
check "imported" cr import dir "$WORK/demo"
check "one demo user per role" cr user demo
check "the alerts" cr alerts run

SERVER_PORT_BASE=23000
. tests/t/lib-server.sh

server_up

rm -rf "$shots"
mkdir -p "$shots"
browser_tap roles 960 node tests/browser/roles.mjs "$U" "$shots"
check "a screenshot of each role's home page in both languages" \
	test "$(ls "$shots"/*-home-*-en.png "$shots"/*-home-*-cy.png 2>/dev/null | wc -l)" -eq 14
stop_server
check_eq "the server stops cleanly" 0 "$?"
check "the audit trail is intact" cr audit verify
done_testing
