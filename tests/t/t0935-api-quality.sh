#!/bin/sh
# t0935: the quality of care over the JSON API (issue 13; docs/api.md
# "Quality of care"): inspections with findings, the provider's response,
# the inspector's judgement, reg 60 notifications, and the
# recommendations register with an addressee's actions, updates and the
# inspectorate's verdict.  On the review fixture with one user per role
# and a second provider, police force and council (as t0930), it walks
# the flow: an inspector records an inspection of Bryn Dau with a
# priority action notice, the home's provider responds, the inspector
# judges it met; the home files a notification; Cardiff adds an action
# and an update saying "done" to a recommendation, the inspector rejects
# it with a reason.  Then every route x every role answers exactly the
# status the matrices say (allowed, 403 for a role that may never, 404
# out of scope exactly like nonexistent), each refusal audited; every
# answer matches docs/openapi.json; bad bodies are 400 naming the field;
# the changes are audited and the trail verifies.
#
# The register is seeded with SQL: recommendations are added by the
# demo data and the import (docs/inspections.md), not by this API.
# Dates are relative to the test's clock (the summer after the
# fixture's returns, when C01 is placed at Bryn Dau, W0000002, The Meadow
# Trust's home in Swansea).
. tests/t/lib.sh
clock_at "2019-08-15 12:00Z"

db=$WORK/quality.db
log=$WORK/server.log
out=$WORK/server.out
B=$DATA/review/boundaries
SPEC=docs/openapi.json
CHECK=$(dirname "${CARTREF_REAL:-$CARTREF}")/tools/openapi-check
D=demo.cartref.wales
H=W0000002

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
	cr user token "$2" --label "t0935" 2>&1 | grep '^cartref_' >"$WORK/$1.tok"
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

day() { date -u -d "$(fnow) $1" +%Y-%m-%d; }
ORCHARD=$(sql "$db" "SELECT code FROM org WHERE kind = 'provider' AND code <> 'meadow'" | head -1)
# two recommendations, the second repeating the first; the second is
# addressed to all councils (the fixture's two), a police force and the
# demo home manager's provider
sql "$db" "INSERT INTO recommendation (id, code, source, source_title, made_on, theme, text_en, text_cy, all_councils) VALUES
 (1, 'NR-A', 'national_review', 'Review A', '$(day '800 days ago')', 'missing', 'Offer every child a return interview.', 'Cynnig cyfweliad dychwelyd i bob plentyn.', 1),
 (2, 'NR-B', 'thematic_review', 'Review B <i>', '$(day '30 days ago')', 'missing', 'Offer every child a return interview <b>within 72 hours</b>.', 'Cynnig cyfweliad dychwelyd o fewn 72 awr.', 1)" >/dev/null
sql "$db" "INSERT INTO rec_repeat (rec_id, earlier_id) VALUES (2, 1)" >/dev/null
sql "$db" "INSERT INTO rec_addressee (id, rec_id, kind, code) VALUES
 (10, 2, 'council', 'W06000015'), (11, 2, 'council', 'W06000011'),
 (12, 2, 'police', 'south-wales'), (13, 2, 'provider', '$ORCHARD'),
 (14, 1, 'council', 'W06000015')" >/dev/null
check_eq "the register is seeded" 5 "$(sql "$db" "SELECT count(*) FROM rec_addressee")"

check "the OpenAPI checker is built" test -x "$CHECK"
check "docs/openapi.json is a sound OpenAPI 3.0 description" "$CHECK" "$SPEC" lint
"$CHECK" "$SPEC" routes | sort >"$WORK/spec-routes"
sed -n 's/.*{ HTTP_\([A-Z]*\), "\(\/api\/v1\/[^"]*\)".*/\1 \2/p' src/web/router.c | sort >"$WORK/router-routes"
check "every /api/v1 route and method is documented, and only those" diff "$WORK/router-routes" "$WORK/spec-routes"

SERVER_PORT_BASE=21500
. tests/t/lib-server.sh

server_up

