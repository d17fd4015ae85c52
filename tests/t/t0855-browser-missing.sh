#!/bin/sh
# t0855: missing from care across three agencies in a real browser:
# Debian's chromium, headless, driven by playwright-core through
# tests/browser/missing.mjs (the home manager reports a child missing, the
# police grade it and record the return, the social worker sees the
# 72-hour alert, records the late return interview, acknowledges and
# resolves the alert, and reads it in Welsh).  Screenshots go to
# $TEST_OUT/browser-missing/.  Skipped (one "ok # skip" line) only where
# /usr/bin/chromium is not installed; scripts/deps installs it.
#
# Data: as t0920, the boundaries fixture with C08 added to Cardiff's 2019
# return, placed at W0000001 (the demo home manager's provider).
. tests/t/lib.sh
# the summer after the fixture's returns (base/clock.h): C08 is 9
clock_at "2019-08-15 12:00Z"

needs_chromium

db=$WORK/browser.db
log=$WORK/server.log
out=$WORK/server.out
shots=${TEST_OUT:-$WORK}/browser-missing
B=$DATA/review/boundaries

check "playwright-core is installed (make assets)" test -f node_modules/playwright-core/package.json
fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
mkdir -p "$WORK/c2019"
cp $B/2019/*.csv "$WORK/c2019/"
echo "C08,2,01/05/2010,WBRI,UN1,," >>"$WORK/c2019/header.csv"
echo "C08,01/06/2018,S,C2,N1,K2,PR4,,,,CF10 1AA,CF14 3AA,W0000001" >>"$WORK/c2019/episodes.csv"
check "fixture homes" cr import homes $B/homes.csv
check "fixture 2018" cr import 903 --la W06000015 $B/2018/*.csv
check "fixture 2019 with C08" cr import 903 --la W06000015 "$WORK"/c2019/*.csv
check "one demo user per role" cr user demo

SERVER_PORT_BASE=23000
. tests/t/lib-server.sh

server_up

rm -rf "$shots"
mkdir -p "$shots"
browser_tap flow 200 node tests/browser/missing.mjs "$U" "$shots"
check "a screenshot of each step" test "$(ls "$shots"/*.png 2>/dev/null | wc -l)" -ge 10
stop_server
check_eq "the server stops cleanly" 0 "$?"
check_eq "the alert was resolved by the social worker" "resolved" \
	"$(sql "$db" "SELECT state FROM alert WHERE rule_id = 'ri-72h'")"
check "the audit trail is intact" cr audit verify
done_testing
