#!/bin/sh
# tests/peer/run.sh: run the DfE 903 peer validator (Data to Insight's
# csc-validator-be-903, MIT) beside cartref on the synthetic Wales returns
# and print the peer's flags by rule (see README.md here).  Not in CI.
#
# Environment:
#   PEER     a checkout of csc-validator-be-903 (default: git clone it
#            from GitHub into $OUT/peer)
#   CARTREF  the binary (default build/rel/cartref: run `make -s` first)
#   OUT      where to write (default build/peer)
#   AS_OF    the demo's reference date (default today)
#   SEED     the demo's seed (default 1)
#   COUNCILS GSS codes to check, space-separated (default all 22)
#   PYTHON   a Python 3 with pandas (default: python3, else /usr/bin/python3;
#            Debian: apt-get install python3-pandas)
# Exit status: 0 when every flag is of a rule listed in known.tsv, 1 when
# any other rule flags something, 2 when something could not run.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
CARTREF=${CARTREF:-$root/build/rel/cartref}
OUT=${OUT:-$root/build/peer}
SEED=${SEED:-1}
AS_OF=${AS_OF:-}
COUNCILS=${COUNCILS:-}

fail() { echo "peer: $*" >&2; exit 2; }

[ -x "$CARTREF" ] || fail "no $CARTREF: run make -s, or set CARTREF"
if [ -z "${PYTHON:-}" ]; then
	for p in python3 /usr/bin/python3; do
		if "$p" -c 'import pandas' 2>/dev/null; then PYTHON=$p; break; fi
	done
fi
[ -n "${PYTHON:-}" ] || fail "no Python 3 with pandas (apt-get install python3-pandas)"
mkdir -p "$OUT"
if [ -z "${PEER:-}" ]; then
	PEER=$OUT/peer
	[ -d "$PEER/lac_validator" ] ||
		git clone -q --depth 1 https://github.com/data-to-insight/csc-validator-be-903 "$PEER" ||
		fail "cannot clone the peer: set PEER=/path/to/csc-validator-be-903"
fi
[ -d "$PEER/lac_validator/rules" ] || fail "$PEER is not csc-validator-be-903"

demo=$OUT/demo
rm -rf "$demo" "$OUT/returns"
"$CARTREF" demo-data --seed "$SEED" --scale wales ${AS_OF:+--as-of "$AS_OF"} "$demo"

# cartref's own checks on the same files, in a throwaway store
rm -f "$OUT/check.db"
if "$CARTREF" --db "$OUT/check.db" import dir --check "$demo" >"$OUT/cartref.out" 2>&1; then
	echo "cartref: $(tail -1 "$OUT/cartref.out")"
else
	echo "cartref: problems, see $OUT/cartref.out"
fi

# the councils asked for, as the peer's driver reads them
mkdir -p "$OUT/returns/903"
for la in ${COUNCILS:-$(ls "$demo/903")}; do
	[ -d "$demo/903/$la" ] || fail "no council $la in the demo"
	cp -r "$demo/903/$la" "$OUT/returns/903/"
done

"$PYTHON" "$here/peer.py" "$PEER" "$OUT/returns" >"$OUT/flags.tsv" ||
	fail "the peer failed"

# by rule: the flags, the years they are in, and why when it is known
echo "peer: $(wc -l <"$OUT/flags.tsv") flags (rule, row) on $(ls -d "$OUT"/returns/903/*/* | wc -l) returns; by rule:"
awk -F'\t' -v known="$here/known.tsv" '
	BEGIN { while ((getline l < known) > 0) if (l !~ /^#/) { split(l, f, "\t"); why[f[1]] = f[2] } }
	{ n[$3]++; y[$3, $2]++; ys[$2] = 1 }
	END {
		for (r in n) {
			s = ""
			for (yr in ys) if ((r, yr) in y) s = s " " yr ":" y[r, yr]
			printf "%6d  %-6s %s  %s\n", n[r], r, (r in why) ? "known" : "DEFECT?", (r in why) ? why[r] : s
		}
	}' "$OUT/flags.tsv" | sort -k2,2r -k1,1nr
status=0
awk -F'\t' -v known="$here/known.tsv" '
	BEGIN { while ((getline l < known) > 0) if (l !~ /^#/) { split(l, f, "\t"); why[f[1]] = 1 } }
	!($3 in why) { bad = 1 } END { exit bad }' "$OUT/flags.tsv" || status=1
[ $status = 0 ] && echo "peer: every flag is of a rule in tests/peer/known.tsv" ||
	echo "peer: flags of rules not in tests/peer/known.tsv (DEFECT?): see $OUT/flags.tsv"
exit $status
