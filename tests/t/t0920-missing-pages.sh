#!/bin/sh
# t0920: the pages for missing from care and alerts (issue 5) over real
# HTTP, as the demo users: the home manager reports a child missing
# (report form, error summary, values kept), keeps the grab pack; the
# police see the episode on their home page and the grab pack while the
# child is missing, grade it and record the return (4 days before now:
# the server runs on the real clock, so the 72-hour rule fires); the
# social worker sees the episode and the alert "Return interview not
# held in time", records the interview (held late, so the alert stays),
# acknowledges it with a note and resolves it.  Role checks: an analyst
# gets no episode, no alerts and no grab pack; another council's social
# worker gets 404; the police lose the grab pack once the child is back;
# a POST without the CSRF token is 403; an XSS payload is shown escaped;
# Welsh; every page parses; the audit trail stays intact.  The alerts
# list (issue 9) shows one row per child with its reasons, urgency, where,
# when it was due and what to do, in plain words, with filters and a
# count that matches the CLI's and the API's; a person can acknowledge
# all of a child's open alerts at once (audited per alert).
#
# Data: the boundaries fixture (Cardiff's C01..C07, homes W0000001..3),
# with C08 added to Cardiff's 2019 return, placed at W0000001 (Orchard
# Care Ltd, the demo home manager's provider, in South Wales Police's
# area) and still there today.
. tests/t/lib.sh
# the summer after the fixture's returns (base/clock.h): C08 is 9
clock_at "2019-08-15 12:00Z"

db=$WORK/mp.db
log=$WORK/server.log
out=$WORK/server.out
PW=demo-only-cartref
D=demo.cartref.wales
B=$DATA/review/boundaries
C08=/children/W06000015/C08
. tests/t/lib-audit.sh

fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
mkdir -p "$WORK/c2019"
cp $B/2019/*.csv "$WORK/c2019/"
echo "C08,2,01/05/2010,WBRI,UN1,," >>"$WORK/c2019/header.csv"
echo "C08,01/06/2018,S,C2,N1,K2,PR4,,,,CF10 1AA,CF14 3AA,W0000001" >>"$WORK/c2019/episodes.csv"
check "fixture homes" cr import homes $B/homes.csv
check "fixture Cardiff 2018" cr import 903 --la W06000015 $B/2018/*.csv
check "fixture Cardiff 2019 with C08 at W0000001" cr import 903 --la W06000015 "$WORK"/c2019/*.csv
check "one demo user per role" cr user demo
check "a Swansea social worker" sh -c "echo 'a long enough password' | \"$CARTREF\" --db \"$db\" user add --email sw@swansea.test --name 'Swansea SW' --role council_social_worker --org council:W06000011 --password-stdin"

SERVER_PORT_BASE=22000
. tests/t/lib-server.sh

server_up

# as WHO NAME CURL-ARGS...: a request with WHO's session
as() {
	who=$1
	shift
	name=$1
	shift
	get "$name" -b "$WORK/$who.jar" "$@"
}
# when NAME DAYS HOURS: the five boxes of a date and time DAYS days and
# HOURS hours before now, as a clock in the UK shows it (the forms take
# UK local time), as curl arguments
when() {
	t="-$2 days -$3 hours"
	b=$(fnow)
	echo "-d $1-day=$(uk -d "$b $t" +%d) -d $1-month=$(uk -d "$b $t" +%m)" \
		"-d $1-year=$(uk -d "$b $t" +%Y) -d $1-hour=$(uk -d "$b $t" +%H)" \
		"-d $1-minute=$(uk -d "$b $t" +%M)"
}
uk() { TZ=Europe/London date "$@"; }

check "the home manager signs in" session_start hm "home-manager@$D" "$PW"
check "the police coordinator signs in" session_start po "police@$D" "$PW"
check "the social worker signs in" session_start sw "social-worker@$D" "$PW"
check "the analyst signs in" session_start an "analyst@$D" "$PW"
check "the Swansea social worker signs in" session_start sa "sw@swansea.test" "a long enough password"

# ---- the home reports C08 missing -------------------------------------------
as hm c1 "$U$C08"
check_eq "the child's record for the home manager" 200 "$(status c1)"
check "a Report missing or away button" has c1 "href=\"$C08/missing/new\"" "Report missing or away"
check "a link to keep the grab pack" has c1 "href=\"$C08/grab-pack\""
as sw c1s "$U$C08"
check "no report button for the social worker" hasnt c1s "/missing/new"
since=$(audit_head)
as an nf "$U$C08/missing/new"
check_eq "an analyst: the report form is 404" 404 "$(status nf)"
check_eq "audited: view-denied, the child asked for" "" "$(refusal_row "analyst@$D" view-denied '^child:W06000015/C08$' "$since")"
since=$(audit_head)
as sw nf2 "$U$C08/missing/new"
check_eq "the social worker: the report form is 404" 404 "$(status nf2)"
check_eq "audited: view-denied, the child asked for " "" "$(refusal_row "social-worker@$D" view-denied '^child:W06000015/C08$' "$since")"

as hm gp0 "$U$C08/grab-pack"
check_eq "the grab pack form for the home" 200 "$(status gp0)"
tok=$(form_token gp0)
as hm gp1 --data-urlencode "csrf=$tok" --data-urlencode "description=slim, 5ft, dark hair" \
	--data-urlencode "photo_ref=CF-PH-118" --data-urlencode "places=Cardiff Bay" "$U$C08/grab-pack"
check_eq "the home writes the grab pack: 303" 303 "$(status gp1)"
as po gpp "$U$C08/grab-pack"
check_eq "the police: no grab pack before the child is missing" 404 "$(status gpp)"

as hm n0 "$U$C08/missing/new"
check_eq "the report form" 200 "$(status n0)"
check "with its fields, labelled" has n0 'for="started_at-day"' 'name="kind"' 'for="circumstances"' 'name="exploitation"'
check "the report form parses" html_ok n0
tok=$(form_token n0)
as hm n1 -d kind=M $(when started_at 5 0) "$U$C08/missing/new"
check_eq "no CSRF token: 403" 403 "$(status n1)"
as hm n2 --data-urlencode "csrf=$tok" -d started_at-day=31 -d started_at-month=2 \
	-d started_at-year=2019 -d started_at-hour=10 -d started_at-minute=00 \
	--data-urlencode "circumstances=kept <b>text</b>" "$U$C08/missing/new"
check_eq "bad input: 400" 400 "$(status n2)"
check "an error summary linking to the fields" has n2 'govuk-error-summary' \
	'href="#kind"' 'href="#started_at-day"' 'govuk-form-group--error'
check "the values typed are kept, escaped" has n2 'kept &lt;b&gt;text&lt;/b&gt;' 'value="31"'
check "the error page's title says so" has n2 '<title>Error: '
check "the error page parses" html_ok n2
# UK local time: the hour the clocks skip in March, the one they repeat in
# October (2025: forward on 30 March, back on 26 October)
as hm n2g --data-urlencode "csrf=$tok" -d kind=M -d started_at-day=30 -d started_at-month=3 \
	-d started_at-year=2025 -d started_at-hour=01 -d started_at-minute=30 "$U$C08/missing/new"
check_eq "a time the clocks skipped: 400" 400 "$(status n2g)"
check "saying it did not happen" has n2g "01:30 did not happen on 30 March 2025" "such as 02:30"
as hm n2r --data-urlencode "csrf=$tok" -d started_at-day=26 -d started_at-month=10 \
	-d started_at-year=2025 -d started_at-hour=01 -d started_at-minute=30 "$U$C08/missing/new"
check_eq "a time the clocks repeated, without saying which: 400" 400 "$(status n2r)"
check "asking which, with a choice of BST or GMT" has n2r "01:30 happened twice on 26 October 2025" \
	'name="started_at-zone"' 'value="bst"' 'value="gmt"'
check "the choice page parses" html_ok n2r
as hm n2z --data-urlencode "csrf=$tok" -d started_at-day=26 -d started_at-month=10 \
	-d started_at-year=2025 -d started_at-hour=01 -d started_at-minute=30 \
	-d started_at-zone=gmt "$U$C08/missing/new"
check "the time with its zone is taken (only the kind is missing)" has n2z 'href="#kind"'
check "no problem with the time" hasnt n2z 'href="#started_at-day"'
as hm n2w --data-urlencode "csrf=$tok" -d started_at-day=26 -d started_at-month=10 \
	-d started_at-year=2025 -d started_at-hour=01 -d started_at-minute=30 "$U$C08/missing/new?lang=cy"
check "in Welsh too" has n2w "ddwywaith ar 26 Hydref 2025"
XSS='<script>alert("x")</script>'
as hm n3 --data-urlencode "csrf=$tok" -d kind=M $(when started_at 5 0) \
	$(when last_seen_at 5 1) --data-urlencode "last_seen_place=Queen Street" \
	--data-urlencode "circumstances=$XSS" --data-urlencode "home_actions=searched, rang police" \
	-d exploitation=yes --data-urlencode "associates=older males in a car" "$U$C08/missing/new"
check_eq "the report: 303" 303 "$(status n3)"
ep=$(location n3 | sed -n 's|^/missing/\([0-9]*\)?saved=report$|\1|p')
check "to the episode's page" test -n "$ep"
check_eq "stored once, M, from W0000001, exploitation" "M|W0000001|1" \
	"$(sql "$db" "SELECT kind, urn, exploitation FROM mfc_episode")"
as hm e1 "$U/missing/$ep?saved=report"
check_eq "the episode page for the home" 200 "$(status e1)"
check "with the Reported banner" has e1 "govuk-notification-banner--success" "Reported."
check "the XSS payload is shown escaped" has e1 '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
check "and never as markup" hasnt e1 '<script>alert'
check "the home's section has its form" has e1 "action=\"/missing/$ep/home\"" "action=\"/missing/$ep/return\""
check "but not the police's or the council's" hasnt e1 "/missing/$ep/police\"" "/missing/$ep/interview\"" "/missing/$ep/meeting\""
check "the episode page parses" html_ok e1
as hm c2 "$U$C08"
check "the child's record links the open episode" has c2 "href=\"/missing/$ep\"" "This child is missing now"
check "and offers no second report" hasnt c2 "/missing/new"
as hm r2 --data-urlencode "csrf=$tok" -d kind=M $(when started_at 1 0) "$U$C08/missing/new"
check_eq "a second report while missing: 400" 400 "$(status r2)"
check "saying so" has r2 "already missing or away"

# ---- the police ---------------------------------------------------------------
as po h1 "$U/home"
check "the police's home page: find the child, first thing" has h1 "href=\"/missing/$ep\"" "data-cartref=\"do-first\"" "Grade the risk: C08"
as po e2 "$U/missing/$ep"
check_eq "the episode for the police" 200 "$(status e2)"
check "with the police's form" has e2 "action=\"/missing/$ep/police\"" 'name="risk_grade"'
check "the interview summary is not shown to the police" has e2 "not shown"
as po gp2 "$U$C08/grab-pack"
check_eq "the grab pack for the police while missing" 200 "$(status gp2)"
check "with the description" has gp2 "slim, 5ft, dark hair" "CF-PH-118"
check "read only" hasnt gp2 'name="description"'
tok=$(form_token e2)
as po p0 --data-urlencode "csrf=$tok" -d police_ref=SWP-1 "$U/missing/$ep/police"
check_eq "no risk grade: 400" 400 "$(status p0)"
check "Select the risk grade" has p0 'href="#risk_grade"' "Select the risk grade"
as po p1 --data-urlencode "csrf=$tok" -d police_ref=SWP-19-0042 -d risk_grade=high "$U/missing/$ep/police"
check_eq "the police grade it: 303" 303 "$(status p1)"
check_eq "back to the episode's police section" "/missing/$ep?saved=police" "$(location p1)"
check_eq "stored" "high|SWP-19-0042" "$(sql "$db" "SELECT risk_grade, police_ref FROM mfc_episode")"
as po e3 "$U/missing/$ep?saved=police"
check "a Saved banner" has e3 "govuk-notification-banner--success" "Saved"
as po p2 --data-urlencode "csrf=$tok" -d returned_at-day=1 -d returned_at-month=1 -d returned_at-year=2019 \
	-d returned_at-hour=10 -d returned_at-minute=00 "$U/missing/$ep/return"
check_eq "a return before the start: 400" 400 "$(status p2)"
check "saying so" has p2 "must be after they went missing"

as sw h2 "$U/home"
check "the social worker's home page lists the open episode" has h2 "href=\"/missing/$ep\""

as po p3 --data-urlencode "csrf=$tok" $(when returned_at 4 1) \
	--data-urlencode "returned_place=Cardiff Central station" "$U/missing/$ep/return"
check_eq "the police record the return, 4 days ago: 303" 303 "$(status p3)"
as po gp3 "$U$C08/grab-pack"
check_eq "the grab pack is gone for the police once the child is back" 404 "$(status gp3)"

# ---- the social worker -----------------------------------------------------------
as sw al1 "$U/alerts"
check_eq "the alerts page" 200 "$(status al1)"
check "the 72-hour alert is there" has al1 "Return interview not held in time" "W06000015/C08"
check "the alerts page parses" html_ok al1
alert=$(sql "$db" "SELECT id FROM alert WHERE rule_id = 'ri-72h' AND state = 'open'")
check "one open ri-72h alert in the store" test -n "$alert"
check "linked from the list" has al1 "href=\"/alerts/$alert\""
check "one row for C08, however many reasons" test "$(grep -c 'href="/children/W06000015/C08"' "$WORK/al1.b")" -eq 1
check "its other reason: high risk, no strategy meeting" has al1 "Missing over 24 hours or high risk, no strategy meeting"
check "urgency first: the child is back, graded high" has al1 "govuk-tag--orange\">High</strong>"
check "where, by name" has al1 "Tŷ Un, Cardiff; looked after by Cardiff Council"
check "what to do" has al1 "Hold a strategy meeting with the police and the home."
check "when it was due and how overdue" has al1 "Due by " " overdue."
check "no machine strings" hasnt al1 "UTC" "episode:" "ri-72h</" "returned 20"
check "the filters" has al1 'name="state"' 'value="historical"' 'name="rule"' 'name="home"' 'name="child"'
rows=$(sed -n '/<tbody/,/<\/tbody>/p' "$WORK/al1.b" | grep -c '<tr class="govuk-table__row">')
shown=$(sed -n 's/.*id="alerts-count">\([0-9]*\) children or homes.*/\1/p; s/.*id="alerts-count">1 child or home.*/1/p' "$WORK/al1.b")
check_eq "the count is the rows shown" "$rows" "$shown"
cr alerts list --as "social-worker@$D" >"$WORK/al1.cli"
check_grep "and the CLI's count" "^# $shown of $shown items" "$WORK/al1.cli"
as sw al2 "$U/alerts?rule=ri-72h&child=W06000015/C08"
check "filtered by rule and child" has al2 'id="alerts-count">1 child or home.' "Return interview not held in time"
check "the other rule filtered out" hasnt al2 "Missing over 24 hours or high risk, no strategy meeting</a>"
as sw al3 "$U/alerts?home=W0000002"
check "filtered by a home where nothing happened" has al3 "There are no alerts to show."
as sw al4 "$U/alerts?state=historical"
check_eq "the historical filter" 200 "$(status al4)"
check "shows the fixture's history, not C08" hasnt al4 'href="/children/W06000015/C08"'
check "the historical list parses" html_ok al4
as sw al5 "$U/alerts/$alert"
check "the alert page says what happened, in UK time" has al5 "What happened" "Returned on " "No return interview has been held." "What to do" "Hold the return interview, or record why it was not held."
check "where, and when it was due" has al5 "Tŷ Un, Cardiff; looked after by Cardiff Council" "Due by "
check "no machine strings on it" hasnt al5 "UTC" "episode:" "returned 20"
check "acknowledge all of the child's open alerts: offered" has al5 "action=\"/alerts/$alert/acknowledge-all\"" "Acknowledge all 2 open alerts"
check "the alert page parses" html_ok al5
as sw h3 "$U/home"
check "the home page: the interview due first, then the alerts" has h3 "Hold the return interview: C08" \
	"href=\"/missing/$ep#interview\"" "Alerts open for your organisation: " 'href="/alerts"'
