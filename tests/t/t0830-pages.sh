#!/bin/sh
# t0830: the pages over real HTTP, as each demo role: dashboards
# (/dashboard, /dashboard/council/{code}), the homes register and a home's
# profile, the children list and a child's record, and the home page's
# "needs attention".  For every page and role the exact status (200, 404,
# 303 to sign in without a session); that each role sees exactly its
# scope; "not shown" for withheld fields; analysts' published figures;
# Welsh; escaping of every parameter; SQL text as a plain string; HTML
# that parses; the audit row of a child's record.
#
# Data: the review fixture (Cardiff's C01..C07, homes W0000001..3) and
# tests/data/pages (Swansea's S01..S03, all still looked after: see its
# README), so that every role has someone in scope.  The clock is the
# summer after those returns (clock_at, base/clock.h); S01 and C01 are
# missing now, recorded live (the police's scope: S02's and S03's periods
# left open in the return are not "missing now" on their own).
. tests/t/lib.sh
clock_at "2019-08-15 12:00Z"

db=$WORK/pages.db
log=$WORK/server.log
out=$WORK/server.out
PW=demo-only-cartref
B=$DATA/review/boundaries

fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
check "fixture homes" cr import homes $B/homes.csv
check "fixture Cardiff 2018" cr import 903 --la W06000015 $B/2018/*.csv
check "fixture Cardiff 2019" cr import 903 --la W06000015 $B/2019/*.csv
check "fixture Swansea 2019" cr import 903 --la W06000011 $DATA/pages/W06000011/2019/*.csv
check "one demo user per role" cr user demo
printf 'LA,CHILD,KIND,URN,STARTED_AT\nW06000015,C01,M,W0000002,2019-08-14T21:00\nW06000011,S01,M,W0000001,2019-08-13T18:30\n' >"$WORK/live.csv"
check "C01 and S01 missing now, recorded live" cr missing import "$WORK/live.csv"

SERVER_PORT_BASE=20000
. tests/t/lib-server.sh

server_up

sign_in() {
	sname=$1
	jar=$2
	email=$3
	get "$sname-form" -c "$jar" -b "$jar" "$U/sign-in"
	get "$sname" -c "$jar" -b "$jar" \
		--data-urlencode "csrf=$(form_token "$sname-form")" \
		--data-urlencode "email=$email" \
		--data-urlencode "password=$PW" "$U/sign-in"
}
# children NAME: the child links of a list, "LA/REF" sorted, one line
children() {
	grep -o 'href="/children/[A-Z0-9]*/[A-Za-z0-9]*"' "$WORK/$1.b" |
		sed 's|href="/children/||; s|"$||' | sort -u | tr '\n' ' ' |
		sed 's/ $//'
}
# value_of NAME LABEL: the Value cell of a figures table row
value_of() {
	grep -A2 -F -- ">$2</th>" "$WORK/$1.b" |
		sed -n 's/.*govuk-table__cell--numeric">\([^<]*\)<\/td>.*/\1/p' | head -1
}

ROLES="inspector analyst social-worker placements home-manager police admin"
for r in $ROLES; do
	sign_in "in-$r" "$WORK/j-$r" "$r@demo.cartref.wales"
done
check_eq "every demo role signs in" "303 303 303 303 303 303 303" \
	"$(for r in $ROLES; do printf '%s ' "$(status "in-$r")"; done | sed 's/ $//')"

# expect ROLE PATH STATUS: the exact status of a page for a role
npages=0
expect() {
	npages=$((npages + 1))
	name="p$npages"
	get "$name" -b "$WORK/j-$1" "$U$2"
	check_eq "$1 $2: $3" "$3" "$(status "$name")"
}

# --- without a session: to sign in, every page ---
for p in /dashboard /dashboard/council/W06000015 /homes /homes/W0000001 \
    /children /children/W06000015/C01; do
	get anon "$U$p"
	enc=$(printf %s "$p" | sed 's|/|%2F|g')
	check_eq "$p without a session: 303 to sign in" "303 /sign-in?next=$enc" \
		"$(status anon) $(header anon Location)"
done

