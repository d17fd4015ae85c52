#!/bin/sh
# t0300: import -> export -> import gives byte-identical CSVs.
. tests/t/lib.sh

db=$WORK/rt.db
fresh_db "$db"
V=$DATA/903/valid
check "import" "$CARTREF" --db "$db" import 903 --la W06000015 $V/*.csv
check "export" "$CARTREF" --db "$db" export 903 --la W06000015 --year 2019 "$WORK/e1"
for f in header episodes missing oc2; do
	check "$f.csv exported byte for byte" cmp "$V/$f.csv" "$WORK/e1/$f.csv"
done
db2=$WORK/rt2.db
fresh_db "$db2"
check "re-import the export" "$CARTREF" --db "$db2" import 903 --la W06000015 "$WORK"/e1/*.csv
check "export again" "$CARTREF" --db "$db2" export 903 --la W06000015 --year 2019 "$WORK/e2"
for f in header episodes missing oc2; do
	check "$f.csv identical after a second round trip" cmp "$WORK/e1/$f.csv" "$WORK/e2/$f.csv"
done
# a messy but valid file (LF ends, BOM, shuffled columns, lower-case
# postcodes, blank lines) exports in canonical form
check "messy valid input imports" "$CARTREF" --db "$db2" import 903 --la W06000015 $DATA/903/messy/*.csv
check "messy export" "$CARTREF" --db "$db2" export 903 --la W06000015 --year 2019 "$WORK/e3"
for f in header episodes missing oc2; do
	check "messy $f.csv becomes canonical" cmp "$V/$f.csv" "$WORK/e3/$f.csv"
done
check_status "export of a year with no return" 1 "$CARTREF" --db "$db2" export 903 --la W06000015 --year 2015 "$WORK/e4"
done_testing
