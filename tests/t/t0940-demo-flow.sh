#!/bin/sh
# t0940-demo-flow: the walk-through `make demo` prints works on the demo
# store itself (seed 1, Wales), not only on a fixture: Cardiff's child
# C667953 is placed today at Maes Awel (W2356000), a home of the demo
# provider in Swansea, South Wales Police's area, so the demo home
# manager can report it missing, the demo police coordinator and the
# demo Cardiff social worker see the same episode, and the rules raise
# and clear alerts as it moves through its steps.
. "$(dirname "$0")/lib.sh"

D=demo.cartref.wales
db="$WORK/demo.db"
cr() { "$CARTREF" --db "$db" "$@"; }
NOW=2026-11-22T12:00:00Z

check "demo data, seed 1" "$CARTREF" demo-data --seed 1 --scale wales "$WORK/dd"
check "import it" cr import dir "$WORK/dd"
check "demo users" cr user demo
check "the rules, once" cr alerts run --now "$NOW"

check "the home manager reports C667953 missing" \
	cr missing report --as home-manager@$D --child W06000015/C667953 \
	--started 2026-11-18T21:00Z --circumstances "did not come back from school" \
	--exploitation yes --now 2026-11-18T22:00Z
cr missing list --as police@$D >"$WORK/police.txt"
check_grep "it is on the police coordinator's list" "W06000015/C667953" \
	"$WORK/police.txt"
id=$(awk -F'\t' '$2 == "W06000015/C667953" { print $1 }' "$WORK/police.txt")
check "it has an id" test -n "$id"
cr missing list --as social-worker@$D >"$WORK/sw.txt"
check_grep "and on the Cardiff social worker's" "W06000015/C667953" \
	"$WORK/sw.txt"
check "the police grade it high" \
	cr missing police "$id" --as police@$D --ref SWP-1 --grade high \
	--now 2026-11-18T23:00Z
cr alerts list --tsv --as social-worker@$D >"$WORK/a1.txt"
check_grep "high risk and no strategy meeting: an alert for the council" \
	"long-or-high-risk.*C667953" "$WORK/a1.txt"
check "the police record the return" \
	cr missing return "$id" --as police@$D --returned 2026-11-19T09:00Z \
	--place "Cardiff Central" --now 2026-11-19T09:30Z
check "the rules at the time the interview was due" \
	cr alerts run --now 2026-11-22T10:00Z
cr alerts list --tsv --as social-worker@$D >"$WORK/a2.txt"
check_grep "no interview 72 hours after: an alert" "ri-72h.*C667953" \
	"$WORK/a2.txt"
alert=$(awk -F'\t' '$2 == "ri-72h" && $5 == "C667953" { print $1; exit }' \
	"$WORK/a2.txt")
check "it names the child" test -n "$alert"
check "the social worker records the late interview" \
	cr missing interview "$id" --as social-worker@$D \
	--held 2026-11-22T11:00Z --by "Independent advocate" \
	--independent yes --outcome accepted --now "$NOW"
check "and acknowledges the alert" \
	cr alerts ack "$alert" --as social-worker@$D --note "interview held late" \
	--now "$NOW"
cr alerts list --tsv --as social-worker@$D >"$WORK/a3.txt"
check "the alert is acknowledged" \
	grep -q "^$alert	ri-72h	acknowledged	" "$WORK/a3.txt"
check "the audit trail is intact" cr audit verify
done_testing
