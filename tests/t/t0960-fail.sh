#!/bin/sh
# t0960: store failure injection (issue 10, failure drills).  With
# CARTREF_FAIL_AT=N the Nth statement of the process fails, once, as a
# failing disk would make it (src/store/sql.c, sql_torture()); for
# every N from 1 until the operation no longer meets the failure, each
# of three operations must fail closed:
#   import dir        a clean error and nothing written (the store's
#                     counts as before), or, when it succeeds, all of it
#   a child's read    (missing show --child) no child's data printed
#                     without its audit row
#   a missing report  (missing report) a clean error with no episode and
#                     no audit row, or both (and when what failed is the
#                     alerts' evaluation after the commit, it says so)
#   an API report     (POST /api/v1/missing-episodes, a server of one
#                     thread with no alert ticker, so that the statements
#                     come in the same order each time) 201 only with the
#                     episode recorded, and an error only without it: a
#                     write that committed is never answered with an
#                     error the writer would send again
# and the audit trail verifies after each.  "Clean": a non-zero exit, one
# "cartref: ..." line naming the failure, no sanitizer report, no crash.
. tests/t/lib.sh
clock_at "2019-08-15 12:00Z"

B=$DATA/review/boundaries
d=$WORK/set
mkdir -p "$d/903/W06000015"
cp $B/homes.csv "$d/"
cp -r $B/2018 $B/2019 "$d/903/W06000015/"

db=$WORK/fail.db
fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
copy_store "$db" "$WORK/empty.db"
cr stats >"$WORK/stats-before"
check "the set imports" cr import dir "$d"
cr stats >"$WORK/stats-after"
check "one demo user per role" cr user demo
check "a provider running Bryn Dau" cr user org-add --kind provider --code meadow \
	--name-en "The Meadow Trust" --provider "The Meadow Trust"
check "its home manager" sh -c "echo 'fail test password' | '$CARTREF' --db '$db' user add \
	--email meadow@example.org --name Meadow --role home_manager --org provider:meadow --password-stdin"
cr user token meadow@example.org --label t0960 2>&1 | grep '^cartref_' >"$WORK/meadow.tok"
check "a token for the home manager" test -s "$WORK/meadow.tok"
copy_store "$db" "$WORK/loaded.db"
SW=social-worker@demo.cartref.wales

# audit_rows DB: the rows of a verified audit trail ("" when it does not verify)
audit_rows() {
	"$CARTREF" --db "$1" audit verify 2>&1 |
		sed -n 's/^audit trail intact: \([0-9]*\) rows$/\1/p'
}
# clean FILE: one line, "cartref: ...", naming the injected failure
clean() {
	[ "$(wc -l <"$1")" -eq 1 ] && grep -q '^cartref: .*injected failure' "$1"
}

# drill NAME: runs drill_one N for N = 1, 2, ... until five in a row
# succeed (the operation no longer meets the failure); drill_one sets
# $bad to what went wrong, prints "fail" or "ok"
drill() {
	name=$1
	k=1
	okrun=0
	bad=""
	failed=0
	nbad=0
	while [ "$okrun" -lt 5 ] && [ "$k" -le 3000 ] && [ "$nbad" -lt 10 ]; do
		r=$(drill_one "$k")
		case "$r" in
		fail) okrun=0; failed=$((failed + 1)) ;;
		ok) okrun=$((okrun + 1)) ;;
		*) bad="$bad
N=$k: $r"; okrun=0; nbad=$((nbad + 1)) ;;
		esac
		k=$((k + 1))
	done
	echo "# $name: $((k - 1)) points, $failed failed closed" >&2
	if [ -z "$bad" ] && [ "$failed" -gt 0 ] && [ "$okrun" -eq 5 ]; then
		ok "$name: fails closed at each of $((k - 6)) statements ($failed clean errors)"
	else
		not_ok "$name: fails closed at every statement" \
			"$failed failed cleanly over $((k - 1)) points;$bad"
	fi
}

# --- import dir ---
import_one() {
	copy_store "$WORK/empty.db" "$db"
	CARTREF_FAIL_AT=$1 "$CARTREF" --db "$db" import dir "$d" >/dev/null 2>"$WORK/err"
	rc=$?
	cr stats >"$WORK/stats" 2>&1
	if [ "$rc" -ne 0 ]; then
		clean "$WORK/err" || { echo "exit $rc, not a clean error: $(head -5 "$WORK/err")"; return; }
		cmp -s "$WORK/stats" "$WORK/stats-before" ||
			{ echo "failed but wrote: $(diff "$WORK/stats-before" "$WORK/stats" | head -5)"; return; }
		echo fail
	else
		cmp -s "$WORK/stats" "$WORK/stats-after" ||
			{ echo "succeeded but not all: $(diff "$WORK/stats-after" "$WORK/stats" | head -5)"; return; }
		echo ok
	fi
}
drill_one() { import_one "$@"; }
drill "import dir"

