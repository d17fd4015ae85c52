#!/bin/sh
# t0912: the alert rules on the quality of care (issue 13; docs/alerts.md)
# end to end through `cartref alerts`: a Priority Action Notice past its
# date, a recommendation's action past its target, an addressee with no
# update for 90 days and a home rated Poor that a placing council has not
# viewed, each raised by `alerts run --now`, listed to its organisation
# only (a provider, a health board's analyst, a council), in English and
# Welsh, cleared when done, met or viewed, and escalated; the pages and
# the API show a recommendation's alert as the recommendation (linked to
# /recommendations/ID) and a notice's as its home (/homes/URN), as
# documented.  The quality rows are written with SQL (migration 13's
# tables), as an import would.
. tests/t/lib.sh

db=$WORK/alerts.db
fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
B=tests/data/review/boundaries
PW='a long enough password'

check "fixture homes" cr import homes $B/homes.csv
check "fixture Cardiff 2018" cr import 903 --la W06000015 $B/2018/*.csv
check "fixture Cardiff 2019" cr import 903 --la W06000015 $B/2019/*.csv
check "a provider running Bryn Dau" cr user org-add --kind provider --code meadow \
	--name-en "The Meadow Trust" --provider "The Meadow Trust"
adduser() {
	echo "$PW" | cr user add --email "$1" --name "$1" --role "$2" --org "$3" --password-stdin >/dev/null
}
adduser sw@cardiff.example council_social_worker council:W06000015
adduser sw@swansea.example council_social_worker council:W06000011
adduser mgr@meadow.example home_manager provider:meadow
adduser insp@example.org inspector inspectorate:CIW
adduser analyst@example.org analyst inspectorate:CIW
adduser analyst@cav.example analyst health_board:7A4
check_eq "six users" 6 "$(sql "$db" "SELECT count(*) FROM app_user")"

# Bryn Dau (W0000002, Swansea), where Cardiff places C01: inspected on
# 1 March 2019, Care and support Poor, a notice due by 1 May and an area
# for improvement.  A recommendation made on 1 January 2019 to the
# Cardiff and Vale health board, Cardiff and The Meadow Trust; the
# board's action due by 31 May, Cardiff's update on 1 April.
sql "$db" "INSERT INTO inspection (id, urn, start_on, end_on, type, inspectors, r_wellbeing, r_care_support, r_environment, r_leadership, summary, recorded_at, recorded_by) VALUES (1, 'W0000002', '2019-03-01', '2019-03-01', 'full', 'A Inspector', 'good', 'poor', 'good', 'needs_improvement', 'Care plans not followed.', '2019-03-05T10:00:00.000Z', 'insp@example.org')" >/dev/null
sql "$db" "INSERT INTO finding (id, inspection_id, kind, regulation, text, due_on) VALUES (5, 1, 'pan', 'reg 21', 'Follow the care plans.', '2019-05-01'), (6, 1, 'afi', 'reg 59', 'Keep better records.', NULL)" >/dev/null
sql "$db" "INSERT INTO recommendation (id, code, source, source_title, made_on, theme, text_en, text_cy) VALUES (1, 'NR2019-9', 'national_review', 'The review', '2019-01-01', 'missing', 'Work together.', 'Cydweithio.')" >/dev/null
sql "$db" "INSERT INTO rec_addressee (id, rec_id, kind, code) VALUES (10, 1, 'health_board', '7A4'), (11, 1, 'council', 'W06000015'), (12, 1, 'provider', 'meadow')" >/dev/null
sql "$db" "INSERT INTO rec_action (id, addressee_id, what, who, target_on, recorded_at) VALUES (100, 10, 'A joint protocol', 'Director of nursing', '2019-05-31', '2019-02-01T10:00:00.000Z')" >/dev/null
sql "$db" "INSERT INTO rec_update (id, addressee_id, at, author, note, status) VALUES (1000, 11, '2019-04-01T09:00:00.000Z', 'sw@cardiff.example', 'Protocol drafted.', 'in_progress')" >/dev/null
sql "$db" "UPDATE rec_addressee SET status = 'in_progress', last_update_at = '2019-04-01T09:00:00.000Z' WHERE id = 11" >/dev/null

rcpts() {
	sql_list "$db" "SELECT r.org_kind || ':' || r.org_code FROM alert_recipient r JOIN alert a ON a.id = r.alert_id WHERE a.rule_id = '$1' AND a.subject_key = '$2' ORDER BY r.org_kind, r.org_code"
}
state() {
	sql "$db" "SELECT state FROM alert WHERE rule_id = '$1' AND subject_key = '$2'"
}

# ---- the rules ---------------------------------------------------------
cr alerts rules >"$WORK/rules.out"
check_eq "the notice rule, to provider and inspectorate" "alerts: provider+inspectorate; on escalation also: inspectorate" "$(grep -A3 '^pan-overdue	' "$WORK/rules.out" | sed -n 's/^  *alerts/alerts/p')"
check_eq "the action rule, to the organisation it names" "alerts: named; on escalation also: inspectorate" "$(grep -A3 '^rec-action-overdue	' "$WORK/rules.out" | sed -n 's/^  *alerts/alerts/p')"
check_grep "90 days, a parameter" "^  days = 90 days (default 90" "$WORK/rules.out"
check_grep "in Welsh" "cy: Graddiodd arolygiad diweddaraf cartref" "$WORK/rules.out"

# ---- at the boundaries ----------------------------------------------------
check "run on the notice's date" cr alerts run --now 2019-05-01T20:00Z
check_eq "on its date: in time" 0 "$(sql "$db" "SELECT count(*) FROM alert WHERE rule_id = 'pan-overdue'")"
check_eq "the Poor rating: to Cardiff, which places C01 there" "council:W06000015" "$(rcpts poor-home-unviewed home-poor:W0000002:W06000015)"
check_eq "Swansea places nobody there: none" 0 "$(sql "$db" "SELECT count(*) FROM alert WHERE subject_key LIKE 'home-poor:%:W06000011'")"
check_eq "made 1 January: no update after 90 days" "health_board:7A4" "$(rcpts rec-no-update rec-addressee:10)"
check_eq "the provider organisation: its register provider" "provider:The Meadow Trust" "$(rcpts rec-no-update rec-addressee:12)"
check_eq "Cardiff updated on 1 April: in time" "" "$(state rec-no-update rec-addressee:11)"
cr alerts run --now 2019-05-02T00:30+01:00 >"$WORK/run.out"
check_grep "the next UK day: raised" "raised 1, cleared 0" "$WORK/run.out"
check_eq "the notice, to the provider and the inspectorate" "inspectorate:CIW provider:The Meadow Trust" "$(rcpts pan-overdue finding:5)"
check_eq "an area for improvement never" 0 "$(sql "$db" "SELECT count(*) FROM alert WHERE subject_key = 'finding:6'")"
check_eq "stored as about the home" "W0000002|W0000002|3" "$(sql "$db" "SELECT urn, home_urn, severity FROM alert WHERE subject_key = 'finding:5'")"
check "a week less 1 ms after raising" cr alerts run --now 2019-05-08T23:29:59.999Z
check_eq "the notice: not escalated yet" "" "$(sql "$db" "SELECT escalated_at FROM alert WHERE subject_key = 'finding:5'")"
check "a week after" cr alerts run --now 2019-05-08T23:30Z
check_eq "escalated" "2019-05-08T23:30:00.000Z" "$(sql "$db" "SELECT escalated_at FROM alert WHERE subject_key = 'finding:5'")"
check_eq "the inspectorate told of it" 1 "$(sql "$db" "SELECT count(*) FROM outbox o JOIN alert a ON a.id = o.alert_id WHERE a.subject_key = 'finding:5' AND o.org_kind = 'inspectorate' AND o.event = 'escalated'")"
check "run after the action's target" cr alerts run --now 2019-06-03T12:00Z
check_eq "the action: to the health board" "health_board:7A4" "$(rcpts rec-action-overdue rec-action:100)"
check_eq "not about a child or a home" "||" "$(sql "$db" "SELECT child_id, urn, home_urn FROM alert WHERE subject_key = 'rec-action:100'")"
check_eq "outbox: the board told" 1 "$(sql "$db" "SELECT count(*) FROM outbox o JOIN alert a ON a.id = o.alert_id WHERE a.subject_key = 'rec-action:100' AND o.org_kind = 'health_board' AND o.event = 'raised'")"
msgs=$(sql "$db" "SELECT count(*) FROM outbox")
cr alerts run --now 2019-06-03T12:00Z >"$WORK/run2.out"
check_grep "again: nothing new" "raised 0, cleared 0, escalated 0" "$WORK/run2.out"
check_eq "no new outbox rows" "$msgs" "$(sql "$db" "SELECT count(*) FROM outbox")"

# ---- who sees what -----------------------------------------------------------
L() { cr alerts list --as "$1" --now 2019-06-03T13:00Z ${2:+--lang "$2"}; }
L analyst@cav.example >"$WORK/hb.out"
check_grep "the board's analyst: its action, an item alone" "^[0-9]*\. Recommendation NR2019-9 — Medium, overdue$" "$WORK/hb.out"
check_grep "where: the recommendation and the addressee" "^   Recommendation NR2019-9, addressed to Cardiff and Vale University Health Board$" "$WORK/hb.out"
check_grep "what happened" "An action on recommendation NR2019-9 had a target date of 31 May 2019 and is not marked done." "$WORK/hb.out"
check_grep "the board's no-update alert too" "No progress update on recommendation NR2019-9 for more than 90 days: none since it was made on 1 January 2019." "$WORK/hb.out"
check_eq "the board sees no other alert" 0 "$(grep -c 'Home\|Child' "$WORK/hb.out")"
check_grep "two items" "^# 2 of 2 items" "$WORK/hb.out"
L analyst@cav.example cy >"$WORK/hb-cy.out"
check_grep "in Welsh" "^[0-9]*\. Argymhelliad NR2019-9 — Canolig, yn hwyr$" "$WORK/hb-cy.out"
check_grep "where, in Welsh" "Argymhelliad NR2019-9, a gyfeiriwyd at Bwrdd Iechyd Prifysgol Caerdydd a'r Fro" "$WORK/hb-cy.out"
L mgr@meadow.example >"$WORK/mgr.out"
check_grep "the provider: its home's notice" "^[0-9]*\. Home Bryn Dau (W0000002) — High, overdue$" "$WORK/mgr.out"
check_grep "what the notice is" "A priority action notice from the inspection of 1 March 2019 has not been met. The provider has not responded." "$WORK/mgr.out"
check_grep "the provider's recommendation" "Recommendation NR2019-9, addressed to provider meadow" "$WORK/mgr.out"
check_eq "not the Poor-rating alert (Cardiff's)" 0 "$(grep -c 'rated Care and support Poor' "$WORK/mgr.out")"
L sw@cardiff.example >"$WORK/cardiff.out"
check_grep "Cardiff: the Poor rating" "The inspection of 1 March 2019 rated Care and support Poor. 1 child looked after by Cardiff Council is placed there today" "$WORK/cardiff.out"
check_grep "what Cardiff is to do" "To do: View the home’s record and its inspection" "$WORK/cardiff.out"
check_eq "Cardiff: not the notice, not the board's" 0 "$(grep -c 'priority action\|health board' "$WORK/cardiff.out")"
L sw@swansea.example >"$WORK/swansea.out"
check_grep "Swansea: none" "^# 0 of 0 items" "$WORK/swansea.out"
L insp@example.org >"$WORK/insp.out"
check_grep "the inspectorate: the notice" "priority action notice" "$WORK/insp.out"
check_grep "the inspectorate: the escalated no-update alerts" "No progress update on recommendation NR2019-9" "$WORK/insp.out"
check_eq "not the action, not escalated yet" 0 "$(grep -c 'An action on recommendation' "$WORK/insp.out")"
check_status "other analysts see no alerts" 1 cr alerts list --as analyst@example.org
act=$(sql "$db" "SELECT id FROM alert WHERE subject_key = 'rec-action:100'")
# ---- the pages and the API, as of that afternoon ---------------------------
clock_at "2019-06-03 13:00Z"
log=$WORK/server.log
out=$WORK/server.out
SPEC=docs/openapi.json
CHECK=$(dirname "${CARTREF_REAL:-$CARTREF}")/tools/openapi-check
SERVER_PORT_BASE=25000
. tests/t/lib-server.sh
server_up
check "the board's analyst signs in" session_start hb analyst@cav.example "$PW"
check "the home manager signs in" session_start mgr mgr@meadow.example "$PW"
get hb-home -b "$WORK/hb.jar" "$U/home"
check "the board's analyst has an Alerts link" has hb-home 'href="/alerts"'
get hb-list -b "$WORK/hb.jar" "$U/alerts"
check_eq "its alerts page" 200 "$(status hb-list)"
check "a recommendation's alert links to the recommendation" has hb-list \
	'<a class="govuk-link" href="/recommendations/1">Recommendation NR2019-9</a>' \
	"Recommendation NR2019-9, addressed to Cardiff and Vale University Health Board" \
	"Complete the action and mark it done"
check "no home link, no child" hasnt hb-list 'href="/homes/' 'href="/children/'
check "the page parses" html_ok hb-list
get hb-one -b "$WORK/hb.jar" "$U/alerts/$act"
check "one alert: the recommendation, linked" has hb-one \
	'<span class="govuk-caption-l">Recommendation NR2019-9</span>' \
	'href="/recommendations/1"' "Recommendation action past its target date"
check "it parses" html_ok hb-one
get hb-cy -b "$WORK/hb.jar" "$U/alerts?lang=cy"
check "in Welsh" has hb-cy 'Argymhelliad NR2019-9</a>'
get mgr-list -b "$WORK/mgr.jar" "$U/alerts"
check "the notice: the home, linked" has mgr-list \
	'<a class="govuk-link" href="/homes/W0000002">Bryn Dau</a>' \
	"Provider: put right what the notice requires"
pan=$(sql "$db" "SELECT id FROM alert WHERE subject_key = 'finding:5'")
get mgr-one -b "$WORK/mgr.jar" "$U/alerts/$pan"
check "one notice alert: its home, what happened" has mgr-one 'href="/homes/W0000002"' "Priority action notice past its date" \
	"A priority action notice from the inspection of 1 March 2019 has not been met."
get mgr-hb -b "$WORK/mgr.jar" "$U/alerts/$act"
check_eq "not the board's alert: 404" 404 "$(status mgr-hb)"
check "the inspector signs in" session_start in insp@example.org "$PW"
get in-home -b "$WORK/in.jar" "$U/home"
check "the inspector's home page: the notice and the escalated recommendation" has in-home \
	"Priority action notice past its date: Bryn Dau" \
	"No progress update on a recommendation: NR2019-9"
cr user token analyst@cav.example --label t0912 2>&1 | grep '^cartref_' >"$WORK/hb.tok"
get api-items -H "Authorization: Bearer $(cat "$WORK/hb.tok")" "$U/api/v1/alert-items"
check "API items: an item of its own, with its recommendation" has api-items \
	'"child":null,"home":null,"recommendation":{"id":1,"code":"NR2019-9"}'
check "API items as documented" "$CHECK" "$SPEC" response GET /api/v1/alert-items 200 "$WORK/api-items.b"
get api-one -H "Authorization: Bearer $(cat "$WORK/hb.tok")" "$U/api/v1/alerts/$act"
check "API: one alert with its recommendation" has api-one '"recommendation":{"id":1,"code":"NR2019-9"}' '"to_kind":"health_board"'
check "API alert as documented" "$CHECK" "$SPEC" response GET /api/v1/alerts/{id} 200 "$WORK/api-one.b"
stop_server
unset CARTREF_CLOCK_OFFSET
check_status "Cardiff cannot open the board's alert" 1 cr alerts show "$act" --as sw@cardiff.example
check "the board acknowledges it" cr alerts ack "$act" --as analyst@cav.example --note "protocol at the board in June" --now 2019-06-03T14:00Z
check_eq "acknowledged" acknowledged "$(state rec-action-overdue rec-action:100)"
check_eq "audited with its subject" "1" "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'alert-ack' AND subject_id = '$act rec-action:100'")"

# ---- escalation, clearing ---------------------------------------------------
cr alerts run --now 2019-06-17T11:59Z >/dev/null
check_eq "two weeks less a minute: the action not escalated" "health_board:7A4" "$(rcpts rec-action-overdue rec-action:100)"
cr alerts run --now 2019-06-17T12:00Z >/dev/null
check_eq "two weeks: the action escalates to the inspectorate" "health_board:7A4 inspectorate:CIW" "$(rcpts rec-action-overdue rec-action:100)"
L insp@example.org >"$WORK/insp2.out"
check_grep "and it lists it" "Recommendation NR2019-9, addressed to Cardiff and Vale University Health Board" "$WORK/insp2.out"
sql "$db" "INSERT INTO home_view (urn, kind, code, at) VALUES ('W0000002', 'council', 'W06000015', '2019-06-18T09:00:00.000Z')" >/dev/null
sql "$db" "UPDATE finding SET status = 'met', judged_on = '2019-06-18' WHERE id = 5" >/dev/null
sql "$db" "UPDATE rec_action SET done_on = '2019-06-18' WHERE id = 100" >/dev/null
cr alerts run --now 2019-06-18T12:00Z >"$WORK/run3.out"
check_eq "Cardiff viewed the record: cleared" cleared "$(state poor-home-unviewed home-poor:W0000002:W06000015)"
check_eq "the notice met: cleared" cleared "$(state pan-overdue finding:5)"
check_eq "the action done: cleared" cleared "$(state rec-action-overdue rec-action:100)"
check_eq "Cardiff told it cleared" 1 "$(sql "$db" "SELECT count(*) FROM outbox o JOIN alert a ON a.id = o.alert_id WHERE a.subject_key = 'home-poor:W0000002:W06000015' AND o.event = 'cleared'")"
check_eq "a replay before: the notice open again" open "$(cr alerts run --now 2019-06-17T12:00Z >/dev/null; state pan-overdue finding:5)"

# ---- the horizon: a notice more than a year past its date, found first ----
copy_store "$db" "$WORK/old.db"
sql "$WORK/old.db" "DELETE FROM outbox; DELETE FROM alert_recipient; DELETE FROM alert; UPDATE finding SET status = 'open', judged_on = NULL WHERE id = 5" >/dev/null
"$CARTREF" --db "$WORK/old.db" alerts run --now 2020-04-30T12:00Z >/dev/null
check_eq "365 days after its date: news" open "$(sql "$WORK/old.db" "SELECT state FROM alert WHERE subject_key = 'finding:5'")"
sql "$WORK/old.db" "DELETE FROM outbox; DELETE FROM alert_recipient; DELETE FROM alert" >/dev/null
"$CARTREF" --db "$WORK/old.db" alerts run --now 2020-05-01T12:00Z >/dev/null
check_eq "366 days: history" historical "$(sql "$WORK/old.db" "SELECT state FROM alert WHERE subject_key = 'finding:5'")"
check_eq "told to nobody" 0 "$(sql "$WORK/old.db" "SELECT count(*) FROM outbox o JOIN alert a ON a.id = o.alert_id WHERE a.subject_key = 'finding:5'")"
done_testing
