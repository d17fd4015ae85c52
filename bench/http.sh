#!/bin/sh
# bench/http.sh: `cartref serve` under load, on loopback, beside nginx in
# the same run.  wrk with 2 threads and 64 connections for DURATION
# seconds (default 10), RUNS rounds (default 3), each round in turn:
#
#   nginx    a static 200-byte body (the yardstick)
#   ping     cartref GET /api/v1/ping (goal: >= 0.75 of nginx)
#   child    cartref GET /api/v1/children/W06000015/C01 with a council
#            social worker's bearer token: one child's record, scoped in
#            SQL and audited (one hash-chained audit row per read);
#            C01 when the store has it, else the first child of Cardiff
#            (goal: >= 30,000 requests/s)
#   council  the council dashboard, GET /dashboard/council/W06000015 with
#            the same person's session cookie (goal: p99 <= 50 ms), when
#            the server has that page
#
# and reports the medians of requests/s and of the 99th percentile
# latency (wrk --latency), and errors (socket errors, timeouts, non-2xx),
# whose goal is zero.  The store is the synthetic Wales data
# (`cartref demo-data --seed 1 --scale wales --as-of AS_OF`, default
# 2026-07-14, fixed so that runs compare) with the demo users, made once
# in build/bench/ and kept.  nginx gets one worker per CPU, cartref
# its default thread pool (four per CPU: a record read waits for its audit
# commit); both write an access log line per request to a file.
#
# STORE=pg: the same store in PostgreSQL, on a cluster of this machine
# the script starts (scripts/pg-test, its fsync on) and stops, so that
# the two backends' numbers stand side by side (issue 11).
#
# Installs wrk and nginx-light (Debian packages) when missing.  Both
# servers listen on 127.0.0.1 only and are stopped by PID.  The results,
# with the command and date, are appended to docs/benchmarks.md unless
# RECORD=0.  Run from the repository root after `make` (it uses
# build/rel/cartref, not a sanitizer build; CARTREF=... overrides).
set -eu
RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
RECORD=${RECORD:-1}
CPORT=${CARTREF_PORT:-18080}
NPORT=${NGINX_PORT:-18081}
bin=${CARTREF:-build/rel/cartref}	# the release build, whatever ./cartref points at
dir=${BENCH_DIR:-build/bench}
STORE=${STORE:-sqlite}
cmd="RUNS=$RUNS DURATION=$DURATION STORE=$STORE sh bench/http.sh"

need=""
command -v wrk >/dev/null 2>&1 || need="$need wrk"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need="$need nginx-light"
if [ -n "$need" ]; then
	echo "bench/http.sh: installing$need"
	if [ "$(id -u)" -ne 0 ]; then
		echo "bench/http.sh: run as root (or install:$need)" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $need
	# the package starts a system nginx on port 80: this script wants none
	if command -v systemctl >/dev/null 2>&1; then
		systemctl stop nginx 2>/dev/null || true
		systemctl disable nginx 2>/dev/null || true
	fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
cpus=$(nproc)

