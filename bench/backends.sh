#!/bin/sh
# bench/backends.sh: the store on SQLite and on PostgreSQL, side by side
# (issue 11, docs/store.md).  On the England-scale synthetic set (as of
# AS_OF, default 2026-07-14, fixed so that runs compare), RUNS rounds
# (default 3), each round in turn:
#
#   import   `cartref import dir` into a new store: rows/s (goal on
#            PostgreSQL, through COPY: >= 100,000)
#   history  `cartref review --timing`'s history load from that store
#            (goal: under 2 s on PostgreSQL)
#
# for each of: REF (a reference cartref, e.g. the build before the
# change, on SQLite, when REF=path is given), SQLite, and PostgreSQL on a
# cluster of this machine that the script starts (scripts/pg-test, with
# fsync on: the numbers are a real server's) and stops.  Prints each run
# and the medians.  Run from the repository root after `make`.
set -eu
RUNS=${RUNS:-3}
AS_OF=${AS_OF:-2026-07-14}
dir=${BENCH_DIR:-build/bench}
bin=${CARTREF:-build/rel/cartref}
REF=${REF:-}
. bench/lib.sh
england_data

pg=$(PG_DURABLE=1 sh scripts/pg-test start)
trap 'sh scripts/pg-test stop "$pg"' EXIT INT TERM
base=$(cat "$pg/base")
psql_() {
	psql -X -q -v ON_ERROR_STOP=1 -d "$base dbname=cartref" "$@"
}

# import NAME BIN LOCATION: one import; prints rows/s
import_one() {
	"$2" --db "$3" import dir "$data" | tail -1 |
		sed -n 's/.*(\([0-9]*\) rows\/s).*/\1/p'
}

# history BIN LOCATION: the review's history load, in s
history_one() {
	"$1" --db "$2" review --format json -o /dev/null --timing 2>&1 |
		sed -n 's/^load \([0-9.]*\) s.*/\1/p'
}

median() {
	tr ' ' '\n' | sed '/^$/d' | sort -n |
		awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}

names="sqlite pg"
[ -z "$REF" ] || names="ref $names"
for n in $names; do
	eval "imp_$n=''; his_$n=''"
done
i=1
while [ "$i" -le "$RUNS" ]; do
	for n in $names; do
		case $n in
		ref)
			b=$REF
			loc=$dir/bench-ref.db
			store_rm "$loc"
			;;
		sqlite)
			b=$bin
			loc=$dir/bench-sqlite.db
			store_rm "$loc"
			;;
		pg)
			b=$bin
			psql_ -c "DROP DATABASE IF EXISTS bench WITH (FORCE)" \
				-c "CREATE DATABASE bench" >/dev/null
			loc="$base dbname=bench"
			;;
		esac
		r=$(import_one "$n" "$b" "$loc")
		h=$(history_one "$b" "$loc")
		printf 'run %d: %-7s import %8s rows/s, history load %6s s\n' \
			"$i" "$n" "$r" "$h"
		eval "imp_$n=\"\$imp_$n $r\"; his_$n=\"\$his_$n $h\""
	done
	i=$((i + 1))
done
for n in $names; do
	eval "mi=\$(echo \$imp_$n | median); mh=\$(echo \$his_$n | median)"
	printf 'median %-7s import %8s rows/s, history load %6s s (%d runs)\n' \
		"$n" "$mi" "$mh" "$RUNS"
done