# --- every page route x every role: the exact status ---
# columns: inspector analyst social-worker placements home-manager police admin
# Every 404 of a page of children's data (a home's profile, the children,
# a child) writes a "view-denied" row as that user naming what was asked
# for (tests/t/lib-audit.sh; the dashboards are figures, not such pages).
D=demo.cartref.wales
. tests/t/lib-audit.sh
subject_re() {
	case $1 in
	/homes/*/inspections/new) echo "^home-record:$(echo "$1" | sed 's,^/homes/,,; s,/.*,,')\$" ;;
	/homes/*/notifications*) echo "^(notifications|home-record):$(echo "$1" | sed 's,^/homes/,,; s,/.*,,')\$" ;;
	/inspections/*) echo "^inspection:$(echo "$1" | sed 's,^/inspections/,,')\$" ;;
	/children/*) echo "^child:$(echo "$1" | sed 's,^/children/,,')\$" ;;
	/children*) echo "^children(:|\$)" ;;
	/homes/*) echo "^home:$(echo "$1" | sed 's,^/homes/,,')\$" ;;
	esac
}
matrix() {
	path=$1
	shift
	unaudited=""
	for r in $ROLES; do
		since=$(audit_head)
		expect "$r" "$path" "$1"
		case $path in
		/dashboard*|/recommendations*) ;;	# the register names no child
		*) unaudited="$unaudited$(audited_refusal "$r" GET "$(status "$name")" "$(subject_re "$path")" "$since")" ;;
		esac
		shift
	done
	case $path in
	/dashboard*|/recommendations*) ;;
	*) check_eq "$path: every refusal audited" "" "$unaudited" ;;
	esac
}
matrix /dashboard				200 200 303 303 200 200 200
matrix /dashboard/council/W06000015		200 200 200 200 404 404 200
matrix /dashboard/council/W06000011		200 200 404 404 404 404 200
matrix /dashboard/council/W99999999		404 404 404 404 404 404 404
matrix "/dashboard?year=2018"			200 200 303 303 200 200 200
matrix "/dashboard?year=2017"			404 404 303 303 404 404 404
matrix /homes					200 200 200 200 200 200 200
matrix "/homes?council=W06000015&type=private"	200 200 200 200 200 200 200
matrix /homes/W0000001				200 404 200 200 200 200 404
matrix /homes/W9999999				404 404 404 404 404 404 404
matrix /children				200 404 200 200 200 200 404
matrix "/children?page=2"			200 404 200 200 200 200 404
matrix /children/W06000015/C01			200 404 200 200 404 200 404
matrix /children/W06000015/C02			404 404 200 200 404 404 404
matrix /children/W06000011/S01			200 404 404 404 200 200 404
matrix /children/W06000011/S02			404 404 404 404 404 404 404
matrix /children/W06000015/C99			404 404 404 404 404 404 404
get sw-dash -b "$WORK/j-social-worker" "$U/dashboard"
check_eq "a council's /dashboard goes to its own" /dashboard/council/W06000015 \
	"$(header sw-dash Location)"
get out-of-scope -b "$WORK/j-social-worker" "$U/children/W06000011/S01"
get no-such -b "$WORK/j-social-worker" "$U/children/W06000015/C99"
sed 's|W06000011/S01|W06000015/C99|g' "$WORK/out-of-scope.b" >"$WORK/out-of-scope2.b"
check "out of scope is the same page as no such child" cmp -s "$WORK/out-of-scope2.b" "$WORK/no-such.b"
check "and that is the 404 page" has out-of-scope "Page not found"

# --- each role sees exactly its scope ---
list() {
	get "list-$1" -b "$WORK/j-$1" "$U/children"
	children "list-$1"
}
# a council's list: its children looked after now (not C04, ceased; not
# C05, short breaks only), those in a children's home first (C01)
check_eq "social worker: Cardiff's children looked after now" \
	"W06000015/C01 W06000015/C02 W06000015/C03 W06000015/C06 W06000015/C07" \
	"$(list social-worker)"
check "social worker: 5 children, C01 (in a children's home) first" has list-social-worker "5 children"
check "in the order of the list" sh -c "grep -o 'href=\"/children/W06000015/C0[0-9]\"' '$WORK/list-social-worker.b' | head -2 | tr -d '\n' | grep -q 'C01.*C02'"
check_eq "placements officer: the same" "$(children list-social-worker)" "$(list placements)"
get list-all -b "$WORK/j-social-worker" "$U/children?placed=all"
check_eq "placed=all: everyone the council looked after" \
	"W06000015/C01 W06000015/C02 W06000015/C03 W06000015/C04 W06000015/C05 W06000015/C06 W06000015/C07" \
	"$(children list-all)"
get list-home -b "$WORK/j-social-worker" "$U/children?placed=home"
check_eq "placed=home: in a children's home now" "W06000015/C01" "$(children list-home)"
get list-bad -b "$WORK/j-social-worker" "$U/children?placed=maybe"
check_eq "placed= anything else: 400" 400 "$(status list-bad)"
check_eq "home manager: only the child placed in its home" "W06000011/S01" "$(list home-manager)"
check_eq "police: only children missing now in the force's area" \
	"W06000011/S01 W06000015/C01" "$(list police)"
check_eq "inspector: children placed in a registered home" \
	"W06000011/S01 W06000015/C01 W06000015/C04" "$(list inspector)"
get list-filter -b "$WORK/j-inspector" "$U/children?council=W06000011"
check_eq "the council filter" "W06000011/S01" "$(children list-filter)"
get list-prefix -b "$WORK/j-social-worker" "$U/children?q=C0&placed=all"
check "a reference prefix" has list-prefix "7 children"
get list-prefix2 -b "$WORK/j-social-worker" "$U/children?q=C03"
check_eq "a longer prefix" "W06000015/C03" "$(children list-prefix2)"
get list-page2 -b "$WORK/j-social-worker" "$U/children?page=2"
check "page 2 of 1: nothing on it" has list-page2 "There is nothing on this page."

# what to do first on /home, by role
for r in $ROLES; do
	get "home-$r" -b "$WORK/j-$r" "$U/home"
done
# do_first NAME: the episodes a page's "do first" list links, in order
do_first() {
	sed -n '/data-cartref="do-first"/,/<\/ul>/p' "$WORK/$1.b" |
		grep -o 'href="/missing/[0-9]*[#a-z]*"' | sed 's|href="/missing/||; s|"$||' |
		tr '\n' ' ' | sed 's/ $//'
}
ep_c01=$(sql "$db" "SELECT e.id FROM mfc_episode e JOIN child c ON c.id = e.child_id WHERE c.child_ref = 'C01'")
ep_s01=$(sql "$db" "SELECT e.id FROM mfc_episode e JOIN child c ON c.id = e.child_id WHERE c.child_ref = 'S01'")
check_eq "home: the police first find the children missing from their area (longest first, ungraded)" \
	"$ep_s01 $ep_c01" "$(do_first home-police)"
check "home: the police's tasks say what to do and where" has home-police \
	"Grade the risk: S01, 14, missing for 1 day 18 hours" "Missing from Tŷ Un since 13 August 2019 at 18:30" \
	"Looked after by Swansea" "2 things need doing"
check_eq "home: the home manager completes the report of S01, missing from Tŷ Un" "$ep_s01" "$(do_first home-home-manager)"
check "home: a Report a child missing button" has home-home-manager 'href="/missing/report"' "Report a child missing"
check "home: the home manager's homes, one row each" has home-home-manager 'data-cartref="homes"' 'href="/homes/W0000001"'
check_eq "home: the social worker has no interview due" "" "$(do_first home-social-worker)"
check "home: and says so" has home-social-worker 'data-cartref="do-first-empty"' "No return interview is due"
check "home: the council's children missing now" has home-social-worker 'data-cartref="missing-now"' \
	"href=\"/missing/$ep_c01\">C01, 13</a>" "Bryn Dau"
check "home: the inspector's homes to look at first" has home-inspector 'data-cartref="homes-first"' \
	'href="/homes/W0000001"' 'href="/homes/W0000002"'
check "home: analysts have no child-level lists" hasnt home-analyst 'data-cartref="do-first' "/children/" "/missing/"
check "home: admins neither, but manage users" has home-admin 'href="/admin/users"'
check "home: admins see no child" hasnt home-admin 'data-cartref="do-first' "/children/" "/missing/"
check "home: the main task is one click away" has home-social-worker 'href="/children">Your council' \
	'href="/data-quality">'
check "home: nothing about what is coming next" hasnt home-social-worker "Coming next"

# the navigation, by role
check "nav: Home, Dashboard, Homes, Children" has home-inspector \
	'href="/home" aria-current="page">Home</a>' 'href="/dashboard">Dashboard</a>' \
	'href="/homes">Homes</a>' 'href="/children">Children</a>'
check "nav: a council's dashboard is its own" has home-social-worker 'href="/dashboard/council/W06000015">Dashboard</a>'
check "nav: no Children for analysts" hasnt home-analyst 'href="/children"'
get nav-child -b "$WORK/j-police" "$U/children/W06000015/C01"
check "nav: a child's record is in Children" has nav-child 'href="/children" aria-current="true">Children</a>'

# --- a child's record: the fields each role may see ---
get rec-sw -b "$WORK/j-social-worker" "$U/children/W06000015/C01"
check "council: the whole record" has rec-sw "Child C01" "1 June 2006" "UN1" \
	"White British (WBRI)" "Interim care order (C1)" "Abuse or neglect (N1)" \
	"Carer requests end due to child&#39;s behaviour (CREQB)" "CF10 1AA" \
	"Children&#39;s home (K2)" 'href="/homes/W0000001">Tŷ Un</a>' \
	"Missing from care (M)" "Away from placement without authorisation (A)" \
	"Still missing"
check "council: nothing withheld" hasnt rec-sw "not shown"
get rec-sw2 -b "$WORK/j-social-worker" "$U/children/W06000015/C02"
check "council: OC2 outcomes in the chronology" has rec-sw2 "Outcomes for the year (OC2)" "SDQ score: 20"
get rec-police -b "$WORK/j-police" "$U/children/W06000015/C01"
check "police: who and where" has rec-police "1 June 2006" "Still missing" "SA1"
check "police: UPN, ethnicity, legal status, outcomes not shown" sh -c \
	"grep -A1 'Unique pupil number' '$WORK/rec-police.b' | grep -q 'not shown' &&
	 grep -A1 '>Ethnicity<' '$WORK/rec-police.b' | grep -q 'not shown' &&
	 grep -q 'Legal status: <span class=\"cartref-withheld\">not shown' '$WORK/rec-police.b' &&
	 grep -A1 'Outcomes (OC2)</dt>' '$WORK/rec-police.b' | grep -q 'not shown'"
check "police: only the current placement, only M periods" hasnt rec-police \
	"Away from placement" "1 April 2018</th>" "UN1" "White British"
get rec-insp -b "$WORK/j-inspector" "$U/children/W06000015/C01"
check "inspector: date of birth not shown, the age is" sh -c \
	"grep -A1 'Date of birth' '$WORK/rec-insp.b' | grep -q 'not shown' &&
	 ! grep -q '1 June 2006' '$WORK/rec-insp.b'"
check "inspector: placements and reasons" has rec-insp "Interim care order (C1)" \
	"Carer requests end due to child&#39;s behaviour (CREQB)"
get rec-hm -b "$WORK/j-home-manager" "$U/children/W06000011/S01"
check "home manager: its child, no UPN" has rec-hm "Child S01" "Tŷ Un" "Still missing"
check "home manager: UPN not shown" sh -c "grep -A1 'Unique pupil number' '$WORK/rec-hm.b' | grep -q 'not shown'"
for f in rec-sw rec-sw2 rec-police rec-insp rec-hm; do
	check "$f: one h1, skip link, labelled" sh -c \
		"[ \$(grep -c '<h1' '$WORK/$f.b') -eq 1 ] && grep -q govuk-skip-link '$WORK/$f.b'"
done

# --- the audit trail: viewing a record writes a row ---
check "viewing C01 was audited as a view" sh -c \
	"'$CARTREF' --db '$db' audit list --subject child:W06000015/C01 | grep -q 'social-worker@demo.cartref.wales.*	view	child:W06000015/C01'"
check "refused views are audited too" sh -c \
	"'$CARTREF' --db '$db' audit list --subject child:W06000015/C01 | grep -q 'analyst@demo.cartref.wales.*	view-denied	child:W06000015/C01	role sees aggregates only'"
check "and out-of-scope ones" sh -c \
	"'$CARTREF' --db '$db' audit list --subject child:W06000011/S01 | grep -q 'social-worker@demo.cartref.wales.*view-denied.*out of scope'"
check "lists naming children are audited" sh -c \
	"'$CARTREF' --db '$db' audit list --subject children: | grep -q 'police@demo.cartref.wales.*list'"

# --- a home's profile ---
get prof-insp -b "$WORK/j-inspector" "$U/homes/W0000001"
check "inspector: the register entry, full postcode" has prof-insp "Tŷ Un</h1>" \
	"Orchard Care Ltd" "Private" "CF14 3AA" "8 to 17" "1 January 2010" \
	"Last inspection" "No inspection is recorded in cartref yet." "What to look at first"
check_eq "inspector: the child placed there now" "W06000011/S01" "$(children prof-insp)"
check "inspector: figures by year" has prof-insp "Exact figures for this home" "2018-19"
get prof-hm -b "$WORK/j-home-manager" "$U/homes/W0000001"
check "provider: its own home's full postcode" has prof-hm ">Postcode<" "CF14 3AA"
check_eq "provider: its child" "W06000011/S01" "$(children prof-hm)"
get prof-sw -b "$WORK/j-social-worker" "$U/homes/W0000001"
check "a council that has not placed there lately: the district" has prof-sw "Postcode district" ">CF14<"
check "and not the full postcode" hasnt prof-sw "CF14 3AA"
check_eq "a council sees none of another council's children" "" "$(children prof-sw)"
check "a council sees the figures of a home in its area" has prof-sw "Exact figures for this home"
get prof-police -b "$WORK/j-police" "$U/homes/W0000001"
check "police: no figures" has prof-police "shown to inspectors, to its provider"

# --- the homes register ---
get homes-an -b "$WORK/j-analyst" "$U/homes"
check "register: every home" has homes-an "3 homes" "Tŷ Un" "Bryn Dau" "Old Three"
check "register: no profile links for analysts" hasnt homes-an 'href="/homes/W'
check "register: districts for analysts" has homes-an ">CF14<" && \
	check "and never a full postcode" hasnt homes-an "CF14 3AA" "SA1 1AA"
get homes-insp -b "$WORK/j-inspector" "$U/homes?type=private"
check "register: filter by type" has homes-insp "1 homes" 'href="/homes/W0000001"'
check "register: full postcodes for inspectors" has homes-insp "CF14 3AA"
get homes-la -b "$WORK/j-inspector" "$U/homes?council=W06000011"
check "register: filter by council" has homes-la "Bryn Dau" && check "only that council's" hasnt homes-la "Tŷ Un"

# --- dashboards ---
get dash-insp -b "$WORK/j-inspector" "$U/dashboard"
check "inspector: Wales, exact, every group" has dash-insp "Dashboard: Wales" "Exact figures" \
	"Homes and places" "Placement stability" "Going missing from care" \
	"Distance from home" "Outcomes for children" "Children and places by council" \
	"Figures for each children&#39;s home"
check_eq "inspector: exact homes open" 2 "$(value_of dash-insp "Children&#39;s homes open at 31 March")"
check_eq "inspector: exact places" 7 "$(value_of dash-insp "Registered places in children&#39;s homes")"
check "inspector: the charts and the map as inline SVG" has dash-insp \
	'<figure class="cartref-chart">' 'role="img" aria-labelledby="chart-council-places-title' \
	'id="chart-missing-map-title"' 'id="chart-missing-trend-title"' 'id="chart-distance-title"'
check "the SVG needs no style attribute or element (CSP)" hasnt dash-insp ' style="' '<style'
check "a title that names the dashboard" has dash-insp "<title>Dashboard: Wales – cartref</title>"
check "wide tables scroll in a focusable region" has dash-insp \
	'<div class="cartref-table-scroll" role="region" aria-label="Figures for each children&#39;s home" tabindex="0">'
check "inspector: councils link to their dashboards" has dash-insp \
	'href="/dashboard/council/W06000015?year=2019">Cardiff</a>'
check "inspector: homes link to their profiles" has dash-insp 'href="/homes/W0000001">Tŷ Un</a>'
check "year select with a label" has dash-insp '<label class="govuk-label" for="year">' \
	'<option value="2019" selected>2018-19</option>' '<option value="2018">2017-18</option>'
get dash-an -b "$WORK/j-analyst" "$U/dashboard"
check "analyst: published" has dash-an "Published figures"
check_eq "analyst: homes open from the public register, not suppressed" 2 "$(value_of dash-an "Children&#39;s homes open at 31 March")"
check_eq "analyst: children in homes suppressed (*)" "*" "$(value_of dash-an "Children in children&#39;s homes at 31 March")"
check_eq "analyst: places from the public register, not rounded" 7 "$(value_of dash-an "Registered places in children&#39;s homes")"
check "analyst: no link to a profile" hasnt dash-an 'href="/homes/'
get dash-admin -b "$WORK/j-admin" "$U/dashboard"
check_eq "admin: published too" "*" "$(value_of dash-admin "Children in children&#39;s homes at 31 March")"
get dash-sw -b "$WORK/j-social-worker" "$U/dashboard/council/W06000015"
check "council: its own, exact" has dash-sw "Dashboard: Cardiff" "Exact figures" \
	"Figures comparing councils (the councils table, chart and map) are published"
check_eq "council: exact looked after at 31 March" 5 "$(value_of dash-sw "Children looked after at 31 March")"
check "council: no link to another council's dashboard" hasnt dash-sw 'href="/dashboard/council/W06000011'
get dash-police -b "$WORK/j-police" "$U/dashboard"
check "police: missing only, published" has dash-police "Going missing from care" "Published figures"
check "police: no other group" hasnt dash-police "Placement stability" "Outcomes for children"
check "police: the force's area first, its councils and homes" has dash-police \
	"Dashboard: South Wales Police’s area" "Councils in your area" "Children’s homes in your area" \
	'<th scope="row" class="govuk-table__header">Cardiff</th>'
check "police: not councils outside the area" hasnt dash-police '<th scope="row" class="govuk-table__header">Powys</th>'
# a council compares itself with the others' published figures, its own
# row exact (review_publish_except(), tests/unit/u-review.c)
check "council: says its own row among the councils is exact" has dash-sw "exact as on the rest of this page"
get dash-hm -b "$WORK/j-home-manager" "$U/dashboard"
check "home manager: its homes' figures, one table, beside Wales" has dash-hm "Dashboard: your homes" "Tŷ Un" \
	"figures are exact" 'data-cartref="dash-homes"' "Wales (published)"
check "home manager: not other providers' homes" hasnt dash-hm "Bryn Dau" "Old Three"
get dash-2018 -b "$WORK/j-inspector" "$U/dashboard?year=2018"
check "a year from the select" has dash-2018 "Reporting year 2017-18" '<option value="2018" selected>'

# --- the quality of care (issue 13): inspections, findings, notifications ---
# The inspector records an inspection of Tŷ Un (Orchard's home, in
# Cardiff's area) with a priority action notice and an area for
# improvement; then every new page and POST as every role.
tok() {
	get "tok-$1" -b "$WORK/j-$1" "$U/home"
	form_token "tok-$1"
}
# post_as ROLE NAME PATH ARGS...: a form POST with the role's session
post_as() {
	pr=$1
	pn=$2
	pp=$3
	shift 3
	get "$pn" -b "$WORK/j-$pr" -H "Origin: $U" \
		--data-urlencode "csrf=$(tok "$pr")" "$@" "$U$pp"
}
# (values without spaces or "&": "+" is a space in a form)
INSP_FORM="-d start-day=1 -d start-month=8 -d start-year=2019 -d type=full
	-d inspectors=Ann+Inspector -d r-wellbeing=good
	-d r-care_support=needs_improvement -d r-environment=good
	-d r-leadership=poor -d summary=Staffing+is+thin+at+night.
	-d f1-kind=pan -d f1-reg=reg+21
	-d f1-text=Keep+enough+staff+on+duty+at+night.
	-d f1-due-day=10 -d f1-due-month=8 -d f1-due-year=2019
	-d f2-kind=afi -d f2-reg=reg+34 -d f2-text=Keep+the+records."
# (a notice due before today: overdue by 5 days on the fixture's clock)
# shellcheck disable=SC2086
post_as inspector q-insp /homes/W0000001/inspections/new $INSP_FORM
check_eq "the inspector records an inspection: 303 to it" 303 "$(status q-insp)"
insp=$(header q-insp Location | sed -n 's|^/inspections/\([0-9]*\)?saved=recorded$|\1|p')
check "and the redirect names it" test -n "$insp"
get q-view -b "$WORK/j-inspector" "$U/inspections/$insp"
# the notice is listed first
pan=$(grep -o 'id="finding-[0-9]*"' "$WORK/q-view.b" | head -1 | tr -dc 0-9)
check "the inspection: ratings, the notice first, overdue" has q-view \
	"Full inspection, 1 August 2019" "Needs improvement" "Poor" \
	"Priority action notice: reg 21" "Overdue by 5 days" \
	"Area for improvement: reg 34" "No response yet"
check "an inspector gets no response form" hasnt q-view "Your action plan"
get q-prof -b "$WORK/j-inspector" "$U/homes/W0000001"
check "the home's profile: the quality of care, the notice first" has q-prof \
	"Quality of care" 'href="/homes/W0000001/inspections/new">Record an inspection' \
	"Findings still to be put right" "Overdue by 5 days" "Latest notifications"
check "the overdue notice is the first finding listed" sh -c \
	"grep -o 'href=\"/inspections/$insp#finding-[0-9]*\">[^<]*' '$WORK/q-prof.b' | head -1 | grep -q 'Priority action notice'"
get q-prof-hm -b "$WORK/j-home-manager" "$U/homes/W0000001"
check "the home manager: File a notification, no Record an inspection" has q-prof-hm \
	'href="/homes/W0000001/notifications/new">File a notification'
check "(not the inspector's button)" hasnt q-prof-hm "/inspections/new"

# columns: inspector analyst social-worker placements home-manager police admin
matrix /homes/W0000001/inspections/new		200 404 404 404 404 404 404
matrix /homes/W9999999/inspections/new		404 404 404 404 404 404 404
matrix "/inspections/$insp"			200 404 200 200 200 404 404
matrix /inspections/999999			404 404 404 404 404 404 404
matrix /homes/W0000001/notifications/new	404 404 404 404 200 404 404
matrix /homes/W0000002/notifications/new	404 404 404 404 404 404 404
matrix /homes/W0000001/notifications		200 404 200 200 200 404 404
matrix "/homes/W0000001/notifications?page=2"	200 404 200 200 200 404 404

# every new POST x every role: the exact status, and each refusal audited
# post_matrix PATH SUBJECT_RE STATUS... (ARGS from $PARGS)
post_matrix() {
	ppath=$1
	psub=$2
	shift 2
	unaudited=""
	got=""
	for r in $ROLES; do
		since=$(audit_head)
		# shellcheck disable=SC2086
		post_as "$r" "pm-$r" "$ppath" $PARGS
		got="$got $(status "pm-$r")"
		unaudited="$unaudited$(audited_refusal "$r" POST "$(status "pm-$r")" "$psub" "$since")"
	done
	check_eq "POST $ppath: by role" " $*" "$got"
	check_eq "POST $ppath: every refusal audited" "" "$unaudited"
}
post_as inspector q-dup /homes/W0000001/inspections/new $INSP_FORM
check_eq "the same inspection again: 400" 400 "$(status q-dup)"
check "saying why, on the first day" has q-dup 'href="#start-day"' \
	"already has an inspection of this type that started on that day"
PARGS=$(echo "$INSP_FORM" | sed 's/start-day=1 /start-day=2 /')
post_matrix /homes/W0000001/inspections/new '^home-record:W0000001$' \
	303 403 403 403 403 403 403
PARGS="-d plan-$pan=Two+more+night+staff. -d target-$pan-day=31
	-d target-$pan-month=8 -d target-$pan-year=2019"
post_matrix "/findings/$pan/response" "^finding:$pan\$" \
	403 403 403 403 303 403 403
PARGS="-d category=police -d child=W06000011/S01 -d occurred-day=14
	-d occurred-month=8 -d occurred-year=2019 -d occurred-hour=22
	-d occurred-minute=10 -d summary=Police+called+to+a+fight."
post_matrix /homes/W0000001/notifications/new '^notifications:W0000001$' \
	403 403 403 403 303 403 403

# the next inspection judges the notice met and repeats the other
get q-form2 -b "$WORK/j-inspector" "$U/homes/W0000001/inspections/new"
check "the form asks about the findings still to be put right" has q-form2 \
	"Findings of earlier inspections" "name=\"judge-$pan\"" "Not judged at this inspection" \
	'id="f1-repeats"'
afi=$(grep -o 'id="finding-[0-9]*"' "$WORK/q-view.b" | sed -n 2p | tr -dc 0-9)
post_as inspector q-insp3 /homes/W0000001/inspections/new \
	$(echo "$INSP_FORM" | sed 's/start-day=1 /start-day=9 /; s/f1-due-day=10 /f1-due-day=30 /') \
	-d "judge-$pan=met" -d "f2-repeats=$afi"
check_eq "the next inspection, judging the notice: 303" 303 "$(status q-insp3)"
get q-judged -b "$WORK/j-inspector" "$U/inspections/$insp"
check "the notice is met, judged on today" has q-judged ">Met<" "15 August 2019"
insp3=$(header q-insp3 Location | sed -n 's|^/inspections/\([0-9]*\)?saved=recorded$|\1|p')
get q-rep -b "$WORK/j-inspector" "$U/inspections/$insp3"
check "a new finding repeats the earlier one" has q-rep "Repeats an earlier finding"
get q-resp -b "$WORK/j-inspector" "$U/inspections/$insp"
check "the inspector sees who responded and when" has q-resp \
	"Two more night staff." "home-manager@demo.cartref.wales" "Responded"
get q-notifs -b "$WORK/j-inspector" "$U/homes/W0000001/notifications"
check "the home's notifications: the one filed" has q-notifs \
	"Police called to a fight." "14 August 2019 at 22:10"
post_as home-manager q-bad /homes/W0000001/notifications/new \
	--data-urlencode category=missing --data-urlencode summary=
check_eq "a notification with nothing filled in: 400" 400 "$(status q-bad)"
check "with an error summary naming the fields" has q-bad "There is a problem" \
	'href="#occurred-day"' 'href="#child"' 'href="#summary"'
# a missing episode offers its home manager the reg 60 notification,
# filled in from the episode
get q-mp -b "$WORK/j-home-manager" "$U/missing/$ep_s01"
check "the episode offers the home manager the reg 60 notification" has q-mp \
	"href=\"/homes/W0000001/notifications/new?episode=$ep_s01\">File the reg 60 notification"
get q-mp-police -b "$WORK/j-police" "$U/missing/$ep_s01"
check "(not the police)" hasnt q-mp-police "notifications/new"
get q-ep -b "$WORK/j-home-manager" "$U/homes/W0000001/notifications/new?episode=$ep_s01"
check_eq "the form from the episode: 200" 200 "$(status q-ep)"
check "filled in: missing, the child, when" has q-ep '<option value="missing" selected>' \
	'<option value="W06000011/S01" selected>' "name=\"episode\" value=\"$ep_s01\"" \
	'id="occurred-day" name="occurred-day" type="text" inputmode="numeric" value="13"'
get q-ep-sw -b "$WORK/j-social-worker" "$U/homes/W0000001/notifications/new?episode=$ep_s01"
check_eq "not for a council: 404" 404 "$(status q-ep-sw)"
post_as home-manager q-epf /homes/W0000001/notifications/new -d episode="$ep_s01" \
	-d category=missing -d child=W06000011/S01 -d occurred-day=13 -d occurred-month=8 \
	-d occurred-year=2019 -d occurred-hour=18 -d occurred-minute=30 \
	-d summary=Did+not+come+back+from+town. -d action=Called+the+police.
check_eq "filed from the episode: 303" 303 "$(status q-epf)"
get q-notifs2 -b "$WORK/j-inspector" "$U/homes/W0000001/notifications"
check "the timeline links the episode, newest first" sh -c \
	"grep -o 'Police called to a fight\|href=\"/missing/$ep_s01\"' '$WORK/q-notifs2.b' | tr '\n' ' ' | grep -q '^Police called to a fight href'"
get q-cy -b "$WORK/j-inspector" "$U/inspections/$insp?lang=cy"
check "the inspection in Welsh" has q-cy 'lang="cy"' "Canfyddiadau"
for f in q-view q-prof q-bad q-resp q-notifs; do
	check "$f parses" html_ok "$f"
done

# --- the recommendations register (issue 13): page-recs.c ---
# Two recommendations, the second repeating the first, seeded with SQL
# (the demo data and the import add them; no page does): the second to
# Cardiff (row 10) and South Wales Police (row 11).
sql "$db" "INSERT INTO recommendation (id, code, source, source_title, made_on, theme, text_en, text_cy, all_councils) VALUES
 (1, 'NR-A', 'national_review', 'Review A', '2017-05-01', 'missing', 'Offer every child a return interview.', 'Cynnig cyfweliad dychwelyd i bob plentyn.', 0),
 (2, 'NR-B', 'thematic_review', 'Review B', '2019-06-01', 'missing', 'Offer every child a return interview <b>within 72 hours</b>.', 'Cynnig cyfweliad dychwelyd o fewn 72 awr.', 0)" >/dev/null
sql "$db" "INSERT INTO rec_repeat (rec_id, earlier_id) VALUES (2, 1)" >/dev/null
sql "$db" "INSERT INTO rec_addressee (id, rec_id, kind, code) VALUES
 (10, 2, 'council', 'W06000015'), (11, 2, 'police', 'south-wales')" >/dev/null
# (PostgreSQL's sequences do not move for rows given their ids)
if on_pg; then
	sql "$db" "SELECT setval(pg_get_serial_sequence('recommendation', 'id'), 2)" >/dev/null
	sql "$db" "SELECT setval(pg_get_serial_sequence('rec_addressee', 'id'), 11)" >/dev/null
fi
get r-list -b "$WORK/j-social-worker" "$U/recommendations"
check "the register: Cardiff's own row first, times made since the first" has r-list \
	'id="yours"' 'href="/recommendations/2">NR-B' '2 times since 1 May 2017' \
	'1 council: 0 done, 0 accepted' '1 police force: 0 done, 0 accepted'
check "its text escaped" has r-list 'return interview &lt;b&gt;within 72 hours&lt;/b&gt;'
check "the service navigation links /recommendations" has r-list \
	'class="govuk-service-navigation__link" href="/recommendations"'
get r-f -b "$WORK/j-inspector" "$U/recommendations?theme=education"
check "a theme filter" has r-f "There are no recommendations to show."
post_as social-worker r-act /recommendations/2/addressees/10/actions \
	--data-urlencode what-10=Commission\ a\ return\ interview\ service. \
	--data-urlencode who-10=Head\ of\ service --data-urlencode target-10-day=1 \
	--data-urlencode target-10-month=8 --data-urlencode target-10-year=2019
check_eq "Cardiff adds an action: 303" "303 /recommendations/2?saved=action" \
	"$(status r-act) $(header r-act Location)"
post_as social-worker r-upd /recommendations/2/addressees/10/updates \
	--data-urlencode "note-10=Service live; minutes of the board." \
	--data-urlencode status-10=done
check_eq "and an update: done" 303 "$(status r-upd)"
get r-one -b "$WORK/j-social-worker" "$U/recommendations/2"
check "the recommendation: its action overdue, its update, the forms" has r-one \
	"Recommendation NR-B" "Commission a return interview service." "Overdue" \
	"Service live; minutes of the board." "Add an action" "Add a progress update" \
	'href="/recommendations/1">NR-A'
get r-list2 -b "$WORK/j-social-worker" "$U/recommendations"
check "the register: what is overdue of Cardiff's own" has r-list2 \
	"Commission a return interview service." "due 1 August 2019"
act=$(grep -o 'action="/recommendations/2/actions/[0-9]*/done"' "$WORK/r-one.b" | head -1 | tr -dc 0-9 | sed 's/^2//')
check "an action can be marked done" test -n "$act"
get r-ins -b "$WORK/j-inspector" "$U/recommendations/2"
check "the inspector: the verdict form, no follow-up forms" has r-ins 'action="/recommendations/2/addressees/10/verdict"'
check "(not Cardiff's forms)" hasnt r-ins "Add a progress update"
post_as inspector r-bad /recommendations/2/addressees/10/verdict --data-urlencode decision-10=rejected
check_eq "a rejection without a reason: 400" 400 "$(status r-bad)"
check "with an error summary naming the reason" has r-bad "There is a problem" 'href="#reason-10"'
get r-cy -b "$WORK/j-police" "$U/recommendations/2?lang=cy"
check "in Welsh" has r-cy 'lang="cy"' "Argymhelliad NR-B" "Cynnig cyfweliad dychwelyd o fewn 72 awr."
for p in r-list r-one r-ins r-bad r-cy; do
	check "the register's page $p parses" html_ok "$p"
