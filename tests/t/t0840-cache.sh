#!/bin/sh
# t0840: the review cache over real HTTP.  A running server keeps the
# figures it computed (analytics/review-cache.h) until the store's data
# generation moves (migration 4's triggers); a return imported and the
# register changed by the CLI, another process, move it, and the next
# council dashboard, home page and /api/v1/review show the new figures.
# Who sees what is still decided per request: an analyst asking after an
# inspector gets published figures, not the inspector's exact ones.
#
# Data: the review fixture (Cardiff's C01..C07, homes W0000001..3).
. tests/t/lib.sh

db=$WORK/cache.db
log=$WORK/server.log
out=$WORK/server.out
PW=demo-only-cartref
B=$DATA/review/boundaries
D=demo.cartref.wales

fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
gen() { sql "$db" "SELECT n FROM data_generation"; }
check "fixture homes" cr import homes $B/homes.csv
check "fixture Cardiff 2018" cr import 903 --la W06000015 $B/2018/*.csv
check "fixture Cardiff 2019" cr import 903 --la W06000015 $B/2019/*.csv
check "one demo user per role" cr user demo
tok=$(cr user token "inspector@$D" --label t0840 2>&1 | grep '^cartref_')

SERVER_PORT_BASE=21000
. tests/t/lib-server.sh

server_up

sign_in() {
	get "$1-form" -c "$2" -b "$2" "$U/sign-in"
	get "$1" -c "$2" -b "$2" --data-urlencode "csrf=$(form_token "$1-form")" \
		--data-urlencode "email=$3" --data-urlencode "password=$PW" \
		"$U/sign-in"
}
# value_of NAME LABEL: the Value cell of a dashboard's figures table row
value_of() {
	grep -A2 -F -- ">$2</th>" "$WORK/$1.b" |
		sed -n 's/.*govuk-table__cell--numeric">\([^<]*\)<\/td>.*/\1/p' | head -1
}
# home_value NAME LABEL: a headline figure of the home page
home_value() {
	grep -A1 -F -- ">$2</dt>" "$WORK/$1.b" |
		sed -n 's/.*govuk-summary-list__value">\([^<]*\)<\/dd>.*/\1/p' | head -1
}
# api_value NAME KEY: an indicator's value in /api/v1/review's JSON
api_value() {
	tr -d '\n' <"$WORK/$1.b" | grep -o "\"$2\": *{[^}]*}" | head -1 |
		sed -n 's/.*"value": *\([^,}]*\).*/\1/p' | tr -d ' '
}
dash() {
	get "$1" -b "$WORK/j-$2" "$U/dashboard/council/W06000015"
}
MP="Periods missing from care"
RP="Registered places in children&#39;s homes"

sign_in in-insp "$WORK/j-insp" "inspector@$D"
sign_in in-an "$WORK/j-an" "analyst@$D"
sign_in in-sw "$WORK/j-sw" "social-worker@$D"
check_eq "three sign-ins" "303 303 303" "$(status in-insp) $(status in-an) $(status in-sw)"

# --- before: the figures, twice from the same generation ---
g0=$(gen)
dash d0 insp
dash d0b insp
check_eq "dashboard answers" "200 200" "$(status d0) $(status d0b)"
mp0=$(value_of d0 "$MP")
rp0=$(value_of d0 "$RP")
check "a count of missing periods" test -n "$mp0" -a "$mp0" -gt 0
check_eq "the same figures again" "$mp0 $rp0" "$(value_of d0b "$MP") $(value_of d0b "$RP")"
check "the same page again, byte for byte" cmp -s "$WORK/d0.b" "$WORK/d0b.b"
get h0 -b "$WORK/j-sw" "$U/home"
check_eq "the home page shows the same count" "$mp0" "$(home_value h0 "Periods missing from care")"
get a0 -H "Authorization: Bearer $tok" "$U/api/v1/review?la=W06000015"
check_eq "the API shows the same count" "$mp0" "$(api_value a0 missing.periods)"
# the cache holds nothing of the viewer: an analyst, after an inspector,
# of the same council and year, gets published figures
dash an0 an
check "the analyst's dashboard is published" grep -q "Published figures" "$WORK/an0.b"
check "not the inspector's exact figures" sh -c "! grep -q 'Exact figures' '$WORK/an0.b'"
check_eq "reads do not move the generation" "$g0" "$(gen)"

# --- a return imported by another process ---
mkdir -p "$WORK/2019"
cp $B/2019/*.csv "$WORK/2019/"
grep -v '^C01,01/06/2006,M,01/08/2018,' $B/2019/missing.csv >"$WORK/2019/missing.csv"
check_eq "the changed return has one period fewer" 1 \
	"$(( $(wc -l <$B/2019/missing.csv) - $(wc -l <"$WORK/2019/missing.csv") ))"
check "re-import Cardiff 2019 with the CLI while serving" \
	cr import 903 --la W06000015 "$WORK"/2019/*.csv
g1=$(gen)
check "the import moved the generation" test "$g1" != "$g0"
dash d1 insp
check_eq "the dashboard shows one period fewer" "$((mp0 - 1))" "$(value_of d1 "$MP")"
get h1 -b "$WORK/j-sw" "$U/home"
check_eq "so does the home page" "$((mp0 - 1))" "$(home_value h1 "Periods missing from care")"
get a1 -H "Authorization: Bearer $tok" "$U/api/v1/review?la=W06000015"
check_eq "and the API" "$((mp0 - 1))" "$(api_value a1 missing.periods)"

# --- the register changed by another process ---
sed 's/^\(W0000001,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,\)4,/\19,/' $B/homes.csv >"$WORK/homes.csv"
check "the register: W0000001 has 9 places now" grep -q '^W0000001,.*,9,8,17,' "$WORK/homes.csv"
check "import the register with the CLI while serving" cr import homes "$WORK/homes.csv"
check "the register moved the generation" test "$(gen)" != "$g1"
dash d2 insp
check_eq "the dashboard shows 5 places more" "$((rp0 + 5))" "$(value_of d2 "$RP")"
check_eq "and still one period fewer" "$((mp0 - 1))" "$(value_of d2 "$MP")"

# --- back as it was ---
check "the original return again" cr import 903 --la W06000015 $B/2019/*.csv
check "the original register again" cr import homes $B/homes.csv
dash d3 insp
check_eq "the first figures again" "$mp0 $rp0" "$(value_of d3 "$MP") $(value_of d3 "$RP")"

# --- alerts feed the missing_response figures: their raise and
# acknowledge times move the generation, other columns do not ---
g2=$(gen)
sql "$db" "INSERT INTO alert (rule_id, subject_key, state, raised_at)
  VALUES ('ri-72h', 'test:generation', 'open', '2019-03-01T00:00:00.000Z')"
g3=$(gen)
check "a new alert moves the generation" test "$g3" != "$g2"
sql "$db" "UPDATE alert SET detail = 'x' WHERE subject_key = 'test:generation'"
check_eq "a change of its detail does not" "$g3" "$(gen)"
sql "$db" "UPDATE alert SET state = 'acknowledged',
  acknowledged_at = '2019-03-02T00:00:00.000Z'
  WHERE subject_key = 'test:generation'"
check "acknowledging it does" test "$(gen)" != "$g3"

stop_server
check_eq "the server stops cleanly" 0 "$?"
check "no error in the server log" sh -c "! grep -qi 'error' '$log'"
done_testing