# call NAME ROLE METHOD PATH [BODY]: as t0930 (every answer checked
# against docs/openapi.json, collected in $invalid; 5xx in $fivexx)
ncalls=0
invalid=""
fivexx=""
call() {
	name=$1
	role=$2
	meth=$3
	path=$4
	shift 4
	if [ $# -gt 0 ]; then
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
	if ! "$CHECK" "$SPEC" response "$meth" "$path" "$code" "$WORK/$name.b" >"$WORK/$name.err" 2>&1; then
		invalid="$invalid
$role $meth $path $code: $(head -5 "$WORK/$name.err")"
	fi
	case "$code" in
	5*) fivexx="$fivexx $role:$meth:$path" ;;
	esac
}
has() {
	f=$WORK/$1.b
	shift
	for t in "$@"; do
		grep -qF -- "$t" "$f" || { echo "no '$t' in $f: $(head -c 600 "$f")"; return 1; }
	done
}
num() {
	grep -o "\"$2\":[0-9]*" "$WORK/$1.b" | head -1 | sed 's/^[^:]*://'
}
# field NAME: "STATUS FIELD" of a 400 naming a member
field() {
	echo "$(status "$1") $(grep -o '"field":"[a-z_]*"' "$WORK/$1.b" | sed 's/.*:"\(.*\)"/\1/')"
}

# --- the flow ---
START=$(day '3 days ago')
DUE=$(day '20 days')
call ins inspector POST /api/v1/homes/$H/inspections \
	"{\"start_on\":\"$START\",\"type\":\"full\",\"inspectors\":\"A. Jones\",\"rating_wellbeing\":\"good\",\"rating_care_support\":\"good\",\"rating_environment\":\"needs_improvement\",\"rating_leadership\":\"poor\",\"summary\":\"Staff do not know the missing protocol.\",\"findings\":[{\"kind\":\"pan\",\"regulation\":\"reg 21\",\"text\":\"Train every member of staff in the missing protocol.\",\"due_on\":\"$DUE\"},{\"kind\":\"afi\",\"regulation\":\"reg 44\",\"text\":\"Keep the records up to date.\"}]}"
check_eq "the inspector records an inspection: 201" 201 "$(status ins)"
iid=$(num ins id)
check "with its ratings and two findings" has ins '"type":"full"' \
	'"ratings":{"wellbeing":"good","care_support":"good","environment":"needs_improvement","leadership":"poor"}' \
	'"kind":"pan","regulation":"reg 21"' '"kind":"afi","regulation":"reg 44"' "\"due_on\":\"$DUE\""
fid=$(grep -o '"findings":\[{"id":[0-9]*' "$WORK/ins.b" | sed 's/.*://')
check "the notice has an id" test -n "$fid"
call list meadow GET /api/v1/homes/$H/inspections
check "the home's provider sees it" has list "\"id\":$iid," '"status":"open"' '"outstanding":true' '"overdue":false'
call one sw GET /api/v1/inspections/$iid
check "so does the council placing C01 there" has one "\"id\":$iid," '"urn":"W0000002"'
call rsp meadow POST /api/v1/findings/$fid/response \
	"{\"response\":\"Training booked for every member of staff.\",\"target_on\":\"$(day '10 days')\"}"
check_eq "the provider responds: 200" 200 "$(status rsp)"
check "the notice is responded, with the plan" has rsp '"status":"responded"' \
	'"response":"Training booked for every member of staff."' '"responded_by":"meadow@example.org"'
call jdg0 inspector POST /api/v1/findings/$fid/judge "{\"status\":\"met\",\"inspection_id\":$iid}"
check_eq "judged at its own inspection: 400 naming it" "400 inspection_id" "$(field jdg0)"
call jdg inspector POST /api/v1/findings/$fid/judge '{"status":"met"}'
check "the inspector judges it met" has jdg '"status":"met"' "\"judged_on\":\"$(day now)\"" '"outstanding":false'
call nf meadow POST /api/v1/homes/$H/notifications \
	"{\"category\":\"police\",\"occurred_at\":\"$(date -u -d "$(fnow) 2 hours ago" +%Y-%m-%dT%H:%M:%SZ)\",\"council\":\"W06000015\",\"ref\":\"C01\",\"summary\":\"Police called to the home.\",\"action\":\"Manager on site.\"}"
