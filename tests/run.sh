#!/bin/sh
# tests/run.sh [unit|e2e]: run cmocka unit programs and end-to-end shell
# tests, then print one summary line "N passed, N failed, N skipped": a
# check that did not run ("ok N # skip why" in TAP, "[  SKIPPED ]" from
# cmocka) is counted as skipped, never as passed.
#
# Environment: CARTREF (the binary under test), UNIT_DIR (built unit test
# programs), CARTREF_HAVE_PG (1: built with the PostgreSQL driver),
# CARTREF_PG_URL (a PostgreSQL database the contract test may use; else
# one is started).  Run from the repository root (make test does).
set -u

what=${1:-all}
root=$(pwd)
out=${TEST_OUT:-$root/build/test-out}
rm -rf "$out"
mkdir -p "$out"
CARTREF_DATA=${CARTREF_DATA:-$root/data}
export CARTREF CARTREF_DATA TEST_OUT="$out"

# CARTREF_TEST_BACKEND=pg (with CARTREF_PG, the test cluster's connection
# string from scripts/pg-test): the same tests with every store a
# PostgreSQL database (tests/pg-wrap).
if [ "${CARTREF_TEST_BACKEND:-sqlite}" = pg ]; then
	: "${CARTREF_PG:?CARTREF_TEST_BACKEND=pg needs CARTREF_PG (scripts/pg-test)}"
	CARTREF_REAL=$CARTREF
	CARTREF=$root/tests/pg-wrap
	export CARTREF_REAL CARTREF CARTREF_TEST_BACKEND CARTREF_PG
fi

passed=0
failed=0
skipped=0
failures=""

# PostgreSQL for u-store-contract (docs/store.md, "PostgreSQL"): a
# throwaway cluster on a Unix socket (scripts/pg-test), stopped and
# removed however this script ends, unless the environment names a
# database already.  Without one (no server installed, or a cartref built
# without libpq: CARTREF_HAVE_PG from the Makefile) its PostgreSQL tests
# are counted as skipped.
pg_dir=""
if [ -z "${CARTREF_PG_URL:-}" ] && [ "${CARTREF_HAVE_PG:-}" = 1 ] &&
   [ "$what" != e2e ]; then
	if pg_dir=$(sh scripts/pg-test start 2>"$out/pg-test.log"); then
		trap 'sh scripts/pg-test stop "$pg_dir"' EXIT
		trap 'exit 130' INT TERM
		CARTREF_PG_URL=$(cat "$pg_dir/url")
		export CARTREF_PG_URL
	else
		pg_dir=""
		echo "note: no PostgreSQL for the store contract test" \
		     "(see $out/pg-test.log): its PostgreSQL tests are skipped"
	fi
fi

if [ "$what" = all ] || [ "$what" = unit ]; then
	for t in "$UNIT_DIR"/u-*; do
		[ -x "$t" ] || continue
		name=$(basename "$t")
		"$t" >"$out/$name.log" 2>&1
		rc=$?
		p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out/$name.log" | awk '{s+=$1} END {print s+0}')
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out/$name.log" | awk '{s+=$1} END {print s+0}')
		s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$out/$name.log" | awk '{s+=$1} END {print s+0}')
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			f=1	# crashed or sanitizer report
		fi
		passed=$((passed + p))
		failed=$((failed + f))
		skipped=$((skipped + s))
		if [ "$f" -ne 0 ]; then
			failures="$failures $name"
			echo "FAIL $name (see $out/$name.log)"
			tail -n 30 "$out/$name.log"
		else
			echo "ok   $name: $p tests$([ "$s" -eq 0 ] || printf ", %s skipped" "$s")"
		fi
	done
fi

if [ "$what" = all ] || [ "$what" = e2e ]; then
	for t in tests/t/t[0-9]*.sh; do
		name=$(basename "$t" .sh)
		work="$out/$name"
		mkdir -p "$work"
		WORK="$work" sh "$t" >"$out/$name.log" 2>&1
		rc=$?
		s=$(grep -c '^ok [0-9]* *# *[Ss][Kk][Ii][Pp]' "$out/$name.log")
		p=$(($(grep -c '^ok ' "$out/$name.log") - s))
		f=$(grep -c '^not ok ' "$out/$name.log")
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			f=1
		fi
		passed=$((passed + p))
		failed=$((failed + f))
		skipped=$((skipped + s))
		if [ "$f" -ne 0 ]; then
			failures="$failures $name"
			echo "FAIL $name (see $out/$name.log)"
			grep -A12 '^not ok ' "$out/$name.log" | head -60
		else
			echo "ok   $name: $p checks$([ "$s" -eq 0 ] || printf ", %s skipped" "$s")"
		fi
	done
fi

[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
