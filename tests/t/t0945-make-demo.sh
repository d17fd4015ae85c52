#!/bin/sh
# t0945-make-demo: what `make demo` does after building (scripts/demo):
# the demo data as of today in its own store, which it rebuilds when it
# made it and never deletes when it did not; the review for the latest
# year; and a walk-through child picked from the data.
. "$(dirname "$0")/lib.sh"

# `make demo` keeps its store in a file of its own (the embedded driver):
# what this checks (the file made private, rebuilt, never deleted when
# make demo did not make it) has no PostgreSQL form
if on_pg; then
	skip "make demo's own store file" "make demo's store is an embedded SQLite file"
	done_testing
	exit 0
fi

dir=$WORK/demo
db=$dir/cartref-demo.db
mark=$db.made-by-make-demo
demo() { CARTREF="$CARTREF" DEMO_DIR="$1" sh scripts/demo; }
umask 022

demo "$dir" >"$WORK/run1.out" 2>&1
check_eq "make demo's steps run" 0 $?
check "it made its store" test -f "$db"
# issue 10, item 2: private whatever the umask (docs/security.md)
check_eq "the demo store, its data and reports are private" \
	"600 700 600 600" "$(stat -c %a "$db" "$dir/data" "$dir/data/homes.csv" "$dir/review.html" | tr '\n' ' ' | sed 's/ $//')"
check "and its marker" test -f "$mark"
today=$(TZ=Europe/London date +%Y-%m-%d)
check_grep "the data is as of today" "as of $today:" "$WORK/run1.out"
check "the review of the latest year, in English" test -s "$dir/review.html"
check "and in Welsh" test -s "$dir/adolygiad.html"
check_grep "the demo users" "home-manager@demo.cartref.wales" "$WORK/run1.out"
check_grep "a walk-through child picked from the data" \
	"open$" "$WORK/run1.out"
kid=$(sed -n 's|^    /children/\(W06000015/C[0-9]*\) (a Cardiff child aged \([0-9]*\),.*|\1 \2|p' "$WORK/run1.out")
check "a Cardiff child under 18" sh -c "test -n \"$kid\" && test ${kid#* } -lt 18"
check_eq "the one demo-child prints" "${kid% *}" \
	"$("$CARTREF" --db "$db" demo-child | cut -f1)"
check_grep "named with its home" "(a Cardiff child aged [0-9]*, placed today at [^,]*,$" "$WORK/run1.out"
check_grep "and its home's council, in the police force's area" "^    [A-Z][a-zA-Z ]*, in South Wales Police's area) and report it missing" "$WORK/run1.out"
check_eq "no year is hard-coded in what it prints" "" "$(grep -E -- '--year|2019' "$WORK/run1.out")"

# run again: it made the store, so it rebuilds it
sqlite3 "$db" "CREATE TABLE left_by_test (x)"
demo "$dir" >"$WORK/run2.out" 2>&1
check_eq "a second run succeeds" 0 $?
check_eq "and rebuilt the store" 0 \
	"$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE name = 'left_by_test'")"

# a store it did not make: refused, nothing deleted
rm -f "$mark"
sqlite3 "$db" "CREATE TABLE someone_elses (x)"
cp "$db" "$WORK/before.db"
demo "$dir" >"$WORK/run3.out" 2>&1
check_eq "without the marker it stops" 1 $?
check_grep "and says why" "exists but make demo did not make it.*not deleting it" "$WORK/run3.out"
check "the store is untouched" cmp "$db" "$WORK/before.db"
check "the data is untouched" test -f "$dir/data/homes.csv"

other=$WORK/other
mkdir -p "$other"
echo "not a demo store" >"$other/cartref-demo.db-wal"
demo "$other" >"$WORK/run4.out" 2>&1
check_eq "a stray file of the store's name stops it too" 1 $?
check_eq "and is kept" "not a demo store" "$(cat "$other/cartref-demo.db-wal")"
check "nothing else is made there" test ! -e "$other/data"
done_testing