done
# columns: inspector analyst social-worker placements home-manager police admin
matrix /recommendations				200 200 200 200 200 200 404
matrix "/recommendations?source=national_review"	200 200 200 200 200 200 404
matrix /recommendations/2			200 200 200 200 200 200 404
matrix /recommendations/99			404 404 404 404 404 404 404
PARGS="--data-urlencode what-10=x --data-urlencode who-10=y --data-urlencode target-10-day=1
	--data-urlencode target-10-month=9 --data-urlencode target-10-year=2019"
# (another organisation's row is 404, as one that does not exist)
post_matrix /recommendations/2/addressees/10/actions '^rec-addressee:10$' \
	403 403 303 303 404 404 403
PARGS="--data-urlencode note-11=Started. --data-urlencode status-11=in_progress"
post_matrix /recommendations/2/addressees/11/updates '^rec-addressee:11$' \
	403 403 404 404 404 303 403
PARGS=""
post_matrix "/recommendations/2/actions/$act/done" '^rec-(addressee|action):' \
	403 403 303 303 404 404 403
PARGS="--data-urlencode decision-10=accepted"
post_matrix /recommendations/2/addressees/10/verdict '^rec-addressee:10$' \
	303 403 403 403 403 403 403

# adding a recommendation: inspectors alone (page-rec-new.c)
matrix /recommendations/new			200 404 404 404 404 404 404
get rn-list -b "$WORK/j-inspector" "$U/recommendations"
check "the register offers the inspector to add one" has rn-list 'href="/recommendations/new"'
check "(not the others)" hasnt r-list 'href="/recommendations/new"'
get rn-form -b "$WORK/j-inspector" "$U/recommendations/new?lang=cy"
check "the form, in Welsh, offers the earlier ones to repeat" has rn-form \
	'Ychwanegu argymhelliad' 'name="repeats-1"' 'name="to-councils"'