check "the service navigation links /alerts" has h3 'class="govuk-service-navigation__link" href="/alerts"'
as sw c3 "$U$C08"
check "the child's record shows the live episode and the open alert" has c3 "href=\"/missing/$ep\"" "href=\"/alerts/$alert\"" "Alerts to act on"
as sw e4 "$U/missing/$ep"
check "the council's interview and meeting forms" has e4 "action=\"/missing/$ep/interview\"" "action=\"/missing/$ep/meeting\""
check "the police's record, read only" has e4 "SWP-19-0042" "High"
tok=$(form_token e4)
as sw i1 --data-urlencode "csrf=$tok" $(when ri_offered_at 1 0) $(when ri_held_at 0 1) \
	--data-urlencode "ri_by=Jo Advocate" -d ri_independent=yes -d ri_outcome=accepted \
	--data-urlencode "ri_summary=went to see friends in the Bay" "$U/missing/$ep/interview"
check_eq "the interview, held late: 303" 303 "$(status i1)"
check_eq "the alert stays open (held late)" open "$(sql "$db" "SELECT state FROM alert WHERE id = $alert")"
as sw m1 --data-urlencode "csrf=$tok" $(when held_on 0 0) --data-urlencode "agencies=council, police, home" \
	--data-urlencode "decisions=safety plan" "$U/missing/$ep/meeting"
