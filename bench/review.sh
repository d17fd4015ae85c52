#!/bin/sh
# bench/review.sh: the review on England-scale synthetic data (about
# 85,000 children looked after a year, three years of returns, as of AS_OF,
# default 2026-07-14, fixed so that runs compare).  Builds the store once
# (demo-data + import, a few seconds), then runs `cartref review --format
# json --timing` (the latest year) RUNS times (default 5)
# and prints each run's parts and the median total.  Run from the
# repository root after `make`.
set -eu
RUNS=${RUNS:-5}
AS_OF=${AS_OF:-2026-07-14}
dir=${BENCH_DIR:-build/bench}
bin=${CARTREF:-./cartref}
db=$dir/review-$AS_OF.db
. bench/lib.sh
england_data
if [ ! -f "$db" ]; then
	"$bin" --db "$db" import dir "$data" | tail -1
fi
totals=""
i=0
while [ "$i" -lt "$RUNS" ]; do
	start=$(date +%s.%N)
	line=$("$bin" --db "$db" review --format json \
		-o /dev/null --timing 2>&1 | grep '^load')
	end=$(date +%s.%N)
	wall=$(echo "$start $end" | awk '{printf "%.3f", $2 - $1}')
	echo "run $((i + 1)): $line; process wall $wall s"
	totals="$totals $wall"
	i=$((i + 1))
done
echo "$totals" | tr ' ' '\n' | sed '/^$/d' | sort -n |
	awk '{a[NR]=$1} END {printf "median wall time %.3f s over %d runs\n", a[int((NR+1)/2)], NR}'