post_as inspector rn-bad /recommendations/new --data-urlencode code=NR-C
check_eq "an empty form: 400" 400 "$(status rn-bad)"
check "naming each missing field" has rn-bad 'href="#source"' 'href="#made"' \
	'href="#theme"' 'href="#text-en"' 'href="#text-cy"' 'href="#to-councils"' 'value="NR-C"'
RN_FORM="--data-urlencode code=NR-C --data-urlencode source=thematic_review
	--data-urlencode title=Review+C --data-urlencode made-day=2
	--data-urlencode made-month=8 --data-urlencode made-year=2019
	--data-urlencode theme=missing --data-urlencode text-en=Hold+strategy+meetings.
	--data-urlencode text-cy=Cynnal+cyfarfodydd+strategaeth.
	--data-urlencode to-councils=yes --data-urlencode to-police=yes
	--data-urlencode repeats-2=yes"
# shellcheck disable=SC2086
post_as inspector rn-ok /recommendations/new $RN_FORM
check_eq "added: 303 to it" "303 /recommendations/3" "$(status rn-ok) $(location rn-ok)"
check_eq "addressed to every Welsh council and the four forces" \
	"$(sql "$db" "SELECT count(*) FROM la WHERE country = 'W92000004' AND is_council = 1") + 4" \
	"$(sql "$db" "SELECT count(*) FROM rec_addressee WHERE rec_id = 3 AND kind = 'council'") + $(sql "$db" "SELECT count(*) FROM rec_addressee WHERE rec_id = 3 AND kind = 'police'")"
