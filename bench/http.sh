#!/bin/sh
# bench/http.sh: requests per second of `cartref serve` on GET /api/v1/ping
# beside nginx returning a static 200-byte body, both on loopback, in the
# same run.  wrk with 2 threads and 64 connections for DURATION seconds
# (default 10), RUNS rounds (default 3; each round runs nginx then
# cartref), medians, and the ratio cartref/nginx (goal: >= 0.75, zero
# errors).  Both servers get one worker per CPU and write an access log
# line per request to a file.
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
cmd="RUNS=$RUNS DURATION=$DURATION sh bench/http.sh"

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
cleanup() {
	[ -n "$cpid" ] && kill "$cpid" 2>/dev/null && wait "$cpid" 2>/dev/null
	[ -n "$npid" ] && kill "$npid" 2>/dev/null && wait "$npid" 2>/dev/null
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

"$bin" --db "$dir/http.db" serve --listen "127.0.0.1:$CPORT" \
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

# run NAME URL: one wrk run; prints "rate errors"
run() {
	out=$(timeout $((DURATION + 20)) wrk -t2 -c64 -d"${DURATION}s" "$2")
	rate=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
	errs=$(echo "$out" | awk '/Socket errors/ {gsub(",", ""); s += $4 + $6 + $8 + $10}
		/Non-2xx/ {s += $NF} END {print s + 0}')
	echo "$rate $errs"
}

median() {
	tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}

nr=""
cr=""
nerr=0
cerr=0
i=1
while [ "$i" -le "$RUNS" ]; do
	set -- $(run nginx "http://127.0.0.1:$NPORT/ping")
	nr="$nr $1"
	nerr=$((nerr + $2))
	echo "run $i: nginx   $1 requests/s, $2 errors"
	set -- $(run cartref "http://127.0.0.1:$CPORT/api/v1/ping")
	cr="$cr $1"
	cerr=$((cerr + $2))
	echo "run $i: cartref $1 requests/s, $2 errors"
	i=$((i + 1))
done
nmed=$(echo "$nr" | median)
cmed=$(echo "$cr" | median)
ratio=$(echo "$cmed $nmed" | awk '{printf "%.2f", $1 / $2}')
verdict=$(echo "$ratio $cerr" | awk '{print ($1 >= 0.75 && $2 == 0) ? "goal met" : "goal NOT met"}')
echo "median: cartref $cmed, nginx $nmed requests/s; ratio $ratio; errors cartref $cerr, nginx $nerr: $verdict"

if [ "$RECORD" = 1 ]; then
	cat >>docs/benchmarks.md <<EOF

Run of $(date -u +%Y-%m-%d) (\`$cmd\`, $cpus CPUs, wrk -t2 -c64 -d${DURATION}s):
cartref /api/v1/ping$(echo "$cr" | sed 's/^ */ /; s/ /, /g; s/^,/:/') requests/s
(median **$cmed**); nginx static 200 bytes$(echo "$nr" | sed 's/^ */ /; s/ /, /g; s/^,/:/')
(median **$nmed**); ratio **$ratio**; errors: cartref $cerr, nginx $nerr ($verdict).
EOF
	echo "appended to docs/benchmarks.md"
fi