check_eq "a strategy meeting: 303" 303 "$(status m1)"
as sw e5 "$U/missing/$ep"
check "the meeting is listed" has e5 "council, police, home" "safety plan"

as sw a1 "$U/alerts/$alert"
check_eq "the alert's page" 200 "$(status a1)"
check "with both forms" has a1 "action=\"/alerts/$alert/acknowledge\"" "action=\"/alerts/$alert/resolve\""
tok=$(form_token a1)
as sw a2 --data-urlencode "csrf=$tok" -d "ack-note=" "$U/alerts/$alert/acknowledge"
check_eq "acknowledging without a note: 400" 400 "$(status a2)"
check "the summary links the note" has a2 'href="#ack-note"'
as sw a3 --data-urlencode "csrf=$tok" --data-urlencode "ack-note=interview was late; checking why" "$U/alerts/$alert/acknowledge"
check_eq "acknowledged: 303" 303 "$(status a3)"
as sw a4 "$U/alerts/$alert?saved=acknowledge"
check "by a named user, with the note" has a4 "social-worker@$D" "interview was late; checking why" "Acknowledged"
as sw a5 --data-urlencode "csrf=$tok" --data-urlencode "resolve-note=discussed with the advocate" "$U/alerts/$alert/resolve"
check_eq "resolved: 303" 303 "$(status a5)"
check_eq "resolved in the store, by the social worker" "resolved|social-worker@$D" \
	"$(sql "$db" "SELECT a.state, u.email FROM alert a JOIN app_user u ON u.id = a.resolved_by WHERE a.id = $alert")"