mkdir -p "$dir"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cartref-http.XXXXXX")
cpid=""
npid=""
pgdir=""
cleanup() {
	[ -n "$cpid" ] && kill "$cpid" 2>/dev/null && wait "$cpid" 2>/dev/null
	[ -n "$npid" ] && kill "$npid" 2>/dev/null && wait "$npid" 2>/dev/null
	[ -z "$pgdir" ] || sh scripts/pg-test stop "$pgdir"
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# nginx: a 200-byte body from `return`, as cheap as nginx gets.
body=$(printf '{"status":"ok","service":"nginx","pad":"%0158d"}' 0)
[ "${#body}" -eq 200 ] || { echo "bench/http.sh: body is ${#body} bytes" >&2; exit 1; }
mkdir -p "$tmp/nginx/logs"
cat >"$tmp/nginx/nginx.conf" <<EOF
daemon off;
worker_processes $cpus;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log;
events { worker_connections 1024; }
http {
	access_log $tmp/nginx/logs/access.log;
	keepalive_requests 1000000;
	client_body_temp_path $tmp/nginx/body;
	proxy_temp_path $tmp/nginx/proxy;
	fastcgi_temp_path $tmp/nginx/fastcgi;
	uwsgi_temp_path $tmp/nginx/uwsgi;
	scgi_temp_path $tmp/nginx/scgi;
	server {
		listen 127.0.0.1:$NPORT;
		location = /ping {
			default_type application/json;
			return 200 '$body';
		}
	}
}
EOF
"$NGINX" -e "$tmp/nginx/logs/error.log" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" &
npid=$!

# the store: the synthetic Wales data and the demo users, made once
AS_OF=${AS_OF:-2026-07-14}
db=$dir/http-wales-$AS_OF.db
. bench/lib.sh
if [ "$STORE" = pg ]; then
	pgdir=$(PG_DURABLE=1 sh scripts/pg-test start)
	db="$(cat "$pgdir/base") dbname=cartref"
	rm -rf "$dir/wales-$AS_OF"
	"$bin" demo-data --seed 1 --scale wales --as-of "$AS_OF" \
		"$dir/wales-$AS_OF" >/dev/null
	"$bin" --db "$db" import dir "$dir/wales-$AS_OF" >/dev/null
	"$bin" --db "$db" user demo >/dev/null
else
	wales_store "$db" "$dir/wales-$AS_OF" bench/http.sh
fi
SW=social-worker@demo.cartref.wales
token=$("$bin" --db "$db" user token "$SW" --label "bench/http.sh" 2>&1 | grep '^cartref_')
[ -n "$token" ] || { echo "bench/http.sh: no API token for $SW" >&2; exit 1; }

"$bin" --db "$db" serve --listen "127.0.0.1:$CPORT" \
	>"$tmp/cartref.out" 2>"$tmp/cartref-access.log" &
cpid=$!

wait_up() {
	i=0
	until curl -sf -o /dev/null "$1"; do
		i=$((i + 1))
		if [ "$i" -gt 100 ]; then
			echo "bench/http.sh: $1 does not answer" >&2
			exit 1
		fi
		sleep 0.1
	done
}
wait_up "http://127.0.0.1:$NPORT/ping"
wait_up "http://127.0.0.1:$CPORT/api/v1/ping"
C=http://127.0.0.1:$CPORT

# the child: C01 if the store has it, else the first of Cardiff's
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
	"$C/api/v1/children/W06000015/C01")
child=/api/v1/children/W06000015/C01
if [ "$code" != 200 ]; then
	ref=$(curl -s -H "Authorization: Bearer $token" \
		"$C/api/v1/children?council=W06000015&page_size=1" |
		sed -n 's/.*"ref":"\([^"]*\)".*/\1/p' | head -1)
	[ -n "$ref" ] || { echo "bench/http.sh: Cardiff has no child" >&2; exit 1; }
	child=/api/v1/children/W06000015/$ref
fi
# a session for the dashboard: the sign-in form, then its POST
jar=$tmp/jar
curl -s -c "$jar" -b "$jar" -o "$tmp/form.html" "$C/sign-in"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$tmp/form.html" | head -1)
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "csrf=$csrf" \
	--data-urlencode "email=$SW" --data-urlencode "password=demo-only-cartref" \
	"$C/sign-in"
sid=$(awk '$6 == "cartref_session" { print $7 }' "$jar")
dash=/dashboard/council/W06000015
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: cartref_session=$sid" "$C$dash")
if [ -z "$sid" ] || [ "$code" != 200 ]; then
	echo "bench/http.sh: $dash answers $code: the council dashboard is skipped"
	dash=""
fi
# the trail: in the store's audit file (FILE-audit) since issue 10
audit_max() {
	if [ "$STORE" = pg ]; then
		psql -X -A -t -d "$db" -c "SELECT max(id) FROM aud.audit"
		return
	fi
	if [ -f "$db-audit" ]; then a=$db-audit; else a=$db; fi
	sqlite3 -batch -noheader "$a" "SELECT max(id) FROM audit"
}
audit0=$(audit_max)

