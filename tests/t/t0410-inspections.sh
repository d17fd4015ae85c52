#!/bin/sh
# t0410: the inspections register and reg 60 notifications as files
# (issue 13; docs/inspections.md): import, export, the export imported
# into a fresh store and exported again byte for byte, `import dir`, and
# bad files each refused at FILE:LINE:COLUMN: RULE with the store left
# as it was.  The fixture's dates are days before today (@D700@: 700
# days ago; @T30@: 10:00 UK time 30 days ago), filled in here.
. tests/t/lib.sh

Q=$DATA/quality
B=$DATA/review/boundaries
db=$WORK/q.db
cr() { "$CARTREF" --db "$db" "$@"; }

# fill FILE.in > FILE: each @DN@ and @TN@ token made a date or a time
fill() {
	cp "$1" "$2.tmp" || return 1
	for tok in $(grep -o '@[DT][0-9]*@' "$1" | sort -u); do
		days=${tok#@?}
		days=${days%@}
		day=$(date -u -d "today - $days days" +%Y-%m-%d)
		case $tok in
		@D*) sed -i "s/$tok/$day/g" "$2.tmp" ;;
		@T*) sed -i "s/$tok/${day}T10:00/g" "$2.tmp" ;;
		esac
	done
	mv "$2.tmp" "$2"
}
in=$WORK/in
mkdir -p "$in"
for f in inspections findings notifications; do
	fill "$Q/$f.csv.in" "$in/$f.csv"
done