check_eq "the home files a notification: 201" 201 "$(status nf)"
nid=$(num nf id)
call nl sw GET /api/v1/homes/$H/notifications
check "the child's council sees it" has nl "\"id\":$nid," '"category":"police"' '"ref":"C01"'
call nl2 inspector GET "/api/v1/homes/$H/notifications?since=$(day '1 day')"
check_eq "since tomorrow: none" '{"urn":"W0000002","notifications":[]}' "$(cat "$WORK/nl2.b")"

call recs sw GET /api/v1/recommendations
check "the register: times made through its repeats, since the first" has recs '"code":"NR-B"' \
	'"repeats":[1]' '"times_made":2' "\"made_since\":\"$(day '800 days ago')\""
check "counted by kind, with Cardiff's own row" has recs '"counts_by_kind":{"council":{"addressees":2,' \
	'"your_addressees":[{"id":10,' '"yours":true'
call recs-t sw GET "/api/v1/recommendations?theme=education"
check_eq "a theme filter" '{"recommendations":[]}' "$(cat "$WORK/recs-t.b")"
call recs-x sw GET "/api/v1/recommendations?theme=nonsense"
check_eq "a theme that is not one: 400" 400 "$(status recs-x)"
call act sw POST /api/v1/recommendations/2/addressees/10/actions \
	"{\"what\":\"Commission an independent return interview service.\",\"who\":\"Head of children's services\",\"target_on\":\"$(day '5 days ago')\"}"
check_eq "Cardiff adds an action: 201" 201 "$(status act)"
check "already overdue" has act '"overdue":true' '"overdue_actions":1' '"who":"Head of children'"'"'s services"'
acid=$(grep -o '"actions":\[{"id":[0-9]*' "$WORK/act.b" | sed 's/.*://')
call upd sw POST /api/v1/recommendations/2/addressees/10/updates \
	'{"note":"Service live since May; audit in the board minutes.","status":"done"}'
check "then an update: done" has upd '"status":"done"' '"note":"Service live since May; audit in the board minutes."'
call dn sw POST /api/v1/recommendations/2/actions/$acid/done '{}'
check "and marks the action done" has dn "\"done_on\":\"$(day now)\"" '"overdue_actions":0'
call vd inspector POST /api/v1/recommendations/2/addressees/10/verdict '{"verdict":"rejected"}'
check_eq "a rejection without a reason: 400 naming reason" "400 reason" "$(field vd)"
call vd inspector POST /api/v1/recommendations/2/addressees/10/verdict \
	'{"verdict":"rejected","reason":"No evidence that interviews are held within 72 hours."}'
check "the inspector rejects it with a reason" has vd '"verdict":"rejected"' \
	'"verdict_reason":"No evidence that interviews are held within 72 hours."' "\"verdict_by\":\"inspector@$D\""
call vd2 inspector POST /api/v1/recommendations/2/addressees/11/verdict '{"verdict":"accepted"}'
check_eq "a verdict on a row not done: 400" 400 "$(status vd2)"
call one-r analyst GET /api/v1/recommendations/2
check "one recommendation in full: every addressee, actions and updates" has one-r \
	'"addressees":[{"id":' '"id":10,"recommendation_id":2,"kind":"council","code":"W06000015","name_en":"Cardiff","name_cy":"Caerdydd","yours":false' \
	'"actions":[{' '"updates":[{' '"repeated_by":[]'
call one-r1 analyst GET /api/v1/recommendations/1
check "the earlier one is repeated by the later" has one-r1 '"repeated_by":[2]' '"times_made":1'