# --- a missing report ---
rows0=$(audit_rows "$WORK/loaded.db")
report_one() {
	copy_store "$WORK/loaded.db" "$db"
	CARTREF_FAIL_AT=$1 "$CARTREF" --db "$db" missing report --as meadow@example.org \
		--child W06000015/C01 --started "$(date -u -d "$(fnow) 1 hour ago" +%Y-%m-%dT%H:%M)" \
		>/dev/null 2>"$WORK/err"
	rc=$?
	rows=$(audit_rows "$db")
	[ -n "$rows" ] || { echo "the audit trail does not verify"; return; }
	"$CARTREF" --db "$db" missing show --child W06000015/C01 --as $SW >"$WORK/show" 2>&1
	eps=$(grep -c "^episode" "$WORK/show")
	if [ "$rc" -ne 0 ] && grep -q '^cartref: recorded, but the alerts were not evaluated: .*injected failure' "$WORK/err"; then
		# the report and its audit row committed, the alerts after them
		# failed (the scheduled run evaluates them again): said so
		[ "$eps" -eq 1 ] || { echo "says recorded, $eps episodes"; return; }
		[ "$rows" -gt "$rows0" ] || { echo "recorded without an audit row"; return; }
		echo fail
	elif [ "$rc" -ne 0 ]; then
		clean "$WORK/err" || { echo "exit $rc, not a clean error: $(head -5 "$WORK/err")"; return; }
		[ "$eps" -eq 0 ] || { echo "failed, yet the episode is there"; return; }
		[ "$rows" -eq "$rows0" ] || { echo "failed, yet audit rows $rows0 -> $rows"; return; }
		echo fail
	else
		[ "$eps" -eq 1 ] || { echo "succeeded, $eps episodes"; return; }
		[ "$rows" -gt "$rows0" ] || { echo "succeeded without an audit row"; return; }
		echo ok
	fi
}
drill_one() { report_one "$@"; }
drill "a missing report"

# --- a report over the API ---
# api_one N: a server that fails its Nth statement; one report of C01
api_one() {
	copy_store "$WORK/loaded.db" "$db"
	: >"$WORK/srv.out"
	CARTREF_FAIL_AT=$1 "$CARTREF" --db "$db" serve --listen "127.0.0.1:$port" \
		--threads 1 --alerts-every 0 --quiet >"$WORK/srv.out" 2>"$WORK/srv.err" &
	spid=$!
	i=0
	while ! grep -q serving "$WORK/srv.out" 2>/dev/null; do
		if ! kill -0 $spid 2>/dev/null || [ $i -ge 100 ]; then
			kill $spid 2>/dev/null
			wait $spid 2>/dev/null
			grep -q 'injected failure' "$WORK/srv.err" ||
				{ echo "the server did not start: $(tail -3 "$WORK/srv.err")"; return; }
			echo fail	# failed at start-up, cleanly
			return
		fi
		sleep 0.05
		i=$((i + 1))
	done
	code=$(curl -s -o "$WORK/api.b" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $(cat "$WORK/meadow.tok")" \
		-H "Content-Type: application/json" \
		--data-binary "{\"council\":\"W06000015\",\"ref\":\"C01\",\"kind\":\"M\",\"started_at\":\"$(date -u -d "$(fnow) 1 hour ago" +%Y-%m-%dT%H:%M:%SZ)\"}" \
		"http://127.0.0.1:$port/api/v1/missing-episodes")
	kill $spid 2>/dev/null
	wait $spid 2>/dev/null
	rows=$(audit_rows "$db")
	[ -n "$rows" ] || { echo "the audit trail does not verify"; return; }
	"$CARTREF" --db "$db" missing show --child W06000015/C01 --as $SW >"$WORK/show" 2>&1
	eps=$(grep -c "^episode" "$WORK/show")
	case "$code" in
	201)	[ "$eps" -eq 1 ] || { echo "answered 201, $eps episodes"; return; }
		grep -q '"id":' "$WORK/api.b" || { echo "answered 201 without the episode"; return; }
		# met after the commit (the alerts, reading it back) and
		# answered with what committed, or not met at all
		if grep -q 'injected failure' "$WORK/srv.err"; then
			echo fail
		else
			echo ok
		fi ;;
	000)	echo "no answer (the server died?): $(tail -3 "$WORK/srv.err")" ;;
	*)	[ "$eps" -eq 0 ] ||
			{ echo "answered $code, yet the episode was recorded: $(head -c 200 "$WORK/api.b")"; return; }
		echo fail ;;
	esac
}
port=$(( 23000 + $$ % 1000 ))
drill_one() { api_one "$@"; }
drill "a report over the API"

# --- a child's read ---
copy_store "$WORK/loaded.db" "$db"
check "the home reports C01 missing" cr missing report --as meadow@example.org \
	--child W06000015/C01 --started "$(date -u -d "$(fnow) 1 day ago" +%Y-%m-%dT%H:%M)"
read_one() {
	before=$(audit_rows "$db")
	CARTREF_FAIL_AT=$1 "$CARTREF" --db "$db" missing show --child W06000015/C01 --as $SW \
		>"$WORK/show" 2>"$WORK/err"
	rc=$?
	after=$(audit_rows "$db")
	[ -n "$after" ] || { echo "the audit trail does not verify"; return; }
	if grep -q "W06000015/C01\|^episode" "$WORK/show"; then
		[ "$after" -eq $((before + 1)) ] ||
			{ echo "the child's data printed, audit rows $before -> $after"; return; }
	fi
	if [ "$rc" -ne 0 ]; then
		clean "$WORK/err" || { echo "exit $rc, not a clean error: $(head -5 "$WORK/err")"; return; }
		[ -s "$WORK/show" ] && { echo "failed, and printed: $(head -3 "$WORK/show")"; return; }
		echo fail
	else
		grep -q "^episode" "$WORK/show" || { echo "succeeded without the episode: $(cat "$WORK/show")"; return; }
		echo ok
	fi
}
drill_one() { read_one "$@"; }
drill "a child's read"

done_testing