# run URL [wrk args...]: one wrk run; prints "rate p99-ms errors"
run() {
	url=$1
	shift
	out=$(timeout $((DURATION + 30)) wrk -t2 -c64 -d"${DURATION}s" \
		--timeout 10s --latency "$@" "$url")
	rate=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
	# "99%  160.73ms" (or us, s, m): in milliseconds
	p99=$(echo "$out" | awk '$1 == "99%" {
		v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
		m = v
		if (u == "us") m = v / 1000
		if (u == "s") m = v * 1000
		if (u == "m") m = v * 60000
		printf "%.2f", m }')
	errs=$(echo "$out" | awk '/Socket errors/ {gsub(",", ""); s += $4 + $6 + $8 + $10}
		/Non-2xx/ {s += $NF} END {print s + 0}')
	echo "${rate:-0} ${p99:-0} $errs"
}

median() {
	tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}

# one series per target: rates, p99s and errors over the rounds
for k in n p c d; do
	eval "${k}r=''; ${k}l=''; ${k}err=0"
done
# round NAME KEY URL [wrk args...]
round() {
	name=$1
	k=$2
	shift 2
	set -- $(run "$@")
	eval "${k}r=\"\$${k}r $1\"; ${k}l=\"\$${k}l $2\"; ${k}err=\$((${k}err + $3))"
	printf 'run %s: %-8s %10s requests/s, p99 %8s ms, %s errors\n' "$i" "$name" "$1" "$2" "$3"
}
i=1
while [ "$i" -le "$RUNS" ]; do
	round nginx n "http://127.0.0.1:$NPORT/ping"
	round ping p "$C/api/v1/ping"
	round child c "$C$child" -H "Authorization: Bearer $token"
	[ -n "$dash" ] && round council d "$C$dash" -H "Cookie: cartref_session=$sid"
	i=$((i + 1))
done
audit1=$(audit_max)
audited=$(( ${audit1:-0} - ${audit0:-0} ))
for k in n p c d; do
	eval "${k}med=\$(echo \"\$${k}r\" | median); ${k}p99=\$(echo \"\$${k}l\" | median)"
done
ratio=$(echo "$pmed $nmed" | awk '{printf "%.2f", $1 / $2}')
v_ping=$(echo "$ratio $perr" | awk '{print ($1 >= 0.75 && $2 == 0) ? "goal met" : "goal NOT met"}')
v_child=$(echo "$cmed $cerr" | awk '{print ($1 >= 30000 && $2 == 0) ? "goal met" : "goal NOT met"}')
if [ -n "$dash" ]; then
	v_dash=$(echo "$dp99 $derr" | awk '{print ($1 <= 50 && $2 == 0) ? "goal met" : "goal NOT met"}')
else
	v_dash="skipped: no council dashboard"
fi
echo "median: nginx $nmed requests/s (p99 $np99 ms)"
echo "median: ping $pmed requests/s (p99 $pp99 ms); ratio $ratio; errors $perr: $v_ping"
echo "median: child $cmed requests/s (p99 $cp99 ms); errors $cerr; audit rows written $audited: $v_child"
[ -n "$dash" ] && echo "median: council dashboard $dmed requests/s (p99 $dp99 ms); errors $derr: $v_dash"

# "a, b, c" of a series
list() {
	echo "$1" | sed 's/^ *//; s/ *$//; s/  */, /g'
}

if [ "$RECORD" = 1 ]; then
	{
		echo
		echo "Run of $(date -u +%Y-%m-%d) (\`$cmd\`, $cpus CPUs, wrk -t2 -c64 -d${DURATION}s --latency, the Wales demo store on $STORE):"
		echo "nginx static 200 bytes: $(list "$nr") requests/s (median **$nmed**, p99 $np99 ms);"
		echo "cartref /api/v1/ping: $(list "$pr") requests/s (median **$pmed**, p99 $pp99 ms);"
		echo "ratio **$ratio**, errors $perr ($v_ping);"
		echo "one child's record \`GET $child\` (bearer token, council social worker):"
		echo "$(list "$cr") requests/s (median **$cmed**, p99 **$cp99 ms**), errors $cerr,"
		echo "$audited audit rows written ($v_child, goal 30,000);"
		if [ -n "$dash" ]; then
			echo "council dashboard \`GET $dash\` (session cookie): $(list "$dr") requests/s"
			echo "(median **$dmed**), p99 $(list "$dl") ms (median **$dp99 ms**), errors $derr ($v_dash, goal 50 ms)."
		else
			echo "council dashboard: $v_dash."
		fi
	} >>docs/benchmarks.md
	echo "appended to docs/benchmarks.md"
fi