# --- every route x role: the exact status; each refusal audited ---
. tests/t/lib-audit.sh
subject_re() {
	echo '^(home-record|inspection|finding|notifications?|recommendations?|rec-addressee|rec-action)(:|$)'
}
# run_matrix AUDITED: the table on standard input; AUDITED "no" for the
# register, which names no child and is not audited
run_matrix() {
	audited=$1
	while read -r meth path body want; do
		[ -n "$path" ] || continue
		[ "$body" = - ] && body=""
		got=""
		unaudited=""
		for r in $ROLES none; do
			since=$(audit_head)
			if [ -n "$body" ]; then
				call m "$r" "$meth" "$path" "$body"
			else
				call m "$r" "$meth" "$path"
			fi
			got="$got $(status m)"
			[ "$audited" = no ] ||
				unaudited="$unaudited$(audited_refusal "$r" "$meth" "$(status m)" "$(subject_re)" "$since")"
		done
		check_eq "$meth $path by role" "$want" "$(echo $got)"
		[ "$audited" = no ] ||
			check_eq "$meth $path: every refusal audited" "" "$unaudited"
	done
}
# columns: inspector analyst sw placements orchard meadow police dyfed
# swansea admin, then no token
run_matrix yes <<EOF
GET /api/v1/homes/$H/inspections          - 200 403 200 200 404 200 403 403 200 403 401
GET /api/v1/homes/W9999999/inspections    - 404 403 404 404 404 404 403 403 404 403 401
GET /api/v1/inspections/$iid              - 200 403 200 200 404 200 403 403 200 403 401
GET /api/v1/inspections/99999             - 404 403 404 404 404 404 403 403 404 403 401
GET /api/v1/homes/$H/notifications        - 200 403 200 200 404 200 403 403 200 403 401
POST /api/v1/homes/$H/inspections {"start_on":"$START","type":"focused","inspectors":"B.Evans"} 201 403 403 403 403 403 403 403 403 403 401
POST /api/v1/findings/$fid/judge {"status":"not_met"} 200 403 403 403 403 403 403 403 403 403 401
POST /api/v1/findings/$fid/response {"response":"Plan."} 403 403 403 403 404 200 403 403 403 403 401
POST /api/v1/homes/$H/notifications {"category":"other","occurred_at":"${START}T10:00:00Z","summary":"Fire-alarm."} 403 403 403 403 404 201 403 403 403 403 401
POST /api/v1/recommendations/2/addressees/10/actions {"what":"x","who":"y","target_on":"$DUE"} 403 403 201 201 404 404 404 404 404 403 401
POST /api/v1/recommendations/2/addressees/12/updates {"note":"Started.","status":"in_progress"} 403 403 404 404 404 404 201 404 404 403 401
POST /api/v1/recommendations/2/actions/$acid/done {} 403 403 200 200 404 404 404 404 404 403 401
POST /api/v1/recommendations/2/addressees/10/verdict {"verdict":"accepted"} 200 403 403 403 403 403 403 403 403 403 401
EOF
run_matrix no <<EOF
GET /api/v1/recommendations               - 200 200 200 200 200 200 200 200 200 403 401
GET /api/v1/recommendations/2             - 200 200 200 200 200 200 200 200 200 403 401
GET /api/v1/recommendations/99999         - 404 404 404 404 404 404 404 404 404 403 401
POST /api/v1/recommendations/2/addressees/14/actions {"what":"x","who":"y","target_on":"$DUE"} 404 404 404 404 404 404 404 404 404 403 401
POST /api/v1/recommendations/2/actions/99999/done {} 404 404 404 404 404 404 404 404 404 403 401
EOF
call rsp2 meadow POST /api/v1/findings/$fid/response '{"response":"Again."}'
check_eq "judged not met it can be answered again, met no more" 200 "$(status rsp2)"
call jdg2 inspector POST /api/v1/findings/$fid/judge '{"status":"met"}'
call rsp3 meadow POST /api/v1/findings/$fid/response '{"response":"Again."}'
check_eq "a response to a finding met: 400 naming it" "400 response" "$(field rsp3)"
call x1 orchard GET /api/v1/homes/$H/inspections
call x2 orchard GET /api/v1/homes/W9999999/inspections
check "a home out of scope reads exactly as one that does not exist" cmp "$WORK/x1.b" "$WORK/x2.b"

