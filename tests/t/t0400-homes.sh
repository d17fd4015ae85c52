#!/bin/sh
# t0400: the register of homes: import, validation, update, export.
. tests/t/lib.sh

db=$WORK/homes.db
fresh_db "$db"
check "valid register imports" "$CARTREF" --db "$db" import homes $DATA/homes/valid.csv
check_eq "four homes" 4 "$(sql "$db" "SELECT count(*) FROM home")"
check_eq "three providers by name" 4 "$(sql "$db" "SELECT count(*) FROM provider")"
check_eq "quoted name with a comma" "Derwen Care, Ltd" "$(sql "$db" "SELECT p.name FROM home h JOIN provider p ON p.id = h.provider_id WHERE urn = 'W1111111'")"
check_eq "Welsh name kept in UTF-8" "Tŷ Derw" "$(sql "$db" "SELECT name FROM home WHERE urn = 'W1111111'")"
check_eq "full postcode stored" "NP20 1AA" "$(sql "$db" "SELECT postcode FROM home WHERE urn = 'W1111111'")"
check_eq "closure date stored ISO" "2017-12-31" "$(sql "$db" "SELECT closed FROM home WHERE urn = 'W2222222'")"
check "stats counts open homes only" sh -c "$CARTREF --db $db stats | grep -q '3 open today'"
check "stats places in open homes" sh -c "$CARTREF --db $db stats | grep -q '12 in open homes'"
check "import again" "$CARTREF" --db "$db" import homes $DATA/homes/valid.csv
check_eq "upsert by URN, no duplicates" 4 "$(sql "$db" "SELECT count(*) FROM home")"
check "export" "$CARTREF" --db "$db" export homes "$WORK/homes.csv"
check "export is byte-identical to the input" cmp $DATA/homes/valid.csv "$WORK/homes.csv"

"$CARTREF" --db "$db" import homes $DATA/homes/bad.csv >/dev/null 2>"$WORK/bad.err"
check_eq "bad register exits 1" 1 $?
for want in "bad.csv:2:4: code: PROVIDER_TYPE" "bad.csv:3:5: la-unknown:" \
	"bad.csv:4:6: postcode:" "bad.csv:5:7: integer: PLACES" \
	"bad.csv:6:9: age-range:" "bad.csv:7:12: home-dates:" \
	"bad.csv:9:1: home-duplicate: URN W9999999 is already on line 8"; do
	check_grep "reports $want" "$want" "$WORK/bad.err"
done
check_eq "nothing written from a bad register" 4 "$(sql "$db" "SELECT count(*) FROM home")"
check_eq "existing rows untouched" "Tŷ Derw" "$(sql "$db" "SELECT name FROM home WHERE urn = 'W1111111'")"
done_testing