check_eq "repeating NR-B" "2" "$(sql "$db" "SELECT earlier_id FROM rec_repeat WHERE rec_id = 3")"
# shellcheck disable=SC2086
post_as inspector rn-dup /recommendations/new $RN_FORM
check "the same code again: said on the code" has rn-dup 'href="#code"' "A recommendation has that code"
PARGS=$(echo "$RN_FORM" | sed 's/code=NR-C/code=NR-D/')
post_matrix /recommendations/new '^recommendation:' \
	303 403 403 403 403 403 403

# --- Welsh ---
get cy-dash -b "$WORK/j-inspector" "$U/dashboard?lang=cy"
check "dashboard in Welsh" has cy-dash '<html lang="cy"' "Dangosfwrdd: Cymru" "Ffigurau union" \
	"Cartrefi a lleoedd" "Mynd ar goll o ofal" "Blwyddyn adrodd" "Dangos ffigurau"
get cy-list -b "$WORK/j-social-worker" "$U/children?lang=cy"
check "children in Welsh" has cy-list '<html lang="cy"' "Plant</h1>" "Cyfeirnod y plentyn yn dechrau gyda" \
	"Chwilio" "5 o blant" ">Caerdydd<"
get cy-rec -b "$WORK/j-police" "$U/children/W06000015/C01?lang=cy"
check "a record in Welsh" has cy-rec '<html lang="cy"' "Plentyn C01" "Am y plentyn" "Cronoleg" \
	"heb ei ddangos" "Cartref plant (K2)" "Ar goll o ofal (M)" "Yn dal ar goll" "Mehefin"
