#!/bin/sh
# t0930: missing from care and alerts over the JSON API (issue 5).
# On the review fixture with one user per role (and a second provider, a
# second police force and another council, as t0820), it walks the
# issue's scenario: the home reports C01 missing, the police grade it and
# record the return 4 days ago, the council is alerted (return interview
# not held in 72 hours), records the interview late, acknowledges and
# resolves the alert.  Then every new route x every role answers exactly
# the status the matrices say (allowed, 403 for a role that may never,
# 404 for out of scope exactly like nonexistent), every answer matches
# docs/openapi.json, probes in parameters and body fields get 400 or are
# stored as plain text (never 500, never SQL), bodies that are too big,
# not JSON or not application/json are refused, cookies never
# authenticate a write.  Last, the server's scheduled alerts run raises
# an alert that only the passing of time makes due, with no CLI run.
# The clock is the summer after the fixture's returns (clock_at), when C01
# is 13 and placed at Bryn Dau.
. tests/t/lib.sh
clock_at "2019-08-15 12:00Z"

db=$WORK/mfc.db
log=$WORK/server.log
out=$WORK/server.out
B=$DATA/review/boundaries
SPEC=docs/openapi.json
CHECK=$(dirname "${CARTREF_REAL:-$CARTREF}")/tools/openapi-check
D=demo.cartref.wales

fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
check "fixture homes" cr import homes $B/homes.csv
check "fixture 2018" cr import 903 --la W06000015 $B/2018/*.csv
check "fixture 2019" cr import 903 --la W06000015 $B/2019/*.csv
check "one demo user per role" cr user demo
check "a provider running Bryn Dau" cr user org-add --kind provider --code meadow \
	--name-en "The Meadow Trust" --provider "The Meadow Trust"
adduser() {
	echo "api test password $1" | "$CARTREF" --db "$db" user add --email "$1@example.org" \
		--name "Test $1" --role "$2" --org "$3" --password-stdin
}
check "its home manager" adduser meadow home_manager provider:meadow
check "a police coordinator in Dyfed-Powys" adduser dyfed police_missing_coordinator police:dyfed-powys
check "a social worker in Swansea" adduser swansea council_social_worker council:W06000011
token() {
	cr user token "$2" --label "t0930" 2>&1 | grep '^cartref_' >"$WORK/$1.tok"
}
ROLES="inspector analyst sw placements orchard meadow police dyfed swansea admin"
token inspector inspector@$D
token analyst analyst@$D
token sw social-worker@$D
token placements placements@$D
token orchard home-manager@$D
token meadow meadow@example.org
token police police@$D
token dyfed dyfed@example.org
token swansea swansea@example.org
token admin admin@$D
check "the OpenAPI checker is built" test -x "$CHECK"
check "docs/openapi.json is a sound OpenAPI 3.0 description" "$CHECK" "$SPEC" lint
"$CHECK" "$SPEC" routes | sort >"$WORK/spec-routes"
sed -n 's/.*{ HTTP_\([A-Z]*\), "\(\/api\/v1\/[^"]*\)".*/\1 \2/p' src/web/router.c | sort >"$WORK/router-routes"
check "every /api/v1 route and method is documented, and only those" diff "$WORK/router-routes" "$WORK/spec-routes"

SERVER_PORT_BASE=21000
. tests/t/lib-server.sh

server_up

