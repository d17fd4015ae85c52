#!/bin/sh
# t0001: the command line: help, per-command help, errors and exit codes.
. tests/t/lib.sh

check "cartref help lists commands" sh -c "$CARTREF help | grep -q 'import '"
for c in help version migrate import export stats distance review demo-data demo-child; do
	check "$c --help prints usage" sh -c "$CARTREF $c --help | grep -q '^usage: cartref'"
done
check_status "unknown command exits 2" 2 "$CARTREF" frobnicate
check_status "no command exits 2" 2 "$CARTREF"
check_status "unknown global option exits 2" 2 "$CARTREF" --frob stats
check_status "import of an unknown kind exits 2" 2 "$CARTREF" import bogus x
check_status "import 903 without --la exits 2" 2 "$CARTREF" import 903 x.csv
check_status "export 903 without --year exits 2" 2 "$CARTREF" export 903 --la W06000015 d
check_status "demo-data --as-of that is not a date exits 2" 2 "$CARTREF" demo-data --as-of 19/03/2026 "$WORK/d"
check_status "demo-data with two directories exits 2" 2 "$CARTREF" demo-data "$WORK/d" "$WORK/e"
check_status "demo-child with an argument exits 2" 2 "$CARTREF" demo-child x
check "version names the schema" sh -c "$CARTREF version | grep -q 'store schema'"
done_testing