as sw a6 "$U/alerts?state=resolved"
check "listed under resolved" has a6 "href=\"/alerts/$alert\""

# acknowledging all of a child's open alerts at once: C03 missing from 6
# to 4 days ago (more than 24 hours) and no interview since
ago() { date -u -d "@$(( $(date +%s) + ${CARTREF_CLOCK_OFFSET:-0} - $1 * 86400 ))" +%Y-%m-%dT%H:%M:00.000Z; }
printf 'LA,CHILD,KIND,URN,STARTED_AT,RETURNED_AT\nW06000015,C03,M,W0000001,%s,%s\n' \
	"$(ago 6)" "$(ago 4)" >"$WORK/c03.csv"
check "C03's episode" cr missing import "$WORK/c03.csv"
check "the rules" cr alerts run
ids=$(sql_list "$db" "SELECT a.id FROM alert a JOIN child c ON c.id = a.child_id WHERE c.child_ref = 'C03' AND a.state = 'open' ORDER BY a.id")
check_eq "C03 has two open alerts" 2 "$(echo "$ids" | wc -w)"
first=${ids%% *}
as sw aa1 "$U/alerts?child=C03"
check "one row for C03" has aa1 'id="alerts-count">1 child or home.'
as sw aa2 "$U/alerts/$first"
tok=$(form_token aa2)
as sw aa3 --data-urlencode "csrf=$tok" -d "all-note=" "$U/alerts/$first/acknowledge-all"
check_eq "acknowledging all without a note: 400" 400 "$(status aa3)"
as sw aa4 --data-urlencode "csrf=$tok" --data-urlencode "all-note=strategy meeting booked for Friday" "$U/alerts/$first/acknowledge-all"
check_eq "acknowledged all: 303" 303 "$(status aa4)"
check_eq "back to the alert, saying how many" "/alerts/$first?saved=acknowledge-all&n=2" "$(location aa4)"
check_eq "both acknowledged, with the note" "acknowledged|strategy meeting booked for Friday|2" \
	"$(sql "$db" "SELECT a.state, a.ack_note, count(*) FROM alert a JOIN child c ON c.id = a.child_id WHERE c.child_ref = 'C03' AND a.state <> 'historical' GROUP BY a.state, a.ack_note")"