# call NAME ROLE METHOD PATH [BODY [curl args...]]: the request with
# ROLE's token ("none": without one) and, for a body, Content-Type
# application/json; headers to $WORK/NAME.h, body to $WORK/NAME.b.
# Every answer is checked against docs/openapi.json (failures collected
# in $invalid, reported by one check at the end); 5xx in $fivexx.
ncalls=0
invalid=""
fivexx=""
call() {
	name=$1
	role=$2
	meth=$3
	path=$4
	shift 4
	if [ $# -gt 0 ] && [ "$1" = "@raw" ]; then
		shift	# the caller gives its own Content-Type and body
	elif [ $# -gt 0 ]; then
		printf '%s' "$1" >"$WORK/$name.in"
		shift
		set -- -H "Content-Type: application/json" --data-binary "@$WORK/$name.in" "$@"
	fi
	if [ "$role" = none ]; then
		curl -s -X "$meth" -D "$WORK/$name.h" -o "$WORK/$name.b" "$@" "$U$path"
	else
		curl -s -X "$meth" -D "$WORK/$name.h" -o "$WORK/$name.b" \
			-H "Authorization: Bearer $(cat "$WORK/$role.tok")" "$@" "$U$path"
	fi
	ncalls=$((ncalls + 1))
	code=$(status "$name")
	if [ "$code" = 405 ]; then	# a method the path has not: no operation
		set -- "$CHECK" "$SPEC" schema Error "$WORK/$name.b"
	else
		set -- "$CHECK" "$SPEC" response "$meth" "$path" "$code" "$WORK/$name.b"
	fi
	if ! "$@" >"$WORK/$name.err" 2>&1; then
		invalid="$invalid
$role $meth $path $code: $(head -5 "$WORK/$name.err")"
	fi
	case "$code" in
	5*) fivexx="$fivexx $role:$meth:$path" ;;
	esac
}
# has NAME TEXT...: as lib-server.sh's has, and a failure shows the answer's start
has() {
	f=$WORK/$1.b
	shift
	for t in "$@"; do
		grep -qF -- "$t" "$f" || { echo "no '$t' in $f: $(head -c 400 "$f")"; return 1; }
	done
}
# num NAME KEY: the first number value of "KEY"
num() {
	grep -o "\"$2\":[0-9]*" "$WORK/$1.b" | head -1 | sed 's/^[^:]*://'
}
ago() {
	date -u -d "$(fnow) $1 ago" +%Y-%m-%dT%H:%M:%SZ
}

# --- the scenario of the issue ---
S=$(ago "5 days")
R=$(ago "4 days")
L=$(ago "1 hour")
call rep meadow POST /api/v1/missing-episodes \
	"{\"council\":\"W06000015\",\"ref\":\"C01\",\"kind\":\"M\",\"started_at\":\"$S\",\"last_seen_place\":\"Swansea bus station\",\"circumstances\":\"did not come back from school\",\"exploitation\":true,\"associates\":\"older males in a car\"}"
check_eq "the home reports C01 missing: 201" 201 "$(status rep)"
ep=$(num rep id)
check_eq "Location names the episode" "/api/v1/missing-episodes/$ep" "$(header rep Location)"
check "the report as the home sees it" has rep '"access":"provider"' '"kind":"M","open":true,"urn":"W0000002"' \
	'"exploitation":true' '"risk_grade":null'
call rep2 meadow POST /api/v1/missing-episodes \
	"{\"council\":\"W06000015\",\"ref\":\"C01\",\"started_at\":\"$S\"}"
check_eq "a second open episode of the same child: 409" "409 conflict" \
	"$(status rep2) $(grep -o '"code":"[a-z_]*"' "$WORK/rep2.b" | sed 's/.*:"\(.*\)"/\1/')"
call att-po police GET /api/v1/missing-episodes
check "the police see it at once on their list" has att-po "\"id\":$ep,\"council\":\"W06000015\",\"ref\":\"C01\"" '"exploitation":true'
call att-sw sw GET /api/v1/missing-episodes
check "so does the placing council" has att-sw "\"id\":$ep,"
call att-or orchard GET /api/v1/missing-episodes
check_eq "not another provider" 0 "$(num att-or total)"
call att-dy dyfed GET /api/v1/missing-episodes
check_eq "nor another force" 0 "$(num att-dy total)"
call pol police POST /api/v1/missing-episodes/$ep/police '{"police_ref":"SWP/123/19","risk_grade":"high"}'
check "the police grade it high" has pol '"police_ref":"SWP/123/19","risk_grade":"high"'
call ret police POST /api/v1/missing-episodes/$ep/return \
	"{\"returned_at\":\"$R\",\"returned_place\":\"found in Cardiff\"}"
check "the police record the return 4 days ago" has ret '"open":false' '"returned_place":"found in Cardiff"'
check "police keep the grade (members not given are kept)" has ret '"risk_grade":"high"'
call al-sw sw GET "/api/v1/alerts?rule=ri-72h"
check "the council is alerted: return interview not held in 72 hours" has al-sw '"rule":"ri-72h"' \
	"\"episode_id\":$ep" '"state":"open"'
aid=$(num al-sw id)
check "with its severity, due time, overdue, home and facts" has al-sw '"severity":"high"' \
	'"overdue":true' '"due_at":"' '"home":{"urn":"W0000002","name":"Bryn Dau"}' '"facts":{"started_at":'
check "its words in English" has al-sw '"text":{"en":{"title":"Return interview not held in time","what":"Returned on ' \
	'No return interview has been held."' '"where":"Bryn Dau, Swansea; looked after by Cardiff Council"' \
	'"todo":"Hold the return interview, or record why it was not held."' ' overdue."'
check "and in Welsh" has al-sw '"cy":{"title":"Cyfweliad dychwelyd heb ei gynnal mewn pryd","what":"Daeth yn ôl ar ' \
	'"where":"Bryn Dau, Abertawe; yng ngofal Cyngor Caerdydd"' 'yn hwyr."'
check "no machine string left" hasnt al-sw '"detail"' 'UTC'
call it-sw sw GET "/api/v1/alert-items"
check_eq "alert items: 200" 200 "$(status it-sw)"
check "one item for C01 with its reasons" has it-sw '"items":[{"child":{"council":"W06000015","ref":"C01"},"home":null,"recommendation":null,"severity":"' \
	'"reasons":[{' "\"id\":$aid,"
check_eq "C01 once" 1 "$(grep -o '"child":{"council":"W06000015","ref":"C01"}' "$WORK/it-sw.b" | wc -l)"
check_eq "the total counts items" "$(grep -o '"child":{' "$WORK/it-sw.b" | wc -l)" "$(num it-sw total)"
call it-f sw GET "/api/v1/alert-items?rule=ri-72h&council=W06000015&ref=C01&home=W0000002&page_size=5"
check_eq "filtered by rule, child and home" 1 "$(num it-f total)"
call it-h sw GET "/api/v1/alert-items?state=historical"
check_eq "the historical ones: 200" 200 "$(status it-h)"
check "not C01's open one" hasnt it-h "\"id\":$aid,"
call it-in inspector GET "/api/v1/alert-items?state=all"
check "the inspectorate's items include the home rule's" has it-in '"child":null,"home":{"urn":"'
call al-po police GET "/api/v1/alerts?rule=ri-72h"
check_eq "the ri-72h alert is the council's, not the police's" 0 "$(num al-po total)"
call al-in inspector GET "/api/v1/alerts/$aid"
check_eq "inspectors may open any alert" 200 "$(status al-in)"
call iv sw POST /api/v1/missing-episodes/$ep/interview \
	"{\"ri_offered_at\":\"$R\",\"ri_held_at\":\"$L\",\"ri_by\":\"Independent advocate\",\"ri_independent\":true,\"ri_outcome\":\"accepted\",\"ri_summary\":\"went to a party\"}"
check "the council records the interview, late" has iv '"ri_outcome":"accepted"' '"ri_by":"Independent advocate"'
call ep-po police GET /api/v1/missing-episodes/$ep
check "the police do not see the interview's summary or interviewer" hasnt ep-po ri_summary ri_by 'went to a party'
check "the police see that it was held" has ep-po '"ri_held_at":"'
call ack sw POST /api/v1/alerts/$aid/acknowledge '{"note":"interview was late: asking the team why"}'
check "the council acknowledges it with a note" has ack '"state":"acknowledged"' \
	"\"acknowledged_by\":\"social-worker@$D\"" '"ack_note":"interview was late: asking the team why"'
call res sw POST /api/v1/alerts/$aid/resolve '{"note":"team reminded of the 72 hours"}'
check "then resolves it" has res '"state":"resolved"' '"resolve_note":"team reminded of the 72 hours"'
call ob sw GET "/api/v1/outbox?since=0"
check "the council's outbox: raised, acknowledged, resolved" has ob '"event":"raised"' '"event":"acknowledged"' '"event":"resolved"'
last=$(grep -o '"id":[0-9]*,"alert_id"' "$WORK/ob.b" | tail -1 | sed 's/"id":\([0-9]*\),.*/\1/')
call ob2 sw GET "/api/v1/outbox?since=$last"
check_eq "polling after the last id: nothing new" '{"messages":[]}' "$(cat "$WORK/ob2.b")"
call mt sw POST /api/v1/children/W06000015/C01/strategy-meetings \
	"{\"held_on\":\"$(date -u -d "$(fnow)" +%Y-%m-%d)\",\"agencies\":\"council, police, Bryn Dau\",\"decisions\":\"safety plan\",\"safety_plan_review_on\":\"$(date -u -d "$(fnow) 30 days" +%Y-%m-%d)\",\"episode_id\":$ep}"
check_eq "the council records a strategy meeting: 201" 201 "$(status mt)"
call gp meadow PUT /api/v1/children/W06000015/C01/grab-pack \
	'{"description":"5ft 4, dark hair","photo_ref":"file 12","places":"Swansea marina"}'
check "the home writes the grab pack" has gp '"description":"5ft 4, dark hair"' '"health":null'
call ch sw GET /api/v1/children/W06000015/C01/missing-episodes
check "the child's chronology: the episode and the meeting" has ch "\"id\":$ep," '"strategy_meetings":[{' '"truncated":false'

# --- every new route x role: the exact status ---
# columns: the roles in $ROLES order, then no token.  Every 403 and 404
# (a refusal of a scoped route) must have written a "view-denied" (GET)
# or "change-denied" row as that user naming what was asked for
# (audited_refusal, tests/t/lib-audit.sh).
. tests/t/lib-audit.sh
# the subject a refusal of PATH names: the episode or its child, the
# child, the alert (and its child), or the list's kind
subject_re() {
	case $1 in
	*/missing-episodes/$ep*) echo "^(mfc-episode:$ep|child:W06000015/C01)\$" ;;
	*/missing-episodes/[0-9]*) echo "^mfc-episode:$(echo "$1" | sed 's,.*/missing-episodes/\([0-9]*\).*,\1,')\$" ;;
	*/children/*/grab-pack) echo "^grab-pack:$(echo "$1" | sed 's,.*/children/\([^/]*/[^/]*\)/.*,\1,')\$" ;;
	*/children/*) echo "^child:$(echo "$1" | sed 's,.*/children/\([^/]*/[^/]*\)/.*,\1,')\$" ;;
	*/missing-episodes*) echo "^(missing-live|child:W06000015/C02)(:|\$)" ;;
	*/alerts/[0-9]*) echo "^alert:$(echo "$1" | sed 's,.*/alerts/\([0-9]*\).*,\1,')( |\$)" ;;
	*/alerts*|*/alert-items*) echo "^alerts(:|\$)" ;;
	*/outbox*) echo "^outbox(:|\$)" ;;
	esac
}
matrix="
GET /api/v1/missing-episodes                              200 403 200 200 200 200 200 200 200 403 401
GET /api/v1/missing-episodes?urn=W0000002                 200 403 200 200 200 200 200 200 200 403 401
GET /api/v1/missing-episodes/$ep                          200 403 200 200 404 200 200 404 404 403 401
GET /api/v1/missing-episodes/99999                        404 403 404 404 404 404 404 404 404 403 401
GET /api/v1/children/W06000015/C01/missing-episodes       200 403 200 200 404 200 200 404 404 403 401
GET /api/v1/children/W06000015/C02/missing-episodes       404 403 200 200 404 404 404 404 404 403 401
GET /api/v1/children/W06000015/C99/missing-episodes       404 403 404 404 404 404 404 404 404 403 401
GET /api/v1/children/W06000015/C01/grab-pack              200 403 200 200 404 200 404 404 404 403 401
GET /api/v1/children/W06000015/C99/grab-pack              404 403 404 404 404 404 404 404 404 403 401
GET /api/v1/alerts                                        200 403 200 200 200 200 200 200 200 403 401
GET /api/v1/alert-items                                   200 403 200 200 200 200 200 200 200 403 401
GET /api/v1/alert-items?state=historical                  200 403 200 200 200 200 200 200 200 403 401
GET /api/v1/alerts/$aid                                   200 403 200 200 404 404 404 404 404 403 401
GET /api/v1/alerts/99999                                  404 403 404 404 404 404 404 404 404 403 401
GET /api/v1/outbox                                        200 403 200 200 200 200 200 200 200 403 401
"
while read -r meth path want; do
	[ -n "$path" ] || continue
	got=""
	unaudited=""
	for r in $ROLES none; do
		since=$(audit_head)
		call m "$r" "$meth" "$path"
		got="$got $(status m)"
		unaudited="$unaudited$(audited_refusal "$r" "$meth" "$(status m)" "$(subject_re "$path")" "$since")"
	done
	check_eq "$meth $path by role" "$want" "$(echo $got)"
	check_eq "$meth $path: every refusal audited" "" "$unaudited"