get cy-homes -b "$WORK/j-analyst" "$U/homes?lang=cy"
check "homes in Welsh" has cy-homes '<html lang="cy"' "Cartrefi plant</h1>" "Preifat" "Gwirfoddol" "Ar agor"
get cy-prof -b "$WORK/j-inspector" "$U/homes/W0000001?lang=cy"
check "a profile in Welsh" has cy-prof '<html lang="cy"' "Yn y gofrestr" "Arolygiad diwethaf" "Ansawdd y gofal" \
	"Beth i edrych arno yn gyntaf"
get cy-home -b "$WORK/j-police" "$U/home?lang=cy"
check "what to do first in Welsh" has cy-home "I’w wneud gyntaf" "Graddio’r risg: S01, 14" "Yn derbyn gofal gan Abertawe"
check "nav in Welsh" has cy-home ">Hafan</a>" ">Dangosfwrdd</a>" ">Cartrefi</a>" ">Plant</a>"

# --- every page parses as HTML ---
# (asserted: it printed ok whatever the pages were, issue 10)
i=1
parsed=0
unparsed=""
while [ "$i" -le "$npages" ]; do
	if [ "$(status "p$i")" = 200 ]; then
		parsed=$((parsed + 1))
		why=$(html_ok "p$i") || unparsed="$unparsed
