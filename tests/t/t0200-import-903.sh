#!/bin/sh
# t0200: SSDA903 import: a valid return, every kind of invalid file, the
# all-or-nothing rule, --check, and replacing a year.
. tests/t/lib.sh

db=$WORK/903.db
fresh_db "$db"
V=$DATA/903/valid
counts() {
	sql "$db" "SELECT (SELECT count(*) FROM return903) || '/' || (SELECT count(*) FROM child) || '/' || (SELECT count(*) FROM episode) || '/' || (SELECT count(*) FROM missing) || '/' || (SELECT count(*) FROM oc2)"
}

check "--check on a valid return" "$CARTREF" --db "$db" import 903 --check --la W06000015 $V/*.csv
check_eq "--check writes nothing" "0/0/0/0/0" "$(counts)"
check "valid return imports" "$CARTREF" --db "$db" import 903 --la W06000015 $V/*.csv
check_eq "rows stored" "1/4/6/4/2" "$(counts)"
check_eq "year inferred from the dates" 2019 "$(sql "$db" "SELECT year FROM return903")"
check "re-import of the same year" "$CARTREF" --db "$db" import 903 --la W06000015 --year 2019 $V/*.csv
check_eq "re-import replaces, not adds" "1/4/6/4/2" "$(counts)"
check "stats prints the year" sh -c "$CARTREF --db $db stats | grep -Eq '^2019 +1 +4 +3 +6 +3 +1 +2$'"

# The issue's example: a bad date, an unknown PLACE, overlapping episodes.
before=$(counts)
"$CARTREF" --db "$db" import 903 --la W06000015 $DATA/903/three-errors/*.csv >"$WORK/three.out" 2>"$WORK/three.err"
check_eq "three problems exit non-zero" 1 $?
check_eq "exactly three problem lines" 3 "$(grep -c ': [a-z-]*: ' "$WORK/three.err")"
check_grep "bad date with line and column" "three-errors/episodes.csv:2:2: date: DECOM \"31/02/2018\"" "$WORK/three.err"
check_grep "unknown PLACE" "three-errors/episodes.csv:3:6: code: PLACE \"XX\"" "$WORK/three.err"
check_grep "overlapping episodes" "three-errors/episodes.csv:5:2: episode-overlap:" "$WORK/three.err"
check_grep "says nothing was written" "nothing was written" "$WORK/three.err"
check_eq "store unchanged after a bad file" "$before" "$(counts)"

# Each kind of invalid input: directory name -> expected rule in the output.
for dir in $DATA/903/bad-*; do
	[ -d "$dir" ] || continue
	rule=$(cat "$dir/EXPECT")
	"$CARTREF" --db "$db" import 903 --la W06000015 --year 2019 "$dir"/*.csv >/dev/null 2>"$WORK/bad.err"
	rc=$?
	if [ $rc -eq 1 ] && grep -q -- "$rule" "$WORK/bad.err"; then
		ok "$(basename "$dir") reports $rule"
	else
		not_ok "$(basename "$dir") reports $rule" "exit $rc: $(cat "$WORK/bad.err")"
	fi
	check_eq "$(basename "$dir") leaves the store unchanged" "$before" "$(counts)"
done

# cross-row problems name the column where it is in that file
mkdir -p "$WORK/shuffled"
cp $DATA/903/messy/*.csv "$WORK/shuffled/"
sed -i 's|^W1234567,C001,15/08/2018|W1234567,C001,01/08/2018|' "$WORK/shuffled/episodes.csv"
"$CARTREF" --db "$db" import 903 --la W06000015 "$WORK"/shuffled/*.csv 2>"$WORK/shuffled.err"
check_grep "DECOM is column 3 in a file that puts URN first" "shuffled/episodes.csv:4:3: episode-overlap:" "$WORK/shuffled.err"

check_status "unknown council" 1 "$CARTREF" --db "$db" import 903 --la W06000099 $V/*.csv
check_status "a district is not a council" 1 "$CARTREF" --db "$db" import 903 --la E07000008 $V/*.csv
check_status "missing file" 1 "$CARTREF" --db "$db" import 903 --la W06000015 "$WORK/nope.csv"
check_eq "store still unchanged" "$before" "$(counts)"
# REASON_PLACE_CHANGE: on the ending episode (the DfE's way), or moved
# there from the starting one with --rpc-on-start
B=$DATA/review/boundaries
mkdir -p "$WORK/rpc"
cp $B/2019/*.csv "$WORK/rpc/"
awk -F, -v OFS=, 'NR > 1 { r = $10; $10 = ($1 == child) ? prev : ""; prev = r; child = $1 } { print }' \
	$B/2019/episodes.csv >"$WORK/rpc/episodes.csv"
# C07's move was in 2017: its reason, on its only episode here, has nowhere to go
sed -i 's|^\(C07,01/06/2017,P,C2,N1,U6,PR1,,,\),|\1CARPL,|' "$WORK/rpc/episodes.csv"
reasons() {
	sql "$1" "SELECT c.child_ref || ':' || coalesce(e.reason_place_change, '') FROM episode e JOIN child c ON c.id = e.child_id ORDER BY c.child_ref, e.decom" | tr '\n' ' '
}
fresh_db "$WORK/dfe.db"
"$CARTREF" --db "$WORK/dfe.db" import homes $B/homes.csv >/dev/null
"$CARTREF" --db "$WORK/dfe.db" import 903 --la W06000015 $B/2019/*.csv >"$WORK/dfe.out"
check_grep "the summary says which convention it read" "REASON_PLACE_CHANGE read on the ending episode (DfE)" "$WORK/dfe.out"
fresh_db "$WORK/start.db"
"$CARTREF" --db "$WORK/start.db" import homes $B/homes.csv >/dev/null
"$CARTREF" --db "$WORK/start.db" import 903 --rpc-on-start --la W06000015 "$WORK"/rpc/*.csv >"$WORK/start.out"
check_grep "--rpc-on-start says it moved them" "REASON_PLACE_CHANGE moved from the starting episode (--rpc-on-start): 5 moved, 1 dropped" "$WORK/start.out"
check_eq "and stores them where the DfE puts them" "$(reasons "$WORK/dfe.db")" "$(reasons "$WORK/start.db")"
check_status "--rpc-on-start is not for homes" 2 "$CARTREF" --db "$db" import homes --rpc-on-start $B/homes.csv

done_testing
