#!/bin/sh
# bench/import-ref.sh: `import dir` of the england-scale synthetic data
# (as bench/import.sh) by two binaries in the same run, alternately, so
# that a change's cost is a ratio against a reference measured under the
# same load: CARTREF (default ./cartref) and REF (required: a build of
# the commit to compare with).  RUNS rounds (default 3); prints each
# run's user CPU seconds, both medians and the ratio CARTREF / REF.  Run from the
# repository root after `make`.
set -eu
RUNS=${RUNS:-3}
AS_OF=${AS_OF:-2026-07-14}
dir=${BENCH_DIR:-build/bench}
bin=${CARTREF:-./cartref}
ref=${REF:?REF=path of the reference cartref binary}
. bench/lib.sh
england_data
# the store both can open: the reference's schema (the newer binary
# migrates its copy within its run: a few empty tables, counted in)
store_rm "$dir/base.db"
"$ref" --db "$dir/base.db" migrate >/dev/null
# binary -> user CPU seconds of one import into a fresh copy of base.db
# (CPU, not wall-clock time: the machine is shared, and the wall clock
# moves with everyone else's load)
one() {
	store_copy "$dir/base.db" "$dir/run.db"
	/usr/bin/time -f %U -o "$dir/time.out" \
		"$1" --db "$dir/run.db" import dir "$data" >/dev/null
	cat "$dir/time.out"
}
median() {
	tr ' ' '\n' | sed '/^$/d' | sort -n |
		awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
t=""
r=""
i=0
while [ "$i" -lt "$RUNS" ]; do
	a=$(one "$ref")
	b=$(one "$bin")
	echo "run $((i + 1)): reference ${a}s, this ${b}s"
	r="$r $a"
	t="$t $b"
	i=$((i + 1))
done
mr=$(echo "$r" | median)
mt=$(echo "$t" | median)
echo "median: reference ${mr}s, this ${mt}s, ratio $(echo "scale=3; $mt / $mr" | bc)"