done <<EOF
$matrix
EOF

# writes: a valid body each (no spaces: one word in the table)
writes="
POST /api/v1/missing-episodes/$ep/police    {\"police_ref\":\"SWP/123/19\"}  403 403 403 403 403 403 200 404 403 403 401
POST /api/v1/missing-episodes/$ep/home      {\"home_actions\":\"rang-the-police\"} 403 403 403 403 404 200 403 403 403 403 401
POST /api/v1/missing-episodes/$ep/return    {\"returned_at\":\"$R\"} 403 403 403 403 404 200 200 404 403 403 401
POST /api/v1/missing-episodes/$ep/interview {\"ri_by\":\"Independent-advocate\"} 403 403 200 200 403 403 403 403 404 403 401
POST /api/v1/missing-episodes/99999/police  {\"police_ref\":\"x\"}                          403 403 403 403 403 403 404 404 403 403 401
POST /api/v1/missing-episodes               {\"council\":\"W06000015\",\"ref\":\"C02\",\"started_at\":\"$S\"} 403 403 403 403 404 404 403 403 403 403 401
POST /api/v1/children/W06000015/C01/strategy-meetings {\"held_on\":\"$(date -u -d "$(fnow)" +%Y-%m-%d)\"} 403 403 201 201 403 403 403 403 404 403 401
PUT /api/v1/children/W06000015/C01/grab-pack {\"description\":\"5ft-4,dark-hair\"} 403 403 403 403 404 200 403 403 403 403 401
POST /api/v1/alerts/$aid/acknowledge        {\"note\":\"seen\"} 409 403 409 409 404 404 404 404 404 403 401
"
while read -r meth path body want; do
	[ -n "$path" ] || continue
	got=""
	unaudited=""
	for r in $ROLES none; do
		since=$(audit_head)
		call w "$r" "$meth" "$path" "$body"
		got="$got $(status w)"
		unaudited="$unaudited$(audited_refusal "$r" "$meth" "$(status w)" "$(subject_re "$path")" "$since")"
	done
	check_eq "$meth $path by role" "$want" "$(echo $got)"
	check_eq "$meth $path: every refusal audited" "" "$unaudited"
done <<EOF
$writes
EOF
call x1 orchard GET /api/v1/missing-episodes/$ep
call x2 orchard GET /api/v1/missing-episodes/99999
check "an episode out of scope reads exactly as one that does not exist" cmp "$WORK/x1.b" "$WORK/x2.b"
call x3 swansea POST /api/v1/missing-episodes/$ep/interview '{"ri_by":"x"}'
call x4 swansea POST /api/v1/missing-episodes/99999/interview '{"ri_by":"x"}'
check "a write out of scope answers exactly as one to nothing" cmp "$WORK/x3.b" "$WORK/x4.b"
call x5 police POST /api/v1/missing-episodes/$ep/interview '{"ri_by":"x"}'
call x6 police POST /api/v1/missing-episodes/99999/interview '{"ri_by":"x"}'
check "403 for a role depends on the role only, not on the episode" cmp "$WORK/x5.b" "$WORK/x6.b"

# --- bodies: not JSON, wrong type, too big, bad fields ---
E=/api/v1/missing-episodes/$ep/interview
bad_body() {	# desc want-status want-code body [curl args]
	desc=$1
	want=$2
	wcode=$3
	shift 3
	call bb sw POST "$E" "$@"
	check_eq "$desc" "$want $wcode" "$(status bb) $(grep -o '"code":"[a-z_]*"' "$WORK/bb.b" | sed 's/.*:"\(.*\)"/\1/')"
}
bad_body "not JSON: 400 bad_json" 400 bad_json '{"ri_by":'
bad_body "JSON but not an object: 400" 400 bad_json '["ri_by"]'
bad_body "a string: 400" 400 bad_json '"ri_by"'
bad_body "empty body: 400" 400 bad_json ''
bad_body "a member given twice: 400" 400 bad_json '{"ri_by":"a","ri_by":"b"}'
bad_body "bytes that are not UTF-8: 400" 400 bad_json "$(printf '{"ri_by":"\303\050"}')"
bad_body "NUL escaped in a string: 400" 400 bad_json '{"ri_by":"a\u0000b"}'
bad_body "an unknown member: 400" 400 invalid_field '{"ri_by":"a","is_admin":true}'
bad_body "a nested object: 400" 400 invalid_field '{"ri_by":{"x":1}}'
bad_body "deep nesting: 400" 400 bad_json "{\"ri_by\":$(printf '[%.0s' $(seq 3000))$(printf ']%.0s' $(seq 3000))}"
bad_body "a number for text: 400" 400 invalid_field '{"ri_by":12}'
bad_body "a string for a flag: 400" 400 invalid_field '{"ri_independent":"yes"}'
bad_body "not a time: 400" 400 invalid_field '{"ri_held_at":"yesterday"}'
bad_body "a time in the future: 400" 400 invalid_field "{\"ri_held_at\":\"$(date -u -d "$(fnow) 2 days" +%Y-%m-%dT%H:%M:%SZ)\"}"
bad_body "a control character: 400" 400 invalid_field '{"ri_summary":"a\u0007b"}'
bad_body "text over its limit (121 bytes): 400" 400 invalid_field "{\"ri_by\":\"$(printf 'a%.0s' $(seq 121))\"}"
bad_body "an unknown outcome: 400" 400 invalid_field '{"ri_outcome":"maybe"}'
call bf sw POST "$E" '{"ri_held_at":"2001-01-01T00:00:00Z"}'
check "a rule broken: the member and the rule are named" has bf '"field":"ri_held_at"' '"rule":"mfc-order"'
call bf2 sw POST "$E" "{\"ri_summary\":\"$(printf 'b%.0s' $(seq 1001))\"}"
check "an over-long member is named" has bf2 '"field":"ri_summary"' '"rule":"mfc-text-length"'
big=$(printf 'x%.0s' $(seq 17000))
bad_body "a body over 16 KiB: 413" 413 payload_too_large "{\"ri_summary\":\"$big\"}"
head -c 70000 /dev/zero | tr '\0' 'x' >"$WORK/huge"
call huge sw POST "$E" @raw -H "Content-Type: application/json" --data-binary "@$WORK/huge"
check_eq "a body over the server's 64 KiB: 413" 413 "$(status huge)"
call ct sw POST "$E" @raw -H "Content-Type: text/plain" --data-binary '{"ri_by":"x"}'
check_eq "text/plain: 415" 415 "$(status ct)"
call ctf sw POST "$E" @raw -H "Content-Type: application/x-www-form-urlencoded" --data-binary 'ri_by=x'
check_eq "a form: 415" 415 "$(status ctf)"
call cts sw POST "$E" @raw -H "Content-Type: application/json; charset=utf-8" --data-binary '{"ri_by":"Independent advocate"}'
check_eq "application/json; charset=utf-8 is JSON" 200 "$(status cts)"
call qp sw POST "$E?x=1" '{"ri_by":"x"}'
check_eq "a write takes no query parameters: 400" 400 "$(status qp)"
call nomem sw POST /api/v1/missing-episodes/$ep/return '{}'
check "a return needs returned_at" has nomem '"field":"returned_at"'
call badnote sw POST /api/v1/alerts/$aid/resolve '{"note":""}'
check "a resolution needs a note" has badnote '"field":"note"'

# --- a write that takes the episode out of its writer's view (issue 10) ---
# C04 went missing from Tŷ Un 220 days ago and nobody recorded the return;
# the police record it as 215 days ago, older than their 90-day window:
# the change commits, and the answer is what was written, never a 404
printf 'LA,CHILD,KIND,URN,STARTED_AT\nW06000015,C04,M,W0000001,%s\n' "$(ago "220 days" | cut -c1-16)" >"$WORK/c04.csv"
check "C04's old open episode" cr missing import "$WORK/c04.csv"
old=$(sql "$db" "SELECT e.id FROM mfc_episode e JOIN child c ON c.id = e.child_id WHERE c.child_ref = 'C04'")
call old0 police GET /api/v1/missing-episodes/$old
check_eq "the police see it while it is open" 200 "$(status old0)"
call old1 police POST /api/v1/missing-episodes/$old/return \
	"{\"returned_at\":\"$(ago "215 days")\",\"returned_place\":\"Newport\"}"
check_eq "the police record the return, 215 days ago: 200" 200 "$(status old1)"
check "with the episode as written" has old1 "\"id\":$old," '"open":false' '"returned_place":"Newport"'
check_eq "stored" "1|Newport" "$(sql "$db" "SELECT returned_at IS NOT NULL, returned_place FROM mfc_episode WHERE id = $old")"
call old2 police GET /api/v1/missing-episodes/$old
check_eq "the episode itself is out of their view now" 404 "$(status old2)"

# --- CSRF: writes take a bearer token only ---
call ck none POST "$E" '{"ri_by":"x"}' -H "Cookie: cartref_session=x" -H "Origin: https://evil.example"
check_eq "a cookie never signs in a write: 401" 401 "$(status ck)"
call xo sw POST "$E" '{"ri_by":"Independent advocate"}' -H "Origin: https://other.example" -H "Sec-Fetch-Site: cross-site"
check_eq "a bearer write from another origin is the token's (no ambient credential): 200" 200 "$(status xo)"

# --- probes: SQL and markup are data ---
for v in "x' OR '1'='1" "'; DROP TABLE mfc_episode;--" '<script>alert(1)</script>' '" onmouseover="alert(1)' 'Robert"); --'; do
	esc=$(printf '%s' "$v" | sed 's/\\/\\\\/g; s/"/\\"/g')
	for f in home_actions circumstances associates locations health_needs last_seen_place; do
		call pr meadow POST /api/v1/missing-episodes/$ep/home "{\"$f\":\"$esc\"}"
		[ "$(status pr)" = 200 ] || echo "probe $f: $(status pr)" >>"$WORK/probe-fails"
		has pr "\"$f\":\"$esc\"" >/dev/null || echo "probe $f not kept" >>"$WORK/probe-fails"
	done
	for f in police_ref; do
		call pr police POST /api/v1/missing-episodes/$ep/police "{\"$f\":\"$(printf '%s' "$esc" | cut -c1-40)\"}"
		[ "$(status pr)" = 200 ] || echo "probe $f: $(status pr)" >>"$WORK/probe-fails"
	done
	for f in ri_by ri_summary; do
		call pr sw POST "$E" "{\"$f\":\"$esc\"}"
		[ "$(status pr)" = 200 ] || echo "probe $f: $(status pr)" >>"$WORK/probe-fails"
	done
	for f in agencies decisions; do
		call pr sw POST /api/v1/children/W06000015/C01/strategy-meetings "{\"held_on\":\"$(date -u -d "$(fnow)" +%Y-%m-%d)\",\"$f\":\"$esc\"}"
		[ "$(status pr)" = 201 ] || echo "probe $f: $(status pr)" >>"$WORK/probe-fails"
	done
	for f in description photo_ref health associates places; do
		call pr meadow PUT /api/v1/children/W06000015/C01/grab-pack "{\"$f\":\"$esc\"}"
		[ "$(status pr)" = 200 ] || echo "probe $f: $(status pr)" >>"$WORK/probe-fails"
	done
	# resolved by now: the note is read and checked, nothing is written
	call pr sw POST /api/v1/alerts/$aid/acknowledge "{\"note\":\"$esc\"}"
	[ "$(status pr)" = 409 ] || echo "probe note: $(status pr)" >>"$WORK/probe-fails"
	for f in risk_grade; do
		call pr police POST /api/v1/missing-episodes/$ep/police "{\"$f\":\"$esc\"}"
		[ "$(status pr)" = 400 ] || echo "probe $f: $(status pr)" >>"$WORK/probe-fails"
	done
	for f in council ref kind started_at; do
		call pr meadow POST /api/v1/missing-episodes "{\"council\":\"W06000015\",\"ref\":\"C02\",\"started_at\":\"$S\",\"$f\":\"$esc\"}"
		case "$(status pr)" in 400|404) ;; *) echo "probe report $f: $(status pr)" >>"$WORK/probe-fails" ;; esac
	done
done
check_eq "probes in every body field: stored as text or 400, never more" "" "$(cat "$WORK/probe-fails" 2>/dev/null)"
call gx meadow POST /api/v1/missing-episodes/$ep/home '{"circumstances":"<script>alert(1)</script>"}'
check "markup comes back as JSON text, not markup" has gx '<script>alert(1)</script>'
check_eq "served as JSON" "application/json" "$(header gx Content-Type)"
check_eq "never sniffed as HTML" "nosniff" "$(header gx X-Content-Type-Options)"
check_eq "the tables are still there" 1 "$(sql "$db" "SELECT count(*) FROM mfc_episode WHERE id = $ep")"
for q in "council=x%27%20OR%20%271%27%3D%271" "urn=%27%3B%20DROP%20TABLE%20mfc_episode%3B--" "council=%3Cscript%3E"; do
	call pq police GET "/api/v1/missing-episodes?$q"
	check_eq "missing-episodes ?$(echo "$q" | cut -c1-28): 200, nothing" "200 0" "$(status pq) $(num pq total)"
done
for q in "rule=%27%20OR%201%3D1--" "council=%27%20OR%201%3D1--"; do
	call pq sw GET "/api/v1/alerts?$q"
	check_eq "alerts ?$(echo "$q" | cut -c1-28): 200, nothing" "200 0" "$(status pq) $(num pq total)"
done
for q in "state=maybe" "page=0" "page_size=101" "x=1" "state=open&state=open"; do
	call pq sw GET "/api/v1/alerts?$q"
	check_eq "alerts ?$q: 400" 400 "$(status pq)"
	call pq sw GET "/api/v1/alert-items?$q"
	check_eq "alert-items ?$q: 400" 400 "$(status pq)"
done
for q in "ref=%27%20OR%201%3D1--" "home=%3Cscript%3E" "council=W06000015&ref=C01%27--"; do
	call pq sw GET "/api/v1/alert-items?$q"
	check_eq "alert-items ?$(echo "$q" | cut -c1-28): 200, nothing" "200 0" "$(status pq) $(num pq total)"
done
for q in "since=-1" "limit=0" "limit=101" "since=1&before=5" "since=abc"; do
	call pq sw GET "/api/v1/outbox?$q"
	check_eq "outbox ?$q: 400" 400 "$(status pq)"
done
for p in "/api/v1/missing-episodes/1%27%20OR%201%3D1" "/api/v1/missing-episodes/0" "/api/v1/missing-episodes/-1" \
	"/api/v1/missing-episodes/99999999999999999999" "/api/v1/alerts/1%20OR%201" \
	"/api/v1/children/W06000015/C01%27--/missing-episodes" "/api/v1/children/%3Cscript%3E/C01/grab-pack" \
	"/api/v1/children/W06000015/$(printf 'C%.0s' $(seq 300))/missing-episodes"; do
	call pp sw GET "$p"
	check_eq "$(echo "$p" | cut -c1-50): 404" 404 "$(status pp)"
done
call pp sw POST "/api/v1/missing-episodes/1%27%20OR%201%3D1/police" '{"police_ref":"x"}'
check_eq "a write to an id that is not one: 404" 404 "$(status pp)"
call meth sw DELETE /api/v1/missing-episodes/$ep
check_eq "DELETE: 405 with Allow" "405 GET, HEAD" "$(status meth) $(header meth Allow)"
call meth2 sw PATCH /api/v1/children/W06000015/C01/grab-pack '{}'
check_eq "PATCH grab pack: 405 with Allow" "405 GET, HEAD, PUT" "$(status meth2) $(header meth2 Allow)"
check_eq "no answer was a 500" "" "$(echo $fivexx)"

# --- the contract ---
ninvalid=$(printf '%s' "$invalid" | grep -c . || true)
check_eq "all $ncalls answers match docs/openapi.json" 0 "$ninvalid"
[ "$ninvalid" -eq 0 ] || printf '%s\n' "$invalid" | head -40 | sed 's/^/#   /'

stop_server
check "the server stops cleanly" test "$?" -eq 0

# --- audit: writes commit with their rows ---
check "the report is audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'change' AND actor = 'meadow@example.org' AND detail LIKE 'missing episode $ep reported%'")" -eq 1
check "refused writes are audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'change-denied' AND actor = 'police@$D'")" -ge 1
check "acknowledgements are audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'alert-ack'")" -ge 1
check "the audit trail is intact" cr audit verify
check "no token in the access log" sh -c "! grep -q cartref_ '$log'"

# --- the scheduled alerts run: an alert only time makes due ---
# returned 72 hours less 3 seconds ago: not due when recorded, due
# seconds later; only the server's scheduled run can raise it
db2=$WORK/sched.db
copy_store "$db" "$db2"
db=$db2
check "report C01 again (CLI)" cr missing report --as meadow@example.org --child W06000015/C01 \
	--started "$(ago "73 hours")"
ep2=$(sql "$db" "SELECT max(id) FROM mfc_episode")
check "returned 72 hours less 3 seconds ago" cr missing return "$ep2" --as police@$D \
	--returned "$(date -u -d "@$(($(date +%s) + CARTREF_CLOCK_OFFSET - 72 * 3600 + 3))" +%Y-%m-%dT%H:%M:%SZ)"
check_eq "no ri-72h alert yet" 0 "$(sql "$db" "SELECT count(*) FROM alert WHERE rule_id = 'ri-72h' AND episode_id = $ep2")"
: >"$log"
if start_server --alerts-every 1; then
	ok "server starts with --alerts-every 1"
	i=0
	while [ "$i" -lt 100 ] && [ "$(sql "$db" "SELECT count(*) FROM alert WHERE rule_id = 'ri-72h' AND episode_id = $ep2 AND state = 'open'")" != 1 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	check_eq "the scheduled run raised it, no CLI run" 1 \
		"$(sql "$db" "SELECT count(*) FROM alert WHERE rule_id = 'ri-72h' AND episode_id = $ep2 AND state = 'open'")"
	call sch sw GET "/api/v1/alerts?rule=ri-72h"
	check "the council sees it through the API" has sch "\"episode_id\":$ep2"
	check_grep "one log line per run" "cartref: alerts: run" "$log"
	stop_server
	check "the server (and its alerts thread) stops cleanly" test "$?" -eq 0
else
	not_ok "server starts with --alerts-every 1" "$(cat "$log")"
fi
done_testing
