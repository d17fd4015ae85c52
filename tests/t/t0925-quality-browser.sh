#!/bin/sh
# t0925: the quality of care in a real browser, issue 13's "done when":
# Debian's chromium, headless, driven by playwright-core through
# tests/browser/quality.mjs.  Phase "record": the demo inspector records
# an inspection of Tŷ Un (the demo home manager's home) with a priority
# action notice due in 7 days and sees it on the home's profile; the home
# manager responds with an action plan and files a reg 60 notification.
# Then the alerts run 8 days later (`cartref alerts run --now`), when the
# notice is past its date, and the server starts again on that day.  Phase "after": the inspector and the home
# manager see the alert (skipped, saying so, where the rule "pan-overdue"
# is not in this build), and Cardiff's placements officer reads the
# home's record.  Every page in English and Welsh, axe-core clean;
# screenshots in $TEST_OUT/browser-quality/.  Skipped (one "ok # skip"
# line) only where /usr/bin/chromium is not installed.
#
# Data: as t0855, the boundaries fixture with C08 added to Cardiff's 2019
# return, placed at W0000001 (Orchard Care's home, in Cardiff's area).
. tests/t/lib.sh
# the summer after the fixture's returns (base/clock.h)
clock_at "2019-08-15 12:00Z"

needs_chromium

db=$WORK/browser.db
log=$WORK/server.log
out=$WORK/server.out
shots=${TEST_OUT:-$WORK}/browser-quality
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

SERVER_PORT_BASE=23500
. tests/t/lib-server.sh

server_up

rm -rf "$shots"
mkdir -p "$shots"
export HOME_URN=W0000001 CHILD=W06000015/C08
browser_tap quality-record 200 node tests/browser/quality.mjs "$U" "$shots" record
check_eq "the inspection was recorded, with its notice" 1 \
	"$(sql "$db" "SELECT COUNT(*) FROM finding WHERE kind = 'pan'")"

# the notice's date passes: 8 days later, the alerts run and the server
# starts again on that day
stop_server
check_eq "the server stops cleanly" 0 "$?"
later=$(date -u -d "$(fnow) 8 days" +%Y-%m-%dT%H:%M:%SZ)
check "the alerts run 8 days later" cr alerts run --now "$later"
clock_at "$later"
server_up
if [ "$(sql "$db" "SELECT COUNT(*) FROM alert WHERE rule_id = 'pan-overdue'")" -gt 0 ] 2>/dev/null; then
	ALERTS=1
else
	ALERTS="the rule pan-overdue raised no alert: it is not in this build (branch h-qalerts not merged)"
fi
export ALERTS
browser_tap quality-after 200 node tests/browser/quality.mjs "$U" "$shots" after
check "a screenshot of each step" test "$(ls "$shots"/*.png 2>/dev/null | wc -l)" -ge 20
stop_server
check_eq "the server stops cleanly" 0 "$?"
check "the audit trail is intact" cr audit verify
done_testing
