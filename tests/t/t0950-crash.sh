#!/bin/sh
# t0950: crash safety (issue 10, failure drills).  The process is killed
# (SIGKILL, as kill -9) at points chosen by a seed (CRASH_SEED, printed,
# default 950; rerun with the same seed to see the same points):
#   import dir   the synthetic Wales set (three reporting years, ~89,000
#                rows, one transaction), killed at its Nth statement
#                (CARTREF_CRASH_AT, src/store/sql.c) for 20
#                seeded N, and after a seeded delay for 10 more (which
#                also lands in the commit and the WAL's checkpoint)
#   API writes   a burst of missing reports and returns over the JSON API
#                from four clients at once, the server killed -9 after a
#                seeded delay, 3 times
# After each: the store is sound (store_sound: PRAGMA integrity_check), `cartref audit verify` is
# intact (through the CLI, wherever the trail is kept), the store's
# counts and the review's figures are exactly those before the import
# or exactly those after it, and every write answered 2xx is there.
. tests/t/lib.sh

seed=${CRASH_SEED:-950}
echo "# CRASH_SEED=$seed"
# rand K LO HI: K numbers from LO to HI, from the seed and a salt
rand() {
	awk -v s="$seed" -v salt="$4" -v k="$1" -v lo="$2" -v hi="$3" \
		'BEGIN { srand(s * 7919 + salt); for (i = 0; i < k; i++)
			printf "%d\n", lo + int(rand() * (hi - lo + 1)) }'
}

d=$WORK/wales
check "the synthetic Wales set" sh -c "'$CARTREF' demo-data --seed 1 '$d' >/dev/null"
db=$WORK/crash.db
fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
copy_store "$db" "$WORK/empty.db"

# figures NAME: the store's counts and the review's exact figures
figures() {
	cr stats >"$WORK/$1.stats" 2>&1
	cr review --format json -o "$WORK/$1.json" >/dev/null 2>&1 ||
		echo "no review" >"$WORK/$1.json"
	# the JSON says when it was made: not a figure
	sed -i 's/"generated_at":"[^"]*"//; s/"generated_at": *"[^"]*"//' "$WORK/$1.json"
}
figures before
cr import dir "$d" >"$WORK/import.out" 2>&1
check_grep "the set imports" "^imported 66 returns" "$WORK/import.out"
rows=$(sed -n 's/^\([0-9]*\) rows in .*/\1/p' "$WORK/import.out")
figures after
check "the figures differ before and after" sh -c "! cmp -s '$WORK/before.stats' '$WORK/after.stats' &&
	! cmp -s '$WORK/before.json' '$WORK/after.json'"