# --- bodies: 400 naming the member ---
P=/api/v1/homes/$H/inspections
bad() {	# desc want body
	call bb inspector POST "$P" "$3"
	check_eq "$1" "$2" "$(field bb)"
}
call bj inspector POST "$P" '{"start_on":'
check_eq "not JSON: 400 bad_json" "400 bad_json" "$(status bj) $(grep -o '"code":"[a-z_]*"' "$WORK/bj.b" | sed 's/.*:"\(.*\)"/\1/')"
bad "no start: 400 start_on" "400 start_on" '{"type":"full"}'
bad "not a date: 400 start_on" "400 start_on" '{"start_on":"yesterday","type":"full"}'
bad "no type: 400 type" "400 type" "{\"start_on\":\"$START\"}"
bad "an unknown type: 400 type" "400 type" "{\"start_on\":\"$START\",\"type\":\"surprise\"}"
bad "an unknown rating: 400 rating_wellbeing" "400 rating_wellbeing" "{\"start_on\":\"$START\",\"type\":\"focused\",\"rating_wellbeing\":\"great\"}"
bad "findings not an array: 400 findings" "400 findings" "{\"start_on\":\"$START\",\"type\":\"focused\",\"findings\":{}}"
bad "a finding not an object: 400 findings" "400 findings" "{\"start_on\":\"$START\",\"type\":\"focused\",\"findings\":[1]}"
bad "a finding with a member it does not take: 400 findings" "400 findings" "{\"start_on\":\"$START\",\"type\":\"focused\",\"findings\":[{\"kind\":\"afi\",\"regulation\":\"reg 1\",\"text\":\"x\",\"sql\":1}]}"
bad "a finding without its text: 400 text" "400 text" "{\"start_on\":\"$START\",\"type\":\"focused\",\"findings\":[{\"kind\":\"afi\",\"regulation\":\"reg 1\"}]}"
bad "a finding of no kind: 400 kind" "400 kind" "{\"start_on\":\"$START\",\"type\":\"focused\",\"findings\":[{\"kind\":\"bad\",\"regulation\":\"reg 1\",\"text\":\"x\"}]}"
bad "an unknown member: 400" "400 " '{"start_on":"2019-01-01","type":"full","is_admin":true}'
call bn meadow POST /api/v1/homes/$H/notifications "{\"category\":\"fireworks\",\"occurred_at\":\"$START\",\"summary\":\"x\"}"
check_eq "a notification of no category: 400 category" "400 category" "$(field bn)"
call bn2 meadow POST /api/v1/homes/$H/notifications '{"category":"other","summary":"x"}'
check_eq "a notification without its time: 400 occurred_at" "400 occurred_at" "$(field bn2)"
call ba sw POST /api/v1/recommendations/2/addressees/10/actions "{\"what\":\"x\",\"target_on\":\"$DUE\"}"
check_eq "an action without who: 400 who" "400 who" "$(field ba)"
call bu sw POST /api/v1/recommendations/2/addressees/10/updates '{"note":"x","status":"finished"}'
check_eq "an update of no status: 400 status" "400 status" "$(field bu)"
call bv inspector POST /api/v1/recommendations/2/addressees/10/verdict '{"verdict":"maybe"}'
check_eq "a verdict that is not one: 400 verdict" "400 verdict" "$(field bv)"
call bj2 inspector POST /api/v1/findings/$fid/judge '{"status":"responded"}'
check_eq "a judgement other than met or not met: 400 status" "400 status" "$(field bj2)"
call bx sw POST /api/v1/recommendations/2/addressees/10/updates '{"note":"<script>alert(1)</script> '"'"'; DROP TABLE rec_update; --","status":"in_progress"}'
check "text is stored as given, never as SQL" has bx 'DROP TABLE rec_update'
check_eq "no 5xx" "" "$fivexx"
check_eq "all $ncalls answers match docs/openapi.json" "" "$invalid"

# --- audit: every change with its row, refusals too ---
check "the inspection is audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'change' AND actor = 'inspector@$D' AND subject_kind = 'inspection' AND subject_id = '$iid'")" -ge 1
check "the response is audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'change' AND actor = 'meadow@example.org' AND subject_kind = 'finding' AND subject_id = '$fid'")" -ge 1
check "the notification is audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'change' AND subject_kind = 'notification' AND subject_id = '$nid'")" -ge 1
check "the follow-up is audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'change' AND actor = 'social-worker@$D' AND subject_kind = 'rec-addressee'")" -ge 3
check "the verdict is audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'change' AND actor = 'inspector@$D' AND subject_kind = 'rec-addressee' AND subject_id = '10'")" -ge 1
check "reading a home's record is audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'view' AND actor = 'meadow@example.org' AND subject_kind = 'home-record' AND subject_id = '$H'")" -ge 1
check "refused writes are audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'change-denied' AND actor = 'police@$D'")" -ge 1
stop_server
check "the audit trail is intact" cr audit verify
done_testing
