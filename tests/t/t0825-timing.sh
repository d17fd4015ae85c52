#!/bin/sh
# t0825: a child out of the viewer's scope and one that does not exist
# answer 404 at the same cost (issue 10, item 4).  An inspector's 404
# for a child never placed in a registered home took several times as
# long as one for a reference nobody has, which told them the child
# existed.  On the synthetic Wales data (the scale where it showed), the
# two are asked for interleaved, many times each, in one keep-alive curl
# run, over the API with a token and over the web page with a session,
# and the medians of their times must agree within a ratio of 1.5: a
# comparison inside one run, so that a loaded machine slows both alike.
. tests/t/lib.sh

db=$WORK/timing.db
log=$WORK/server.log
out=$WORK/server.out
N=${TIMING_N:-200}

fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
check "the synthetic Wales data" cr demo-data --seed 1 --scale wales "$WORK/wales"
check "imported" cr import dir "$WORK/wales"
cr user demo >"$WORK/demo-users"
check "one demo user per role" grep -q '^inspector@' "$WORK/demo-users"
PW=$(awk '$1 == "inspector@demo.cartref.wales" { print $2 }' "$WORK/demo-users")
cr user token inspector@demo.cartref.wales --label t0825 2>&1 |
	grep '^cartref_' >"$WORK/insp.tok"
check_eq "an inspector's API token" 51 "$(tr -d '\n' <"$WORK/insp.tok" | wc -c)"

# out of an inspector's scope: never placed in a registered home
far=$(sql "$db" "SELECT l.code || '/' || c.child_ref FROM child c
	JOIN la l ON l.id = c.la_id WHERE c.id NOT IN (SELECT e.child_id
	FROM episode e JOIN home h ON h.urn = e.urn) ORDER BY c.id LIMIT 1")
check "a child out of the inspector's scope ($far)" test -n "$far"
none=${far%%/*}/Z9999999
check_eq "and a reference nobody has ($none)" 0 \
	"$(sql "$db" "SELECT count(*) FROM child WHERE child_ref = 'Z9999999'")"

SERVER_PORT_BASE=22000
. tests/t/lib-server.sh
server_up
check "the inspector signs in" session_start insp inspector@demo.cartref.wales "$PW"

# timed NAME PATH-A PATH-B CURL-ARGS...: N interleaved requests for each
# path in one curl (keep-alive); $WORK/NAME.t has "A|B status seconds"
timed() {
	tname=$1
	pa=$2
	pb=$3
	shift 3
	: >"$WORK/$tname.cfg"
	i=0
	while [ "$i" -lt "$N" ]; do
		# A first in even rounds, B first in odd ones
		if [ $((i % 2)) -eq 0 ]; then
			printf 'url = "%s"\noutput = /dev/null\n' "$U$pa" "$U$pb"
		else
			printf 'url = "%s"\noutput = /dev/null\n' "$U$pb" "$U$pa"
		fi >>"$WORK/$tname.cfg"
		i=$((i + 1))
	done
	curl -s -K "$WORK/$tname.cfg" "$@" \
		-w '%{url_effective} %{http_code} %{time_total}\n' |
		sed "s#^$U$pa #A #; s#^$U$pb #B #" >"$WORK/$tname.t"
}
# median NAME A|B: the median time in microseconds
median() {
	awk -v k="$2" '$1 == k { printf "%d\n", $3 * 1000000 }' "$WORK/$1.t" |
		sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
# same_cost NAME WHAT: every answer a 404, and the medians within 1.5x
same_cost() {
	check_eq "$2: $((2 * N)) answers, all 404" "$((2 * N))" \
		"$(awk '$2 == 404' "$WORK/$1.t" | wc -l)"
	ma=$(median "$1" A)
	mb=$(median "$1" B)
	if [ "$ma" -gt 0 ] && [ "$mb" -gt 0 ] &&
	    [ $((ma * 2)) -le $((mb * 3)) ] && [ $((mb * 2)) -le $((ma * 3)) ]; then
		ok "$2: out of scope ${ma} us, no such child ${mb} us (medians)"
	else
		not_ok "$2: out of scope and no such child cost the same" \
			"medians: out of scope ${ma} us, no such child ${mb} us"
	fi
}

timed api "/api/v1/children/$far" "/api/v1/children/$none" \
	-H "Authorization: Bearer $(cat "$WORK/insp.tok")"
same_cost api "the API's child read"
timed page "/children/$far" "/children/$none" -b "$WORK/insp.jar"
same_cost page "the child's page"

stop_server
check "both audited as refused reads" test \
	"$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'view-denied'
	AND subject_kind = 'child' AND subject_id IN ('$far', '$none')")" -ge $((4 * N))

done_testing