# homes and Cardiff's returns (child C01) in a store
load_base() {
	fresh_db "$1" &&
	"$CARTREF" --db "$1" import homes $Q/homes.csv >/dev/null &&
	"$CARTREF" --db "$1" import 903 --la W06000015 $B/2019/*.csv >/dev/null 2>&1
}
load_base "$db"
check_eq "fixture loaded" 0 $?

check "import inspections --check" sh -c "$CARTREF --db $db import inspections --check $in/inspections.csv $in/findings.csv >$WORK/imp.out"
check_grep "checks the rows" "ok: 8 rows checked, no problems" "$WORK/imp.out"
check_eq "--check writes nothing" 0 "$(sql "$db" "SELECT count(*) FROM inspection")"
check "import inspections" sh -c "$CARTREF --db $db import inspections $in/inspections.csv $in/findings.csv >$WORK/imp.out"
check_grep "prints the counts" "imported inspections: 4 added, 0 replaced; 4 findings" "$WORK/imp.out"
check_eq "four inspections" 4 "$(sql "$db" "SELECT count(*) FROM inspection")"
check_eq "four findings" 4 "$(sql "$db" "SELECT count(*) FROM finding")"
check_eq "a blank END is the one day" 1 "$(sql "$db" "SELECT count(*) FROM inspection WHERE type = 'focused' AND end_on = start_on")"
check_eq "the focused inspection rates one theme" "|poor||" "$(sql "$db" "SELECT r_wellbeing || '|' || r_care_support || '|' || r_environment || '|' || r_leadership FROM inspection WHERE type = 'focused'")"
check_eq "the repeated notice is linked to the first" "reg 57" "$(sql "$db" "SELECT r.regulation FROM finding f JOIN finding r ON r.id = f.repeats_id")"
check "import notifications" sh -c "$CARTREF --db $db import notifications $in/notifications.csv >$WORK/imp.out"
check_grep "prints the counts" "imported notifications: 3 added, 0 already stored" "$WORK/imp.out"
check_eq "two about child C01" 2 "$(sql "$db" "SELECT count(*) FROM notification n JOIN child c ON c.id = n.child_id WHERE c.child_ref = 'C01'")"

check "import inspections again" sh -c "$CARTREF --db $db import inspections $in/inspections.csv $in/findings.csv >$WORK/imp.out"
check_grep "replaces them" "imported inspections: 0 added, 4 replaced; 4 findings" "$WORK/imp.out"
check_eq "still four inspections" 4 "$(sql "$db" "SELECT count(*) FROM inspection")"
check_eq "still four findings" 4 "$(sql "$db" "SELECT count(*) FROM finding")"
check "import notifications again" sh -c "$CARTREF --db $db import notifications $in/notifications.csv >$WORK/imp.out"
check_grep "adds nothing twice" "imported notifications: 0 added, 3 already stored" "$WORK/imp.out"
check_eq "still three notifications" 3 "$(sql "$db" "SELECT count(*) FROM notification")"

# export, import the export into a fresh store, export again: the same bytes
check "export inspections" cr export inspections "$WORK/out1"
check "export notifications" cr export notifications "$WORK/out1/notifications.csv"
on_pg && skip "exports are private files" "files only" ||
	check_eq "exports are private files" "600 600 600" "$(stat -c %a "$WORK/out1/inspections.csv" "$WORK/out1/findings.csv" "$WORK/out1/notifications.csv" | tr '\n' ' ' | sed 's/ $//')"
check_grep "a formula cell is defused" ",\"'=Tŷ da\"" "$WORK/out1/inspections.csv"
check_grep "an instant is written in UTC" ",20[0-9-]*T[0-9:]*\.000Z" "$WORK/out1/notifications.csv"
check_grep "REPEATS names START/TYPE/SEQ" "/full/2," "$WORK/out1/findings.csv"
db2=$WORK/q2.db
load_base "$db2"
check "the export imports into a fresh store" sh -c "$CARTREF --db $db2 import inspections $WORK/out1/inspections.csv $WORK/out1/findings.csv >/dev/null && $CARTREF --db $db2 import notifications $WORK/out1/notifications.csv >/dev/null"
check "export again" sh -c "$CARTREF --db $db2 export inspections $WORK/out2 >/dev/null && $CARTREF --db $db2 export notifications $WORK/out2/notifications.csv >/dev/null"
for f in inspections findings notifications; do
	check "$f.csv round-trips byte for byte" cmp "$WORK/out1/$f.csv" "$WORK/out2/$f.csv"
done

# import dir: the homes, the returns, then these files
dir=$WORK/dir
mkdir -p "$dir/903/W06000015/2019"
cp $Q/homes.csv "$dir/homes.csv"
cp $B/2019/*.csv "$dir/903/W06000015/2019/"
cp "$in/inspections.csv" "$in/findings.csv" "$in/notifications.csv" "$dir/"
db3=$WORK/q3.db
fresh_db "$db3"
check "import dir loads them" sh -c "$CARTREF --db $db3 import dir $dir >$WORK/dir.out"
check_grep "import dir counts inspections" "imported inspections: 4 added" "$WORK/dir.out"
check_eq "import dir: inspections, findings, notifications" "4 4 3" "$(sql "$db3" "SELECT (SELECT count(*) FROM inspection) || ' ' || (SELECT count(*) FROM finding) || ' ' || (SELECT count(*) FROM notification)")"

# bad files: each refused where it is wrong, nothing written
counts() {
	sql "$db" "SELECT (SELECT count(*) FROM inspection) || ' ' || (SELECT count(*) FROM finding) || ' ' || (SELECT count(*) FROM notification) || ' ' || (SELECT coalesce(max(id), 0) FROM inspection)"
}
before=$(counts)
k=0
# bad FILE LINE-EDIT (sed) WANT: the file edited, the import refuses it
bad() {
	k=$((k + 1))
	b=$WORK/bad$k
	mkdir -p "$b"
	cp "$in/inspections.csv" "$in/findings.csv" "$in/notifications.csv" "$b/"
	sed -i "$2" "$b/$1"
	if [ "$1" = notifications.csv ]; then
		cr import notifications "$b/notifications.csv" >/dev/null 2>"$b/err"
	else
		cr import inspections "$b/inspections.csv" "$b/findings.csv" >/dev/null 2>"$b/err"
	fi
	st=$?
	check_eq "bad $k ($3) exits 1" 1 $st
	check_grep "bad $k: $b/$3" "^$b/$3: " "$b/err"
	check_eq "bad $k leaves the store as it was" "$before" "$(counts)"
}
bad inspections.csv '1s/SUMMARY/SUMMARY,GRADE/; 2,$s/$/,x/' "inspections.csv:1:11: column-unknown"
bad findings.csv '1s/,STATUS,/,STATE,/' "findings.csv:1:0: column-missing"
bad inspections.csv '3s/,[0-9-]*,,focused,/,2019-02-30,,focused,/' "inspections.csv:3:2: q-date"
bad findings.csv '5s/^W0000002,[0-9-]*,/W0000002,2001-01-01,/' "findings.csv:5:2: q-inspection-unknown"
bad findings.csv '3s/,full,2,/,full,1,/' "findings.csv:3:4: q-seq-duplicate"
bad findings.csv '4s|/full/2,|/full/7,|' "findings.csv:4:11: q-repeats-unknown"
bad inspections.csv '5s/^W0000002,/W0000099,/' "inspections.csv:5:1: q-home-unknown"
bad notifications.csv '2s/,C01,/,C99,/' "notifications.csv:2:5: q-child-unknown"
bad inspections.csv '2s/,good,good,needs_improvement,good,/,good,,needs_improvement,good,/' "inspections.csv:2:7: required"
bad notifications.csv '3s/,complaint,/,weather,/' "notifications.csv:3:2: q-code"
future=$(date -u -d "today + 10 days" +%Y-%m-%d)
bad inspections.csv "4s/^W0000002,[0-9-]*,/W0000002,$future,/" "inspections.csv:4:2: future"
check_eq "the store is as it was" "$before" "$(counts)"
done_testing
