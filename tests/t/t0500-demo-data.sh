#!/bin/sh
# t0500: the synthetic Wales data set: deterministic, realistic in scale,
# imports whole, and round-trips through export byte for byte.
. tests/t/lib.sh

d1=$WORK/w1
check "demo-data wales seed 1" "$CARTREF" demo-data --seed 1 --scale wales "$d1"
check_eq "a return per council per year" 66 "$(ls -d "$d1"/903/*/* | wc -l)"
check_eq "22 councils" 22 "$(ls "$d1"/903 | wc -l)"
check "same seed, same bytes" sh -c "$CARTREF demo-data --seed 1 --scale wales $WORK/w1b >/dev/null && diff -r $d1 $WORK/w1b"
"$CARTREF" demo-data --seed 2 --scale wales "$WORK/w2" >/dev/null
check_status "seed 2 differs from seed 1" 1 cmp -s "$d1/homes.csv" "$WORK/w2/homes.csv"

db=$WORK/demo.db
fresh_db "$db"
check "--check of the whole data set" "$CARTREF" --db "$db" import dir --check "$d1"
check_eq "--check writes nothing" 0 "$(sql "$db" "SELECT count(*) FROM episode")"
check "import dir" "$CARTREF" --db "$db" import dir "$d1"
check_eq "66 returns" 66 "$(sql "$db" "SELECT count(*) FROM return903")"
check_eq "178 homes open at 31 March 2019" 178 "$(sql "$db" "SELECT count(*) FROM home WHERE registered <= '2019-03-31' AND (closed IS NULL OR closed > '2019-03-31')")"
check_eq "774 places in them" 774 "$(sql "$db" "SELECT sum(places) FROM home WHERE registered <= '2019-03-31' AND (closed IS NULL OR closed > '2019-03-31')")"
cla=$(sql "$db" "SELECT count(DISTINCT child_id) FROM episode e JOIN return903 r ON r.id = e.return_id WHERE r.year = 2019 AND e.dec IS NULL")
if [ "$cla" -ge 6000 ] && [ "$cla" -le 6900 ]; then ok "about 6,400 looked after at 31 March 2019 ($cla)"; else not_ok "about 6,400 looked after at 31 March 2019" "$cla"; fi
priv=$(sql "$db" "SELECT round(100.0 * sum(p.type = 'private') / count(*)) FROM home h JOIN provider p ON p.id = h.provider_id WHERE h.closed IS NULL")
if [ "${priv%.*}" -ge 76 ] && [ "${priv%.*}" -le 86 ]; then ok "about 81% private homes ($priv%)"; else not_ok "about 81% private homes" "$priv"; fi
check "stats runs on the full store" sh -c "$CARTREF --db $db stats | grep -q '^2019 '"

check "export a council's year" "$CARTREF" --db "$db" export 903 --la W06000015 --year 2018 "$WORK/cardiff"
for f in header episodes missing oc2; do
	check "Cardiff 2018 $f.csv round-trips byte for byte" cmp "$d1/903/W06000015/2018/$f.csv" "$WORK/cardiff/$f.csv"
done
check "export homes" "$CARTREF" --db "$db" export homes "$WORK/homes.csv"
check "homes.csv round-trips byte for byte" cmp "$d1/homes.csv" "$WORK/homes.csv"

# one bad file anywhere: the whole directory import writes nothing
cp -r "$d1" "$WORK/wbad"
printf 'C999999,2,01/01/2010,WBRI,UN1,,\r\nC999999,2,01/01/2010,WBRI,UN1,,\r\n' >> "$WORK/wbad/903/W06000024/2019/header.csv"
db2=$WORK/demo2.db
fresh_db "$db2"
"$CARTREF" --db "$db2" import dir "$WORK/wbad" >/dev/null 2>"$WORK/wbad.err"
check_eq "bad directory exits 1" 1 $?
check_grep "the problem is named" "W06000024/2019/header.csv:.*child-duplicate" "$WORK/wbad.err"
check_eq "nothing at all written" "0/0" "$(sql "$db2" "SELECT (SELECT count(*) FROM return903) || '/' || (SELECT count(*) FROM home)")"
done_testing
