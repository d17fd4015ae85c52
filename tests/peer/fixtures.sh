#!/bin/sh
# tests/peer/fixtures.sh: cartref's DfE rules against the peer validator
# (csc-validator-be-903) on the peer's own fixtures, its CSV files and its
# XML file (tests/peer/README-fixtures.md).  Not in CI: it needs the peer's
# source and pandas.
#
#   PEER=/path/to/csc-validator-be-903 PYTHON=/usr/bin/python3 \
#     tests/peer/fixtures.sh
#
# Prints per rule whether both sides flag the same rows; exit 0 when every
# difference is listed in tests/peer/fixtures-known.tsv, else 1.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
PEER=${PEER:-/tmp/peer}
PYTHON=${PYTHON:-python3}
CARTREF=${CARTREF:-$top/build/rel/cartref}
YEAR=${YEAR:-2018}		# the fixtures' dates run to March 2018
LA=${LA:-E09000027}
fake=$PEER/tests/fake_data
CARTREF_DATA="${CARTREF_DATA:-$top/data}"
export CARTREF_DATA

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$CARTREF" --db "$tmp/c.db" migrate >/dev/null
# The registry starts at 2023; earlier returns are checked by its first year.
ry=$YEAR
[ "$ry" -ge 2023 ] || ry=2023
"$CARTREF" rules --year "$ry" --format json >"$tmp/rules.json"

csv=
for n in header episodes missing oc2 oc3 ad1 placed_for_adoption \
	previous_permanence reviews sw_episodes uasc DoLo; do
	csv="$csv $fake/$n.csv"
done
# The XML fixture is one line; indented, each row has a line of its own,
# which is how cartref's report names it.  The peer reads the same copy.
"$PYTHON" -c 'import sys, xml.etree.ElementTree as ET
t = ET.parse(sys.argv[1]); ET.indent(t)
t.write(sys.argv[2], encoding="us-ascii", xml_declaration=True)' \
	"$fake/fake_903.xml" "$tmp/fake_903.xml"

rc=0
for kind in csv xml; do
	if [ $kind = csv ]; then files=$csv; else files=$tmp/fake_903.xml; fi
	# shellcheck disable=SC2086 # the file list is split on purpose
	"$CARTREF" --db "$tmp/c.db" import 903 --la "$LA" --year "$YEAR" \
		--check --report "$tmp/c-$kind.json" $files >/dev/null 2>&1 || :
	# shellcheck disable=SC2086
	"$PYTHON" "$here/fixtures.py" peer "$PEER" "$here/stubs" "$YEAR" \
		"$LA" "$tmp/p-$kind.tsv" $files
	"$PYTHON" "$here/fixtures.py" compare "$kind" "$tmp/rules.json" \
		"$tmp/c-$kind.json" "$tmp/p-$kind.tsv" \
		"$here/fixtures-known.tsv" $kind || rc=1
	if [ -n "${KEEP:-}" ]; then
		cp "$tmp/c-$kind.json" "$tmp/p-$kind.tsv" "$KEEP/"
	fi
done
exit $rc