as sw aa5 "$U/alerts/$first?saved=acknowledge-all&n=2"
check "a banner" has aa5 "Saved: 2 alerts are acknowledged"

# ---- roles -------------------------------------------------------------------------
# each refusal is audited as that user, naming what was asked for
# (refusal_row, tests/t/lib-audit.sh)
refused() {	# WHO-EMAIL ACTION SUBJECT_RE
	check_eq "  and audited: $2 $3" "" "$(refusal_row "$1" "$2" "$3" "$since")"
}
since=$(audit_head)
as an x1 "$U/missing/$ep"
check_eq "an analyst gets no episode" 404 "$(status x1)"
refused "analyst@$D" view-denied "^mfc-episode:$ep\$"
since=$(audit_head)
as an x2 "$U/alerts"
check_eq "an analyst gets no alerts" 404 "$(status x2)"
refused "analyst@$D" view-denied "^alerts(:|\$)"
since=$(audit_head)
as an x3 "$U$C08/grab-pack"
check_eq "an analyst gets no grab pack" 404 "$(status x3)"
refused "analyst@$D" view-denied '^(grab-pack|child):W06000015/C08$'
as an x4 "$U/home"
check "no Alerts link for the analyst" hasnt x4 'href="/alerts"'
since=$(audit_head)
as sa x5 "$U/missing/$ep"
check_eq "another council's social worker: 404" 404 "$(status x5)"
refused sw@swansea.test view-denied '^child:W06000015/C08$'
since=$(audit_head)
as sa x6 "$U$C08/grab-pack"
check_eq "another council's social worker: no grab pack" 404 "$(status x6)"
refused sw@swansea.test view-denied '^(grab-pack|child):W06000015/C08$'
since=$(audit_head)
as sa x7 "$U/alerts/$alert"
check_eq "another council's social worker: not the alert" 404 "$(status x7)"
refused sw@swansea.test view-denied "^alert:$alert W06000015/C08\$"
tok=$(form_token e4)
since=$(audit_head)
as sa x8 --data-urlencode "csrf=$(form_token x5)" -d police_ref=X -d risk_grade=low "$U/missing/$ep/police"
check "another council's worker cannot record for the police" test "$(status x8)" = 404 -o "$(status x8)" = 403
refused sw@swansea.test change-denied "^(child:W06000015/C08|mfc-episode:$ep)\$"
since=$(audit_head)
as sw x9 --data-urlencode "csrf=$tok" -d police_ref=X -d risk_grade=low "$U/missing/$ep/police"
check_eq "the council may not record the police's part: 403" 403 "$(status x9)"
refused "social-worker@$D" change-denied "^(child:W06000015/C08|mfc-episode:$ep)\$"
check_eq "the police record unchanged" "high|SWP-19-0042" "$(sql "$db" "SELECT risk_grade, police_ref FROM mfc_episode WHERE id = $ep")"
since=$(audit_head)
as sw x10 "$U/missing/99999"
check_eq "an unknown episode: 404" 404 "$(status x10)"
refused "social-worker@$D" view-denied '^mfc-episode:99999$'
as sw x11 "$U/missing/abc"
check_eq "a bad episode id: 400" 400 "$(status x11)"
get x12 "$U/missing/$ep"
check_eq "signed out: to sign in" 303 "$(status x12)"

