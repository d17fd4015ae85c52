#!/bin/sh
# bench/validate.sh: the DfE's SSDA903 rules, cartref against the peer
# validator (Data to Insight's csc-validator-be-903, MIT, Python/pandas)
# on identical input (issue 12, docs/validation.md).
#
# The input: the England-scale synthetic returns as of AS_OF (default
# today) of the latest complete year, councils merged into one return of
# at least ROWS rows (default 150,000; bench/merge-returns.py), with the
# year before beside it.  RUNS rounds (default 3), each timing (elapsed,
# and peak memory from /usr/bin/time):
#
#   cartref  `cartref import 903 --check` of that return (reading the CSV
#            files, the import's own checks, every DfE rule in force,
#            with last year's return in the store), --format json
#   peer     bench/peer-validate.py: the peer's front end's path (read
#            the CSV files, every rule of the year's rule set)
#
# and prints each run, the medians, the ratios, and each side's rule
# count.  The ratio is of CPU time (user + system; both are single
# threaded), as bench/import-ref.sh's, so that a run of the one right
# after a minute of the other's full load does not count the machine's
# state; the elapsed times are printed beside it.  Needs PEER=/path/to/csc-validator-be-903 (a checkout) and a
# Python with pandas (PYTHON, default /usr/bin/python3).  Run from the
# repository root after `make`.
set -eu
RUNS=${RUNS:-3}
ROWS=${ROWS:-150000}
AS_OF=${AS_OF:-$(date +%Y-%m-%d)}
PYTHON=${PYTHON:-/usr/bin/python3}
dir=${BENCH_DIR:-build/bench}
bin=${CARTREF:-build/rel/cartref}
: "${PEER:?set PEER to a checkout of csc-validator-be-903}"
. bench/lib.sh
england_data

# the latest year with returns: the directory names under any council
year=$(ls "$data/903/$(ls "$data/903" | head -1)" | sort -n | tail -1)
la=E06000001
in=$dir/validate-$AS_OF-$ROWS
if [ ! -f "$in/done" ]; then
	rm -rf "$in"
	"$PYTHON" bench/merge-returns.py "$data/903" "$year" "$ROWS" "$in"
	touch "$in/done"
fi
rows=$(cat "$in"/this/*.csv | wc -l)
rows=$((rows - $(ls "$in"/this/*.csv | wc -l)))
db=$dir/validate.db
store_rm "$db"
"$bin" --db "$db" import 903 --la "$la" --year $((year - 1)) \
	"$in"/last/*.csv >/dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
: >"$dir/v-cartref.t"
: >"$dir/v-peer.t"
i=1
while [ "$i" -le "$RUNS" ]; do
	sleep 10	# the machine settles after the peer's minute
	/usr/bin/time -f "%e %U %S %M" -o "$dir/t" "$bin" --db "$db" import 903 \
		--la "$la" --year "$year" --check --format json \
		"$in"/this/*.csv >"$dir/v-cartref.json" || true
	cat "$dir/t" >>"$dir/v-cartref.t"
	echo "run $i: cartref $(cat "$dir/t") (elapsed, user, system s; KB)"
	sleep 2
	/usr/bin/time -f "%e %U %S %M" -o "$dir/t" "$PYTHON" bench/peer-validate.py \
		"$PEER" "$in/this" "$in/last" "$year" "$la" >"$dir/v-peer.out"
	cat "$dir/t" >>"$dir/v-peer.t"
	echo "run $i: peer    $(cat "$dir/t") (elapsed, user, system s; KB)"
	i=$((i + 1))
done
cpu() { awk '{ print $2 + $3 }' "$1" | median; }
ce=$(cut -d' ' -f1 "$dir/v-cartref.t" | median)
cs=$(cpu "$dir/v-cartref.t")
cm=$(cut -d' ' -f4 "$dir/v-cartref.t" | median)
pe=$(cut -d' ' -f1 "$dir/v-peer.t" | median)
ps=$(cpu "$dir/v-peer.t")
pm=$(cut -d' ' -f4 "$dir/v-peer.t" | median)
crules=$("$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["rules_run"], "rules in force;", d["rule_rows"], "(rule, row) pairs flagged")' "$dir/v-cartref.json")
echo "input: $rows rows this year (year $year), as of $AS_OF"
echo "cartref: median CPU $cs s (elapsed $ce s), peak $cm KB; $crules"
echo "$(cat "$dir/v-peer.out")"
echo "peer:    median CPU $ps s (elapsed $pe s), peak $pm KB"
awk -v c="$cs" -v p="$ps" -v ce="$ce" -v pe="$pe" -v cm="$cm" -v pm="$pm" 'BEGIN {
	printf "cartref is %.0fx faster in CPU time (%.0fx elapsed) and uses %.1f%% of the peer'"'"'s memory\n",
	       p / c, pe / ce, 100 * cm / pm }'
