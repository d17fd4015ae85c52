#!/bin/sh
# bench/alerts.sh: the alerts replay on England-scale synthetic data (about
# 85,000 children looked after a year, three years of returns, with the
# live missing episodes and strategy meetings `cartref demo-data` writes).
# The data is as of AS_OF (default 2026-07-14, fixed so that runs compare).
# Builds the store once (demo-data + import), then:
#   1. the first run at NOW (default 09:00 UTC on AS_OF): every alert raised,
#      or recorded as historical when older than its rule's horizon;
#   2. RUNS re-evaluations at NOW (default 5): every rule over the whole
#      store, nothing to change (the replay the issue asks to be < 2 s);
#   3. one run a week later: alerts cleared and escalated.
# Each line is `cartref alerts run`'s own report and the process's wall
# time; the median of step 2 is printed last.  Run from the repository
# root after `make`.
set -eu
RUNS=${RUNS:-5}
AS_OF=${AS_OF:-2026-07-14}
NOW=${NOW:-${AS_OF}T09:00Z}
LATER=${LATER:-$(date -u -d "$AS_OF + 7 days" +%Y-%m-%d)T09:00Z}
dir=${BENCH_DIR:-build/bench}
bin=${CARTREF:-./cartref}
. bench/lib.sh
england_data
if [ ! -f "$dir/alerts-base-$AS_OF.db" ]; then
	"$bin" --db "$dir/alerts-base-$AS_OF.db" import dir "$data" | tail -2
fi
db=$dir/alerts.db
store_copy "$dir/alerts-base-$AS_OF.db" "$db"

run() {
	start=$(date +%s.%N)
	if ! "$bin" --db "$db" alerts run --now "$1" >"$dir/alerts-run.out"; then
		echo "bench/alerts.sh: cartref alerts run failed" >&2
		exit 1
	fi
	out=$(tr '\n' ' ' <"$dir/alerts-run.out")
	end=$(date +%s.%N)
	wall=$(echo "$start $end" | awk '{printf "%.3f", $2 - $1}')
	echo "$2: $out; process wall $wall s"
}

run "$NOW" "first run"
totals=""
i=0
while [ "$i" -lt "$RUNS" ]; do
	line=$(run "$NOW" "re-run $((i + 1))")
	echo "$line"
	w=${line##*wall }
	totals="$totals ${w% s}"
	i=$((i + 1))
done
run "$LATER" "a week later"
echo "$totals" | tr ' ' '\n' | sed '/^$/d' | sort -n |
	awk '{a[NR]=$1} END {printf "median re-run wall time %.3f s over %d runs\n", a[int((NR+1)/2)], NR}'
