#!/bin/sh
# bench/soak.sh: a bounded soak of `cartref serve` (issue 10, failure
# drills): a mixed load on loopback from wrk, 64 connections in all, for
# DURATION seconds (default 60) after a WARMUP (default 90 s) of the same
# load, on the synthetic Wales store with the demo users.  62 connections
# (2 threads) go round this mix, each from its own place:
#
#   read       GET /api/v1/children/W06000015/REF, one child's record
#              (council social worker's token; scoped and audited)
#   list       GET /api/v1/children?page_size=20 (the same)
#   write      POST /api/v1/missing-episodes/ID/police, the police grade
#              an open episode (police coordinator's token; audited,
#              the child's alerts evaluated)
#   dashboard  GET /dashboard/council/W06000015 and GET /dashboard (the
#              social worker's session cookie)
#
# and 2 more connections sign in, POST /sign-in with a form's token and
# pre-session cookie, over and over (an argon2id check of 64 MiB each):
# two, since the server answers 503 beyond 4 password checks at once by
# design (WEB_PWCHECKS_MAX, docs/http.md), which a soak should not count
# as failures.
#
# Goals: zero errors (socket errors, timeouts, answers >= 400 as wrk
# counts them), and flat memory: the server's RSS at the end of the soak
# within 10% of its RSS at the end of the warm-up.  RSS is sampled every
# second; a sign-in holds 64 MiB while it runs, so the sign-ins of each
# phase stop 5 s before it ends and RSS is the least of its last 3 s,
# the mix still running.  Every fifth sample of the soak, and the least
# of each 30 s, are printed too.  The results, with the
# command and date, are appended to docs/benchmarks.md unless RECORD=0.
# Exit status 1 when a goal is not met.  The store is made once in
# build/bench/ as bench/http.sh makes it (AS_OF, default 2026-07-14), and
# copied, since the soak writes to it.  Run from the repository root
# after `make`; needs wrk (bench/http.sh installs it).  Not a test: a
# timed run, for docs/benchmarks.md.
set -eu
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-90}
RECORD=${RECORD:-1}
SIGNINS=${SIGNINS:-2}	# connections signing in (0: none)
CPORT=${CARTREF_PORT:-18090}
bin=${CARTREF:-build/rel/cartref}
dir=${BENCH_DIR:-build/bench}
cmd="DURATION=$DURATION WARMUP=$WARMUP SIGNINS=$SIGNINS sh bench/soak.sh"
command -v wrk >/dev/null 2>&1 || { echo "bench/soak.sh: needs wrk (bench/http.sh installs it)" >&2; exit 1; }