# after_crash WHAT: the store is sound and all before or all after;
# collects failures in $bad, counts in $nbefore $nafter
after_crash() {
	ic=$(store_sound "$db" 2>&1)
	[ "$ic" = ok ] || { bad="$bad
$1: integrity_check: $ic"; return; }
	cr audit verify >"$WORK/verify" 2>&1 || { bad="$bad
$1: audit verify: $(cat "$WORK/verify")"; return; }
	figures now
	if cmp -s "$WORK/now.stats" "$WORK/before.stats" &&
	    cmp -s "$WORK/now.json" "$WORK/before.json"; then
		nbefore=$((nbefore + 1))
	elif cmp -s "$WORK/now.stats" "$WORK/after.stats" &&
	    cmp -s "$WORK/now.json" "$WORK/after.json"; then
		nafter=$((nafter + 1))
	else
		bad="$bad
$1: neither before nor after: $(diff "$WORK/after.stats" "$WORK/now.stats" | head -6)"
	fi
}
fresh() {
	copy_store "$WORK/empty.db" "$db"
}

# --- import dir, killed at its Nth statement ---
bad=""
nbefore=0
nafter=0
killed=0
for at in $(rand 20 1 "$rows" 1); do
	fresh
	CARTREF_CRASH_AT=$at "$CARTREF" --db "$db" import dir "$d" >/dev/null 2>&1
	rc=$?
	[ "$rc" -eq 137 ] && killed=$((killed + 1))
	after_crash "CARTREF_CRASH_AT=$at (exit $rc)"
done
check_eq "import dir killed at 20 seeded statements: each time killed" 20 "$killed"
if [ -z "$bad" ]; then
	ok "and each time sound and all before ($nbefore) or all after ($nafter)"
else
	not_ok "and each time sound and all before or all after" "$bad"
fi

# --- import dir, kill -9 after a seeded delay ---
start=$(date +%s%N)
fresh
cr import dir "$d" >/dev/null 2>&1
ms=$(( ($(date +%s%N) - start) / 1000000 ))
bad=""
nbefore=0
nafter=0
for delay in $(rand 10 0 "$((ms + ms / 5))" 2); do
	fresh
	"$CARTREF" --db "$db" import dir "$d" >/dev/null 2>&1 &
	ipid=$!
	sleep "$(awk -v m="$delay" 'BEGIN { printf "%.3f", m / 1000 }')"
	kill -9 "$ipid" 2>/dev/null
	wait "$ipid" 2>/dev/null
	after_crash "kill -9 after $delay ms"
done
if [ -z "$bad" ]; then
	ok "import dir killed -9 after 10 seeded delays up to $((ms + ms / 5)) ms: sound, all before ($nbefore) or all after ($nafter)"
else
	not_ok "import dir killed -9 after 10 seeded delays: sound, all before or all after" "$bad"
fi

# --- a burst of API writes, the server killed -9 ---
fresh
cr import dir "$d" >/dev/null 2>&1
check "demo users" sh -c "'$CARTREF' --db '$db' user demo >/dev/null"
HM=home-manager@demo.cartref.wales
cr user token $HM --label t0950 2>&1 | grep '^cartref_' >"$WORK/hm.tok"
check "a token for the home manager" test -s "$WORK/hm.tok"
copy_store "$db" "$WORK/loaded.db"
log=$WORK/server.log
out=$WORK/server.out
SERVER_PORT_BASE=22000
. tests/t/lib-server.sh

# api NAME METHOD PATH [BODY]: as the home manager, the body to
# $WORK/NAME.b, the status printed
api() {
	if [ $# -gt 3 ]; then
		curl -s -o "$WORK/$1.b" -w '%{http_code}' -X "$2" \
			-H "Authorization: Bearer $(cat "$WORK/hm.tok")" \
			-H "Content-Type: application/json" --data-binary "$4" "$U$3"
	else
		curl -s -o "$WORK/$1.b" -w '%{http_code}' -X "$2" \
			-H "Authorization: Bearer $(cat "$WORK/hm.tok")" "$U$3"
	fi
}
ago() {
	date -u -d "$1 ago" +%Y-%m-%dT%H:%M:%SZ
}

# client K FILE: reports each child of FILE missing, then its return;
# each write answered 2xx appended to $WORK/acked-K ("report ID" or
# "return ID") as soon as the answer comes
client() {
	while read -r la ref; do
		code=$(api "c$1" POST /api/v1/missing-episodes \
			"{\"council\":\"$la\",\"ref\":\"$ref\",\"kind\":\"M\",\"started_at\":\"$(ago "3 hours")\",\"last_seen_place\":\"the crash drill\"}") || return
		case "$code" in
		2*) ;;
		*) continue ;;
		esac
		id=$(grep -o '"id":[0-9]*' "$WORK/c$1.b" | head -1 | sed 's/.*://')
		echo "report $id" >>"$WORK/acked-$1"
		code=$(api "c$1" POST "/api/v1/missing-episodes/$id/return" \
			"{\"returned_at\":\"$(ago "1 hour")\",\"returned_place\":\"back at the home\"}") || return
		case "$code" in
		2*) echo "return $id" >>"$WORK/acked-$1" ;;
		esac
	done <"$2"
}

round=0
bad=""
acked=0
for delay in $(rand 3 200 900 3); do
	round=$((round + 1))
	rm -f "$WORK"/acked-*
	copy_store "$WORK/loaded.db" "$db"
	if ! start_server; then
		bad="$bad
round $round: the server did not start: $(tail -5 "$log")"
		continue
	fi
	api kids GET "/api/v1/children?page_size=100" >/dev/null
	grep -o '"council":"W[0-9]*","ref":"[A-Za-z0-9]*"' "$WORK/kids.b" |
		sed 's/"council":"\([^"]*\)","ref":"\([^"]*\)"/\1 \2/' >"$WORK/kids"
	for k in 1 2 3 4; do
		awk -v k="$k" 'NR % 4 == k - 1' "$WORK/kids" >"$WORK/kids-$k"
		client "$k" "$WORK/kids-$k" &
	done
	sleep "$(awk -v m="$delay" 'BEGIN { printf "%.3f", m / 1000 }')"
	kill -9 "$pid"
	wait "$pid" 2>/dev/null
	pid=""
	wait	# the clients: their next request fails
	cat "$WORK"/acked-* >"$WORK/acked" 2>/dev/null
	nack=$(wc -l <"$WORK/acked")
	acked=$((acked + nack))
	echo "# round $round: killed after $delay ms, $nack writes answered 2xx of $(wc -l <"$WORK/kids") children"
	ic=$(store_sound "$db" 2>&1)
	[ "$ic" = ok ] || bad="$bad
round $round: integrity_check: $ic"
	cr audit verify >"$WORK/verify" 2>&1 || bad="$bad
round $round: audit verify: $(cat "$WORK/verify")"
	if ! start_server; then
		bad="$bad
round $round: the server did not start again: $(tail -5 "$log")"
		continue
	fi
	while read -r what id; do
		code=$(api ep GET "/api/v1/missing-episodes/$id")
		if [ "$code" != 200 ]; then
			bad="$bad
round $round: $what $id was answered 2xx, now $code"
		elif [ "$what" = return ] && ! grep -q '"open":false' "$WORK/ep.b"; then
			bad="$bad
round $round: the return of $id was answered 2xx, now open again"
		fi
	done <"$WORK/acked"
	stop_server
done
if [ -z "$bad" ] && [ "$acked" -gt 0 ]; then
	ok "API writes, the server killed -9 three times: all $acked writes answered 2xx are there, the store sound"
else
	not_ok "API writes, the server killed -9: every write answered 2xx is there" \
		"$acked answered 2xx;$bad"
fi

done_testing
