#!/bin/sh
# t0970: two `cartref serve` processes on one store, as a national service
# runs them behind a load balancer (issue 11; docs/store.md).  A session
# begun on one is good on the other, and ended on one is ended on both;
# the scheduled alerts run happens on one server only (the lease
# "alerts-run", store_lease_take()), the other logging that it skipped;
# and a return imported while both serve moves the figures both show (the
# store's data generation, analytics/review-cache.h).  The suite runs
# this on SQLite and on PostgreSQL (tests/pg-wrap).
#
# Data: the review fixture (Cardiff's C01..C07, homes W0000001..3).
. tests/t/lib.sh

db=$WORK/two.db
PW=demo-only-cartref
B=$DATA/review/boundaries
D=demo.cartref.wales

fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
check "fixture homes" cr import homes $B/homes.csv
check "fixture Cardiff 2018" cr import 903 --la W06000015 $B/2018/*.csv
check "fixture Cardiff 2019" cr import 903 --la W06000015 $B/2019/*.csv
check "one demo user per role" cr user demo

SERVER_PORT_BASE=23000
. tests/t/lib-server.sh

# server NAME: start one more server (lib-server.sh's start_server) with
# its own logs, and keep its PID and URL as pid_NAME and U_NAME.
pids=""
server() {
	out=$WORK/$1.out
	log=$WORK/$1.log
	shift
	if start_server "$@"; then
		pids="$pids $pid"
		pid=""
		return 0
	fi
	return 1
}
stop_all() {
	st=0
	for p in $pids; do
		kill "$p" 2>/dev/null
		wait "$p" || st=$?
	done
	pids=""
	return "$st"
}
trap 'stop_all' EXIT

if server a --alerts-every 1; then ok "server A starts"; UA=$U; else
	not_ok "server A starts" "$(cat "$WORK/a.log")"; done_testing; exit 1; fi
SERVER_PORT_BASE=24000
if server b --alerts-every 1; then ok "server B starts"; UB=$U; else
	not_ok "server B starts" "$(cat "$WORK/b.log")"; done_testing; exit 1; fi
check "on two ports" test "$UA" != "$UB"

# --- one session, two servers ---
jar=$WORK/insp.jar
get in-form -c "$jar" -b "$jar" "$UA/sign-in"
get in -c "$jar" -b "$jar" --data-urlencode "csrf=$(form_token in-form)" \
	--data-urlencode "email=inspector@$D" \
	--data-urlencode "password=$PW" "$UA/sign-in"
check_eq "signed in on A" 303 "$(status in)"
get dash-a -b "$jar" "$UA/dashboard/council/W06000015"
get dash-b -b "$jar" "$UB/dashboard/council/W06000015"
check_eq "A's session opens the dashboard on A and on B" "200 200" \
	"$(status dash-a) $(status dash-b)"
# the figure both show: periods missing from care
value_of() {
	grep -A2 -F -- ">$2</th>" "$WORK/$1.b" |
		sed -n 's/.*govuk-table__cell--numeric">\([^<]*\)<\/td>.*/\1/p' | head -1
}
MP="Periods missing from care"
mp0=$(value_of dash-a "$MP")
check "a count of missing periods" test -n "$mp0" -a "${mp0:-0}" -gt 0
check_eq "the same on B" "$mp0" "$(value_of dash-b "$MP")"

# --- an import while both serve ---
mkdir -p "$WORK/2019"
cp $B/2019/*.csv "$WORK/2019/"
grep -v '^C01,01/06/2006,M,01/08/2018,' $B/2019/missing.csv >"$WORK/2019/missing.csv"
check "re-import Cardiff 2019 with one period fewer while both serve" \
	cr import 903 --la W06000015 "$WORK"/2019/*.csv
get dash-a1 -b "$jar" "$UA/dashboard/council/W06000015"
get dash-b1 -b "$jar" "$UB/dashboard/council/W06000015"
check_eq "A shows one period fewer" "$((mp0 - 1))" "$(value_of dash-a1 "$MP")"
check_eq "so does B" "$((mp0 - 1))" "$(value_of dash-b1 "$MP")"

# --- signed out on B: out on A too ---
get out-form -b "$jar" "$UB/dashboard/council/W06000015"
get out -c "$jar" -b "$jar" --data-urlencode "csrf=$(form_token out-form)" \
	"$UB/sign-out"
check_eq "signed out on B" 303 "$(status out)"
get dash-a2 -b "$jar" "$UA/dashboard/council/W06000015"
check "and A no longer opens the dashboard" test "$(status dash-a2)" != 200

# --- the scheduled alerts run: one server does it ---
sleep 4
runs_a=$(grep -c 'cartref: alerts: run in' "$WORK/a.log")
runs_b=$(grep -c 'cartref: alerts: run in' "$WORK/b.log")
skips=$(cat "$WORK/a.log" "$WORK/b.log" | grep -c 'alerts: run skipped')
check "the alerts run on one server only (A $runs_a, B $runs_b)" \
	test "$runs_a" -eq 0 -o "$runs_b" -eq 0
check "and it runs (A $runs_a, B $runs_b)" test $((runs_a + runs_b)) -ge 2
check "the other skips its ticks ($skips)" test "$skips" -ge 2
check_eq "one lease, held by a server" 1 \
	"$(sql "$db" "SELECT count(*) FROM lease WHERE name = 'alerts-run'")"

# --- the holder is killed (-9, no chance to give the lease up): the
# other takes over once it expires, within two periods ---
if [ "$runs_a" -gt 0 ]; then first=a; second=$WORK/b.log; else
	first=b; second=$WORK/a.log; fi
set -- $pids
if [ "$first" = a ]; then victim=$1; keep=$2; else victim=$2; keep=$1; fi
kill -KILL "$victim"
wait "$victim" 2>/dev/null
pids=$keep
before=$(grep -c 'cartref: alerts: run in' "$second")
sleep 5
check "when $first is killed, the other runs the alerts" \
	test "$(grep -c 'cartref: alerts: run in' "$second")" -gt "$before"

stop_all
check_eq "the other stops cleanly" 0 "$?"
check_eq "and gives the lease up" 0 \
	"$(sql "$db" "SELECT count(*) FROM lease WHERE name = 'alerts-run'")"
check "no error in the logs" sh -c "! grep -qi 'error' '$WORK/a.log' '$WORK/b.log'"
done_testing