p$i: $why"
	fi
	i=$((i + 1))
done
if [ -z "$unparsed" ] && [ "$parsed" -ge 20 ]; then
	ok "every 200 page of the matrix parses (xmllint --html): $parsed pages"
else
	not_ok "every 200 page of the matrix parses (xmllint --html)" \
		"$parsed pages with 200, these do not parse:$unparsed"
fi
for f in dash-insp dash-an dash-sw dash-police dash-hm rec-sw rec-police prof-insp homes-an \
    cy-dash cy-rec home-inspector home-police; do
	check "$f parses" html_ok "$f"
done

# --- escaping: every parameter ---
XSS='<script>alert(1)</script>'
get x-q -b "$WORK/j-social-worker" --get --data-urlencode "q=$XSS" "$U/children"
check_eq "q=<script>: a search, 200" 200 "$(status x-q)"
check "q is escaped in the search box" has x-q 'value="&lt;script&gt;alert(1)&lt;/script&gt;"'
check "and never raw" hasnt x-q "$XSS"
for probe in "children?council=W06000015%22%3E" "children?page=1%3Cb%3E" \
    "homes?council=W06000015%22%3E" "homes?type=%3Cscript%3E" "homes?page=1%3Cb%3E" \
    "dashboard?year=1%3Cb%3E" "dashboard/council/W06000015?year=%22%3E%3Cb%3E" \
    "children?q=$(printf %s "$XSS" | sed 's/</%3C/g; s/>/%3E/g; s|/|%2F|g')&council=%3Cb%3E"; do
	get x -b "$WORK/j-inspector" "$U/$probe"
	check_eq "/$probe: 400" 400 "$(status x)"
	check "/$probe: never raw" hasnt x 'W06000015">' '1<b>' '"><b>' '<script>' '<b>'
