#!/bin/sh
# t0915: what alerts say to each recipient (issue 10, item 3;
# docs/alerts.md, "What a recipient is told").  C01 (Cardiff) goes
# missing from Bryn Dau, a Swansea home: while it is missing the South
# Wales force may open its record, and its alert names it; once it is
# back the force may not, and from then on every alert and outbox message
# the force reads (the CLI, the pages in English and Welsh, its home
# page's list of what to do first, the API)
# says "a child looked after by Cardiff Council", never its reference,
# its home or a note; a message written after its return does not name
# it either.  For every role, every text it receives names C01 only if
# that role may open C01's record (GET /api/v1/children/W06000015/C01),
# and a filter by reference or home finds no alert it may not name.
. tests/t/lib.sh

db=$WORK/naming.db
log=$WORK/server.log
out=$WORK/server.out
B=tests/data/review/boundaries
PW='a long enough password'
fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }

check "fixture homes" cr import homes $B/homes.csv
check "fixture Cardiff 2018" cr import 903 --la W06000015 $B/2018/*.csv
check "fixture Cardiff 2019" cr import 903 --la W06000015 $B/2019/*.csv
check "the provider of Bryn Dau" cr user org-add --kind provider --code meadow \
	--name-en "The Meadow Trust" --provider "The Meadow Trust"
adduser() {
	echo "$PW" | cr user add --email "$1" --name "$1" --role "$2" --org "$3" --password-stdin >/dev/null
}
adduser sw@cardiff.example council_social_worker council:W06000015
adduser sw@swansea.example council_social_worker council:W06000011
adduser mc@south-wales.example police_missing_coordinator police:south-wales
adduser mc@dyfed.example police_missing_coordinator police:dyfed-powys
adduser insp@example.org inspector inspectorate:CIW
adduser hm@meadow.example home_manager provider:meadow
adduser analyst@example.org analyst inspectorate:CIW
check_eq "seven users" 7 "$(sql "$db" "SELECT count(*) FROM app_user")"
ROLES="sw@cardiff.example sw@swansea.example mc@south-wales.example mc@dyfed.example insp@example.org hm@meadow.example"

# ---- 2 April: C01 missing for 26 hours from Bryn Dau --------------------
clock_at "2019-04-02 12:00Z"
cat >"$WORK/live1.csv" <<'EOF'
LA,CHILD,KIND,URN,STARTED_AT,RETURNED_AT,ARRESTED,RI_OFFERED_AT,RI_HELD_AT,RI_OUTCOME
W06000015,C01,M,W0000002,2019-03-01T10:00:00.000Z,2019-03-01T12:00:00.000Z,0,2019-03-01T13:00:00.000Z,2019-03-02T10:00:00.000Z,accepted
W06000015,C01,M,W0000002,2019-04-01T10:00:00.000Z,,0,,,
EOF
check "C01 missing now" cr missing import "$WORK/live1.csv"
ep=$(sql "$db" "SELECT id FROM mfc_episode WHERE started_at LIKE '2019-04-01%'")
check "alerts run while C01 is missing" cr alerts run
long=$(sql "$db" "SELECT id FROM alert WHERE rule_id = 'long-or-high-risk'")
check "the force is told of the long absence" test -n "$long"
check_eq "the force's message names C01 while it may open C01" 1 \
	"$(sql "$db" "SELECT count(*) FROM outbox WHERE alert_id = $long AND org_kind = 'police' AND body LIKE '%\"ref\":\"C01\"%'")"
cr alerts list --as mc@south-wales.example --state all >"$WORK/police-then.out"
check_grep "and its list names C01, missing now from its area" "Child W06000015/C01" "$WORK/police-then.out"

# ---- 7 April: back since the 3rd, missing again on the 5th --------------
clock_at "2019-04-07 12:00Z"
check "the police record the return" cr missing return "$ep" --as mc@south-wales.example --returned 2019-04-03T10:00Z
cat >"$WORK/live2.csv" <<'EOF'
LA,CHILD,KIND,URN,STARTED_AT,RETURNED_AT
W06000015,C01,M,W0000002,2019-04-05T10:00:00.000Z,2019-04-05T14:00:00.000Z
EOF
check "a third absence, short" cr missing import "$WORK/live2.csv"
check "alerts run after C01 is back" cr alerts run
check_eq "C01 is missing no more" 0 "$(sql "$db" "SELECT count(*) FROM mfc_episode WHERE returned_at IS NULL")"
rep=$(sql "$db" "SELECT id FROM alert WHERE rule_id = 'repeat-missing' AND state = 'open'")
check "repeatedly missing: to the council and the force" test -n "$rep"
check_eq "the force's messages written now (escalations) do not name C01" \
	"0 2" "$(sql "$db" "SELECT sum(CASE WHEN body LIKE '%C01%' THEN 1 ELSE 0 END) || ' ' || count(*) FROM outbox WHERE org_kind = 'police' AND created_at >= '2019-04-07'")"
check_eq "nor give its subject key (the child's id)" 0 \
	"$(sql "$db" "SELECT count(*) FROM outbox WHERE org_kind = 'police' AND created_at >= '2019-04-07' AND body LIKE '%subject%'")"
check_eq "the council's do" 2 \
	"$(sql "$db" "SELECT count(*) FROM outbox WHERE org_kind = 'council' AND created_at >= '2019-04-07' AND body LIKE '%\"ref\":\"C01\"%' AND event = 'escalated'")"
check "Cardiff acknowledges it with a note naming the child's friend" \
	cr alerts ack "$rep" --as sw@cardiff.example --note "Spoke to Jade at Bryn Dau"
check_eq "the acknowledgement to the force does not name C01" 0 \
	"$(sql "$db" "SELECT count(*) FROM outbox WHERE alert_id = $rep AND org_kind = 'police' AND event = 'acknowledged' AND body LIKE '%C01%'")"

# ---- every role, every way of reading its alerts -------------------------
SERVER_PORT_BASE=24000
. tests/t/lib-server.sh
server_up
for who in $ROLES analyst@example.org; do
	cr user token "$who" --label t0915 2>&1 | grep '^cartref_' >"$WORK/$who.tok"
done
api() {	# NAME WHO PATH
	curl -s -D "$WORK/$1.h" -o "$WORK/$1.b" -H "Authorization: Bearer $(cat "$WORK/$2.tok")" "$U$3"
}

# collect WHO: everything WHO is told of its alerts, into $WORK/WHO.all
collect() {
	who=$1
	all=$WORK/$who.all
	: >"$all"
	for lang in en cy; do
		cr alerts list --as "$who" --state all --lang "$lang" >>"$all" 2>&1
	done
	cr alerts list --as "$who" --state all --tsv >>"$all" 2>&1
	cr alerts outbox --as "$who" >>"$all" 2>&1
	api "$who-al" "$who" "/api/v1/alerts?state=all&page_size=100"
	api "$who-it" "$who" "/api/v1/alert-items?state=all&page_size=100"
	api "$who-ob" "$who" "/api/v1/outbox?limit=100"
	cat "$WORK/$who-al.b" "$WORK/$who-it.b" "$WORK/$who-ob.b" >>"$all"
	session_start "$who" "$who" "$PW" || echo "sign-in failed" >>"$all"
	for lang in en cy; do
		get "$who-p" -b "$WORK/$who.jar" "$U/alerts?state=all&lang=$lang"
		# the filter's hint gives C01 as an example reference
		grep -v 'id="child-hint"' "$WORK/$who-p.b" >>"$all"
		get "$who-h" -b "$WORK/$who.jar" "$U/home?lang=$lang"
		cat "$WORK/$who-h.b" >>"$all"
	done
	for id in $(grep -o '"id":[0-9]*,"rule"' "$WORK/$who-al.b" | sed 's/[^0-9]//g'); do
		cr alerts show "$id" --as "$who" >>"$all" 2>&1
		cr alerts show "$id" --as "$who" --lang cy >>"$all" 2>&1
		api "$who-a" "$who" "/api/v1/alerts/$id"
		cat "$WORK/$who-a.b" >>"$all"
		for lang in en cy; do
			get "$who-p" -b "$WORK/$who.jar" "$U/alerts/$id?lang=$lang"
			cat "$WORK/$who-p.b" >>"$all"
		done
	done
}

for who in $ROLES; do
	collect "$who"
	api "$who-c" "$who" /api/v1/children/W06000015/C01
	nal=$(grep -o '"id":[0-9]*,"rule"' "$WORK/$who-al.b" | wc -l)
	if [ "$(status "$who-c")" = 200 ]; then
		if [ "$nal" -gt 0 ]; then
			check "$who may open C01, and its alerts name it" grep -q 'W06000015/C01' "$WORK/$who.all"
		else
			ok "$who may open C01 and receives no alert"
		fi
	else
		check_eq "$who may not open C01: no text it receives names C01, its home or a note" "" \
			"$(grep -o -E 'C01|Bryn Dau|W0000002|Jade|child:[0-9]|episode:[0-9]' "$WORK/$who.all" | sort -u | tr '\n' ' ')"
	fi
done
check_eq "the force may not open C01 now" 404 "$(status mc@south-wales.example-c)"
check "yet it has its alerts: two" test "$(grep -o '"id":[0-9]*,"rule"' "$WORK/mc@south-wales.example-al.b" | wc -l)" -eq 2
check_grep "said as a child looked after by Cardiff Council" "A child looked after by Cardiff Council" "$WORK/mc@south-wales.example.all"
check_grep "in Welsh too" "Plentyn yng ngofal Cyngor Caerdydd" "$WORK/mc@south-wales.example.all"
check_grep "and what it can do" "Cardiff Council, which looks after the child, leads on this" "$WORK/mc@south-wales.example.all"
check_grep "in Welsh too " "Cyngor Caerdydd, sy’n gofalu am y plentyn, sy’n arwain ar hyn" "$WORK/mc@south-wales.example.all"
check_grep "the API says it is unnamed" '"named":false' "$WORK/mc@south-wales.example.all"
check_grep "the message written while it was missing is read unnamed now" \
	"\"alert\":$long,\"at\":\"2019-04-02T[0-9:.]*Z\",\"child\":{\"la\":\"W06000015\"},\"episode\":$ep,\"event\":\"raised\"" "$WORK/mc@south-wales.example.all"
check "the inspectorate may open C01" test "$(status insp@example.org-c)" = 200
check "and so may Cardiff" test "$(status sw@cardiff.example-c)" = 200

# a filter by reference or home finds nothing the force may not name
api f1 mc@south-wales.example "/api/v1/alert-items?state=all&ref=C01"
api f2 mc@south-wales.example "/api/v1/alerts?state=all&council=W06000015&ref=C01"
api f3 mc@south-wales.example "/api/v1/alert-items?state=all&home=W0000002"
check_eq "by reference, by home: nothing" '0 0 0' \
	"$(for f in f1 f2 f3; do grep -o '"total":[0-9]*' "$WORK/$f.b" | sed 's/.*://'; done | tr '\n' ' ' | sed 's/ $//')"
api f4 sw@cardiff.example "/api/v1/alert-items?state=all&ref=C01"
check "Cardiff finds C01 by reference" grep -q '"ref":"C01"' "$WORK/f4.b"
get fp -b "$WORK/mc@south-wales.example.jar" "$U/alerts"
check "the force's home filter does not offer Bryn Dau" hasnt fp 'W0000002'

# a named alert's page gives the child by reference, its council by
# name ("looked after by"), not the council's code
id=$(grep -o '"id":[0-9]*,"rule"' "$WORK/sw@cardiff.example-al.b" | head -1 | sed 's/[^0-9]//g')
get named -b "$WORK/sw@cardiff.example.jar" "$U/alerts/$id?lang=en"
check "Cardiff's alert page: \"Child C01\", no council code" \
	grep -q 'govuk-caption-l">Child C01<' "$WORK/named.b"

check "the audit trail is intact" cr audit verify
stop_server
check "the server stops cleanly" test "$?" -eq 0
done_testing
