#!/bin/sh
# t0850: a person's path in a real browser: Debian's chromium, headless,
# driven by playwright-core (npm, a devDependency that `make assets`
# installs) through tests/browser/flow.mjs: sign in as the council social
# worker, open a dashboard, switch to Welsh, open a child's record, sign
# out.  Screenshots go to $TEST_OUT/browser/.  Skipped (one "ok # skip"
# line) only where /usr/bin/chromium is not installed; scripts/deps
# installs it.
. tests/t/lib.sh

needs_chromium

db=$WORK/browser.db
log=$WORK/server.log
out=$WORK/server.out
shots=${TEST_OUT:-$WORK}/browser
B=$DATA/review/boundaries

check "playwright-core is installed (make assets)" test -f node_modules/playwright-core/package.json
fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
check "fixture homes" cr import homes $B/homes.csv
check "fixture 2018" cr import 903 --la W06000015 $B/2018/*.csv
check "fixture 2019" cr import 903 --la W06000015 $B/2019/*.csv
check "one demo user per role" cr user demo

SERVER_PORT_BASE=21000
. tests/t/lib-server.sh

server_up

rm -rf "$shots"
mkdir -p "$shots"
# bounded: the flow stops itself after 120 s; this is the backstop
browser_tap flow 180 node tests/browser/flow.mjs "$U" "$shots"
check "a screenshot of each step" test "$(ls "$shots"/*.png 2>/dev/null | wc -l)" -ge 4
stop_server
check_eq "the server stops cleanly" 0 "$?"
check "the audit trail is intact" cr audit verify
done_testing