mkdir -p "$dir"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cartref-soak.XXXXXX")
cpid=""
cleanup() {
	[ -n "$cpid" ] && kill "$cpid" 2>/dev/null && wait "$cpid" 2>/dev/null
	# the server's log (and, from a sanitizer build, its leak report)
	[ -f "$tmp/cartref-access.log" ] && cp "$tmp/cartref-access.log" "$dir/soak-server.log"
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

AS_OF=${AS_OF:-2026-07-14}
base=$dir/soak-wales-$AS_OF.db
. bench/lib.sh
wales_store "$base" "$dir/soak-wales-$AS_OF" bench/soak.sh
db=$tmp/soak.db
store_copy "$base" "$db"

SW=social-worker@demo.cartref.wales
PO=police@demo.cartref.wales
HM=home-manager@demo.cartref.wales
tok() {
	"$bin" --db "$db" user token "$1" --label "bench/soak.sh" 2>&1 | grep '^cartref_'
}
swtok=$(tok $SW)
potok=$(tok $PO)
hmtok=$(tok $HM)

"$bin" --db "$db" serve --listen "127.0.0.1:$CPORT" \
	>"$tmp/cartref.out" 2>"$tmp/cartref-access.log" &
cpid=$!
C=http://127.0.0.1:$CPORT
i=0
until curl -sf -o /dev/null "$C/api/v1/ping"; do
	i=$((i + 1))
	[ "$i" -le 100 ] || { echo "bench/soak.sh: the server does not answer" >&2; exit 1; }
	sleep 0.1
done

# a child of Cardiff's to read; an open episode the police may grade
ref=$(curl -s -H "Authorization: Bearer $swtok" "$C/api/v1/children?council=W06000015&page_size=1" |
	sed -n 's/.*"ref":"\([^"]*\)".*/\1/p' | head -1)
[ -n "$ref" ] || { echo "bench/soak.sh: Cardiff has no child" >&2; exit 1; }
ep=$(curl -s -H "Authorization: Bearer $potok" "$C/api/v1/missing-episodes" |
	grep -o '"id":[0-9]*' | head -1 | sed 's/.*://')
if [ -z "$ep" ]; then
	# none open in the force's area: the home reports one
	kid=$(curl -s -H "Authorization: Bearer $hmtok" "$C/api/v1/children?page_size=1" |
		grep -o '"council":"W[0-9]*","ref":"[^"]*"' | head -1 |
		sed 's/"council":"\([^"]*\)","ref":"\([^"]*\)"/\1 \2/')
	set -- $kid
	ep=$(curl -s -H "Authorization: Bearer $hmtok" -H "Content-Type: application/json" \
		--data-binary "{\"council\":\"$1\",\"ref\":\"$2\",\"started_at\":\"$(date -u -d '3 hours ago' +%Y-%m-%dT%H:%M:%SZ)\"}" \
		"$C/api/v1/missing-episodes" | grep -o '"id":[0-9]*' | head -1 | sed 's/.*://')
fi
[ -n "$ep" ] || { echo "bench/soak.sh: no open missing episode to grade" >&2; exit 1; }
code=$(curl -s -o "$tmp/pol.b" -w '%{http_code}' -H "Authorization: Bearer $potok" \
	-H "Content-Type: application/json" --data-binary '{"risk_grade":"medium"}' \
	"$C/api/v1/missing-episodes/$ep/police")
[ "$code" = 200 ] || { echo "bench/soak.sh: the police cannot grade episode $ep: $code $(cat "$tmp/pol.b")" >&2; exit 1; }
# the social worker's session, and a sign-in form's token and cookie
jar=$tmp/jar
curl -s -c "$jar" -b "$jar" -o "$tmp/form.html" "$C/sign-in"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$tmp/form.html" | head -1)
pre=$(awk '$6 ~ /^cartref_/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "csrf=$csrf" \
	--data-urlencode "email=$SW" --data-urlencode "password=demo-only-cartref" "$C/sign-in"
sid=$(awk '$6 == "cartref_session" { print $7 }' "$jar")
[ -n "$sid" ] || { echo "bench/soak.sh: the social worker cannot sign in" >&2; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$pre" --data-urlencode "csrf=$csrf" \
	--data-urlencode "email=$SW" --data-urlencode "password=demo-only-cartref" "$C/sign-in")
[ "$code" = 303 ] || { echo "bench/soak.sh: a second sign-in with the same form answers $code" >&2; exit 1; }

cat >"$tmp/mix.lua" <<'LUA'
-- bench/soak.sh's mix: each connection goes round the list from its own place
local list, k = {}, 0
local threads = {}
function setup(thread)
	thread:set("id", k)
	k = k + 1
	table.insert(threads, thread)
end
-- the first few answers >= 400 of each thread, with the start of the body
bad = ""
function response(status, headers, body)
	if status >= 400 and #bad < 600 then
		bad = bad .. status .. " " .. string.sub(body or "", 1, 100) .. "\n"
	end
end
function done(summary, latency, requests)
	for _, t in ipairs(threads) do
		local b = t:get("bad")
		if b and b ~= "" then io.write("answers >= 400:\n" .. b) end
	end
end
function init(args)
	local sw = "Bearer " .. os.getenv("SOAK_SW")
	local po = "Bearer " .. os.getenv("SOAK_PO")
	local sess = "cartref_session=" .. os.getenv("SOAK_SID")
	local child = "/api/v1/children/W06000015/" .. os.getenv("SOAK_REF")
	local ep = "/api/v1/missing-episodes/" .. os.getenv("SOAK_EP") .. "/police"
	local form = "csrf=" .. os.getenv("SOAK_CSRF") ..
		"&email=social-worker%40demo.cartref.wales&password=demo-only-cartref"
	local read = wrk.format("GET", child, { Authorization = sw })
	local lst = wrk.format("GET", "/api/v1/children?page_size=20", { Authorization = sw })
	local write = wrk.format("POST", ep, { Authorization = po,
		["Content-Type"] = "application/json" }, '{"risk_grade":"high"}')
	local signin = wrk.format("POST", "/sign-in", { Cookie = os.getenv("SOAK_PRE"),
		["Content-Type"] = "application/x-www-form-urlencoded" }, form)
	local dash = wrk.format("GET", "/dashboard/council/W06000015", { Cookie = sess })
	local dash2 = wrk.format("GET", "/dashboard", { Cookie = sess })
	if os.getenv("SOAK_MODE") == "signin" then
		list = { signin }
	else
		list = { read, lst, write, dash, read, lst, write, dash2 }
	end
	i = (id * 7) % #list
end
function request()
	i = i % #list + 1
	return list[i]
end
LUA
export SOAK_SW="$swtok" SOAK_PO="$potok" SOAK_SID="$sid" SOAK_REF="$ref" \
	SOAK_EP="$ep" SOAK_CSRF="$csrf" SOAK_PRE="$pre"

rss() {
	awk '/^VmRSS:/ { print $2 }' "/proc/$cpid/status"
}
# wrk_run SECONDS CONNECTIONS THREADS MODE: one wrk run, its output to
# $tmp/wrk-MODE
wrk_run() {
	SOAK_MODE=$4 timeout $(($1 + 60)) wrk -t"$3" -c"$2" -d"$1s" --timeout 10s \
		--latency -s "$tmp/mix.lua" "$C" >"$tmp/wrk-$4" 2>&1
}
# errors FILE: socket errors, timeouts and answers >= 400
errors() {
	awk '/Socket errors/ {gsub(",", ""); s += $4 + $6 + $8 + $10}
		/Non-2xx/ {s += $NF} END {print s + 0}' "$1"
}
# run SECONDS: the mix and the sign-ins at once; prints "requests rate
# p99-ms errors sign-ins"
run() {
	wrk_run "$1" $((64 - SIGNINS)) 2 mix &
	wpid=$!
	if [ "$SIGNINS" -gt 0 ]; then
		# ending 5 s early: RSS is read with no sign-in in flight
		wrk_run "$(($1 - 5))" "$SIGNINS" 1 signin
	else
		echo "0 requests in 0s" >"$tmp/wrk-signin"
	fi
	wait "$wpid"
	cat "$tmp/wrk-mix" "$tmp/wrk-signin" >>"$tmp/wrk.out"
	reqs=$(sed -n 's/^ *\([0-9]*\) requests in .*/\1/p' "$tmp/wrk-mix")
	rate=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$tmp/wrk-mix")
	p99=$(awk '$1 == "99%" {
		v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
		m = v
		if (u == "us") m = v / 1000
		if (u == "s") m = v * 1000
		if (u == "m") m = v * 60000
		printf "%.2f", m }' "$tmp/wrk-mix")
	signins=$(sed -n 's/^ *\([0-9]*\) requests in .*/\1/p' "$tmp/wrk-signin")
	echo "${reqs:-0} ${rate:-0} ${p99:-0} $(( $(errors "$tmp/wrk-mix") + $(errors "$tmp/wrk-signin") )) ${signins:-0}"
}

rss0=$(rss)
# RSS every second, each sample tagged with the phase it falls in
echo warm >"$tmp/phase"
(
	while kill -0 "$cpid" 2>/dev/null; do
		echo "$(cat "$tmp/phase") $(rss)" >>"$tmp/rss" 2>/dev/null || break
		sleep 1
	done
) &
spid=$!
set -- $(run "$WARMUP")
wreq=$1 werr=$4 wsign=$5
echo soak >"$tmp/phase"
set -- $(run "$DURATION")
sreq=$1 srate=$2 sp99=$3 serr=$4 ssign=$5
echo after >"$tmp/phase"
kill "$spid" 2>/dev/null || true
wait "$spid" 2>/dev/null || true
# the least RSS of a phase's last 3 s, when no sign-in is in flight
least() {
	awk -v p="$1" '$1 == p { v[++n] = $2 }
		END { m = ""; for (i = (n > 3 ? n - 2 : 1); i <= n; i++)
			if (m == "" || v[i] < m) m = v[i]; print m + 0 }' "$tmp/rss"
}
rss_warm=$(least warm)
rss_end=$(least soak)
samples=$(awk '$1 == "soak" && ++n % 5 == 0 { printf "%s%s", sep, $2; sep = " " }' "$tmp/rss")
# the least of each 30 s of the soak: the trend without the peaks
trend=$(awk '$1 == "soak" { w = int(n / 30); n++; if (!(w in m) || $2 < m[w]) m[w] = $2 }
	END { for (i = 0; i in m; i++) printf "%s%s", (i ? " " : ""), m[i] }' "$tmp/rss")
echo "warm-up: $wreq requests and $wsign sign-ins in ${WARMUP}s, $werr errors; RSS $rss0 kB at the start"
growth=$(echo "$rss_end $rss_warm" | awk '{printf "%+.1f", ($1 - $2) * 100 / $2}')
verdict=$(echo "$serr $rss_end $rss_warm" |
	awk '{print ($1 == 0 && $2 <= $3 * 1.10) ? "goals met" : "goals NOT met"}')
echo "soak: $sreq requests in ${DURATION}s ($srate/s, p99 $sp99 ms) and $ssign sign-ins, $serr errors"
echo "RSS (least of the last 3 s) after warm-up $rss_warm kB, at the end $rss_end kB ($growth%); every 5 s: $samples"
echo "RSS, the least of each 30 s of the soak: $trend"
echo "$verdict"
cp "$tmp/wrk.out" "$dir/soak-wrk.out"

if [ "$RECORD" = 1 ]; then
	{
		echo
		echo "Run of $(date -u +%Y-%m-%d) (\`$cmd\`, $(nproc) CPUs, wrk -t2 -c64 --latency, the Wales demo store):"
		echo "62 connections of child record reads and lists, police grading writes and dashboards, 2 of sign-ins:"
		echo "warm-up ${WARMUP} s, $wreq requests and $wsign sign-ins, $werr errors; soak ${DURATION} s, **$sreq requests**"
		echo "($srate/s, p99 $sp99 ms) and **$ssign sign-ins**, **$serr errors**; RSS (the least of a phase's last 3 s)"
		echo "after the warm-up $rss_warm kB, at the end of the soak **$rss_end kB ($growth%)**; sampled every 5 s during"
		echo "the soak: $samples kB; the least of each 30 s: $trend kB ($verdict: zero errors, RSS within 10%)."
	} >>docs/benchmarks.md
	echo "appended to docs/benchmarks.md"
fi
[ "$verdict" = "goals met" ]
