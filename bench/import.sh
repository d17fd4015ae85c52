#!/bin/sh
# bench/import.sh: SSDA903 import speed on the england-scale synthetic data
# (about 150 councils x 3 years, as of AS_OF, default 2026-07-14, fixed so
# that runs compare).  Generates the data once, then imports it
# into a fresh store RUNS times (default 3) and prints each run's rows/s
# and the median.  Run from the repository root after `make`.
set -eu
RUNS=${RUNS:-3}
AS_OF=${AS_OF:-2026-07-14}
dir=${BENCH_DIR:-build/bench}
bin=${CARTREF:-./cartref}
. bench/lib.sh
england_data
"$bin" --db "$dir/base.db" migrate >/dev/null
rates=""
i=0
while [ "$i" -lt "$RUNS" ]; do
	store_copy "$dir/base.db" "$dir/run.db"
	line=$("$bin" --db "$dir/run.db" import dir "$data" | tail -1)
	echo "run $((i + 1)): $line"
	rate=$(echo "$line" | sed -n 's/.*(\([0-9]*\) rows\/s).*/\1/p')
	rates="$rates $rate"
	i=$((i + 1))
done
echo "$rates" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {printf "median %d rows/s over %d runs\n", a[int((NR+1)/2)], NR}'
