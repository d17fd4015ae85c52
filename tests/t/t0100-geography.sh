#!/bin/sh
# t0100: migrate loads the geography; distances the SSDA903 way.
. tests/t/lib.sh

db=$WORK/geo.db
check "migrate creates and loads the store" "$CARTREF" --db "$db" migrate
check_eq "22 Welsh councils" 22 "$(sql "$db" "SELECT count(*) FROM la WHERE is_council = 1 AND country = 'W92000004'")"
check_eq "Welsh names kept" "Ynys Môn" "$(sql "$db" "SELECT name_cy FROM la WHERE code = 'W06000001'")"
check_eq "all Welsh and border postcodes" 123451 "$(sql "$db" "SELECT count(*) FROM postcode")"
check_eq "all GB districts" 2864 "$(sql "$db" "SELECT count(*) FROM outcode")"
check "migrate again is a no-op" "$CARTREF" --db "$db" migrate
check_eq "no duplicate rows after a second migrate" 123451 "$(sql "$db" "SELECT count(*) FROM postcode")"

# CF10 1AA (318284,176230) to CF14 3AA (317013,178913):
# sqrt(1271^2 + 2683^2) = 2968.8 m; / 1000 / 1.6093 = 1.845 -> 1.8 miles
check_eq "full postcodes" "1.8 miles" "$("$CARTREF" --db "$db" distance "CF10 1AA" "cf14 3aa")"
check_eq "same postcode is 0.0" "0.0 miles" "$("$CARTREF" --db "$db" distance "CF10 1AA" "CF101AA")"
check "district fallback is flagged" sh -c "$CARTREF --db $db distance 'CF10 1AA' 'SW1A 1AA' | grep -q 'district centroid'"
out=$("$CARTREF" --db "$db" distance "CF10 1AA" "ZZ9 9ZZ" 2>/dev/null)
check_eq "unknown postcode is 'unknown', not 0" unknown "$out"
check_status "unknown postcode exits 3" 3 "$CARTREF" --db "$db" distance "CF10 1AA" "ZZ9 9ZZ"
check_status "malformed postcode exits 2" 2 "$CARTREF" --db "$db" distance "CF10 1AA" "12345"
done_testing