done
for probe in "children/%3Cscript%3E/x" "children/W06000015/%22%3E%3Cb%3E" "homes/%3Cscript%3E" \
    "dashboard/council/%3Cscript%3E"; do
	get x -b "$WORK/j-inspector" "$U/$probe"
	check_eq "/$probe: 404" 404 "$(status x)"
	check "/$probe: never raw" hasnt x '<script>' '"><b>'
done
get x-lang -b "$WORK/j-inspector" "$U/children?q=%22%3E%3Cb%3E"
check "the language switch keeps the query, escaped" has x-lang 'q=%22%3E%3Cb%3E&amp;lang=cy'

# --- SQL text is a plain string ---
get sqli -b "$WORK/j-social-worker" --get --data-urlencode "q=x' OR '1'='1" "$U/children"
check_eq "q=x' OR '1'='1: 200" 200 "$(status sqli)"
check "and an empty list, not an error" has sqli "No children match."
get sqli2 -b "$WORK/j-inspector" --get --data-urlencode "q=%" "$U/children"
check "q=% matches nothing (no LIKE)" has sqli2 "No children match."

# --- bounded parameters ---
get big -b "$WORK/j-social-worker" --get --data-urlencode "q=$(printf '%065d' 0)" "$U/children"
check_eq "q over 64 bytes: 400" 400 "$(status big)"
check "with the form again and an error summary" has big '<div class="govuk-error-summary"' \
	'<a href="#q">Child reference must be 64 characters or fewer</a>' 'aria-describedby="q-error"' \
	"<title>Error: Children"
check "an error summary first, then the h1" sh -c "grep -n 'govuk-error-summary\"\|<h1' '$WORK/big.b' | head -1 | grep -q error-summary"
get huge -b "$WORK/j-social-worker" --get --data-urlencode "q=$(printf '%0257d' 0)" "$U/children"
check_eq "q over 256 bytes: the 400 page" "400" "$(status huge)"
check "no form for it" hasnt huge 'id="q"'
get twice -b "$WORK/j-social-worker" "$U/children?page=1&page=2"
check_eq "a parameter given twice: 400" 400 "$(status twice)"
get page0 -b "$WORK/j-social-worker" "$U/children?page=0"
check_eq "page=0: 400" 400 "$(status page0)"

# --- headers: no caching, the CSP ---
get csp -b "$WORK/j-inspector" "$U/dashboard"
check "pages are never cached" sh -c "grep -qi '^Cache-Control: no-store' '$WORK/csp.h'"
check "and carry the CSP" sh -c "grep -qi \"^Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'\" '$WORK/csp.h'"

stop_server
check_eq "the server stops cleanly" 0 "$?"
check "the audit trail is intact" cr audit verify
done_testing