# ---- Welsh ---------------------------------------------------------------------------
as sw cy1 "$U/missing/$ep?lang=cy"
check "the episode in Welsh" has cy1 '<html lang="cy"' "Ar goll o ofal" "Cyfweliad dychwelyd" "Cyfarfodydd strategaeth"
as sw cy2 "$U/alerts?lang=cy&state=all"
check "the alerts in Welsh" has cy2 "Rhybuddion" "Cyfweliad dychwelyd heb ei gynnal mewn pryd" "Beth i’w wneud" "o blant neu gartrefi"
check "where and what to do, in Welsh" has cy2 "Tŷ Un, Caerdydd; yng ngofal Cyngor Caerdydd" "Cynhaliwch"
check "the Welsh list parses" html_ok cy2
as sw cy3 "$U/alerts/$alert?lang=cy"
check "an alert in Welsh" has cy3 "Beth ddigwyddodd" "Daeth yn ôl ar " "Roedd i’w wneud erbyn "

# ---- a change that takes the episode out of its writer's view (issue 10) ------
# C04 went missing from Tŷ Un 220 days ago and nobody recorded the return;
# the police record it as 215 days ago, older than their 90-day window:
# the change commits and the answer must not be a 404
printf 'LA,CHILD,KIND,URN,STARTED_AT\nW06000015,C04,M,W0000001,%s\n' "$(ago 220)" >"$WORK/c04.csv"
check "C04's old open episode" cr missing import "$WORK/c04.csv"
old=$(sql "$db" "SELECT e.id FROM mfc_episode e JOIN child c ON c.id = e.child_id WHERE c.child_ref = 'C04'")
as po o1 "$U/missing/$old"
check_eq "the police see it while it is open" 200 "$(status o1)"
as po o2 --data-urlencode "csrf=$(form_token o1)" $(when returned_at 215 0) \
	--data-urlencode "returned_place=Newport" "$U/missing/$old/return"
check_eq "the police record the return, 215 days ago: 303" 303 "$(status o2)"
check_eq "stored" "1|Newport" "$(sql "$db" "SELECT returned_at IS NOT NULL, returned_place FROM mfc_episode WHERE id = $old")"
check_eq "to their home page, not the episode they can no longer see" "/home?saved=missing" "$(location o2)"
as po o3 "$U$(location o2)"
check_eq "which they can see: 200" 200 "$(status o3)"
check "saying it was saved, and why it is not on their lists" has o3 \
	"govuk-notification-banner--success" "Saved. The missing episode is now outside what you can see"
as po o4 "$U/missing/$old"
check_eq "the episode itself is out of their view now" 404 "$(status o4)"
as po o5 "$U/home?saved=missing&lang=cy"
check "the banner in Welsh" has o5 "y tu allan i’r hyn y gallwch ei weld"
check "the home page parses" html_ok o3

stop_server
check_eq "the server stops cleanly" 0 "$?"
check "the audit trail is intact" cr audit verify
check "the episode's changes are audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'change' AND subject_id = 'W06000015/C08'")" -ge 5
check "the answers are audited, each alert" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action IN ('alert-ack', 'alert-resolve')")" -eq 4
check "the lists naming children are audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'list' AND subject_kind = 'alerts'")" -ge 5
done_testing
