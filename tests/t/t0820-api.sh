#!/bin/sh
# t0820: the JSON API over real HTTP against its contract, docs/openapi.json.
# On the review fixture with one user per role (and a second provider, a
# second police force and another council, so that every kind of scope
# has someone inside and someone outside it), every route x role answers
# exactly the status the matrix below says; the children, missing periods
# and home addresses each role gets are the ones docs/access.md gives;
# fields follow the field table; every answer, errors included, matches
# its schema in docs/openapi.json (tests/tools/openapi-check.c); probes
# in parameters get 400 or nothing, never 500; reads are audited.
#
# The fixture's returns end on 31 March 2019: the clock is that summer's
# (clock_at, base/clock.h), when C01 is 13, placed at Bryn Dau and,
# recorded live, missing now (the police's scope); its return's open
# period of 25 March is not "missing now" on its own.
. tests/t/lib.sh
clock_at "2019-08-15 12:00Z"

db=$WORK/api.db
log=$WORK/server.log
out=$WORK/server.out
B=$DATA/review/boundaries
SPEC=docs/openapi.json
CHECK=$(dirname "${CARTREF_REAL:-$CARTREF}")/tools/openapi-check

fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
check "fixture homes" cr import homes $B/homes.csv
check "fixture 2018" cr import 903 --la W06000015 $B/2018/*.csv
check "fixture 2019" cr import 903 --la W06000015 $B/2019/*.csv
check "one demo user per role" cr user demo
printf 'LA,CHILD,KIND,URN,STARTED_AT\nW06000015,C01,M,W0000002,2019-08-14T21:00\n' >"$WORK/live.csv"
check "C01 missing now from Bryn Dau, recorded live" cr missing import "$WORK/live.csv"
check "a provider running Bryn Dau" cr user org-add --kind provider --code meadow \
	--name-en "The Meadow Trust" --provider "The Meadow Trust"
adduser() {
	echo "api test password $1" | "$CARTREF" --db "$db" user add --email "$1@example.org" \
		--name "Test $1" --role "$2" --org "$3" --password-stdin
}
check "its home manager" adduser meadow home_manager provider:meadow
check "a police coordinator in Dyfed-Powys" adduser dyfed police_missing_coordinator police:dyfed-powys
check "a social worker in Swansea" adduser swansea council_social_worker council:W06000011
check "a user to revoke" adduser revoked inspector inspectorate:CIW

# token ROLE EMAIL: an API token for EMAIL in $WORK/ROLE.tok
token() {
	cr user token "$2" --label "t0820" 2>&1 | grep '^cartref_' >"$WORK/$1.tok"
}
D=demo.cartref.wales
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
token revoked revoked@example.org
ntok=0
for r in $ROLES revoked; do
	t=$(cat "$WORK/$r.tok")
	[ "${#t}" -eq 51 ] && ntok=$((ntok + 1))
done
check_eq "an API token per user" 11 "$ntok"
check "the OpenAPI checker is built" test -x "$CHECK"
check "docs/openapi.json is a sound OpenAPI 3.0 description" "$CHECK" "$SPEC" lint
"$CHECK" "$SPEC" routes | sort >"$WORK/spec-routes"
sed -n 's/.*{ HTTP_\([A-Z]*\), "\(\/api\/v1\/[^"]*\)".*/\1 \2/p' src/web/router.c | sort >"$WORK/router-routes"
check "every /api/v1 route is documented, and only those" diff "$WORK/router-routes" "$WORK/spec-routes"

SERVER_PORT_BASE=20000
. tests/t/lib-server.sh

server_up

# call NAME ROLE PATH [curl args...]: GET PATH with ROLE's token ("none":
# without one); headers to $WORK/NAME.h, body to $WORK/NAME.b.  Every
# answer is checked against docs/openapi.json (a HEAD must have no body:
# curl -I writes only the headers to the body file;
# $method other than GET or HEAD: the Error schema); failures are
# collected in $invalid and reported by one check at the end.
ncalls=0
invalid=""
method=GET
call() {
	name=$1
	role=$2
	path=$3
	shift 3
	if [ "$role" = none ]; then
		curl -s -D "$WORK/$name.h" -o "$WORK/$name.b" "$@" "$U$path"
	else
		curl -s -D "$WORK/$name.h" -o "$WORK/$name.b" \
			-H "Authorization: Bearer $(cat "$WORK/$role.tok")" "$@" "$U$path"
	fi
	ncalls=$((ncalls + 1))
	code=$(status "$name")
	case "$method" in
	GET) set -- "$CHECK" "$SPEC" response GET "$path" "$code" "$WORK/$name.b" ;;
	HEAD) set -- cmp "$WORK/$name.h" "$WORK/$name.b" ;;	# curl -I: headers only
	*) set -- "$CHECK" "$SPEC" schema Error "$WORK/$name.b" ;;
	esac
	if ! "$@" >"$WORK/$name.err" 2>&1; then
		invalid="$invalid
$role $method $path $code: $(head -5 "$WORK/$name.err")"
	fi
	method=GET
	case "$code" in
	5*) fivexx="$fivexx $role:$path" ;;
	esac
}
fivexx=""
# refs NAME: the children's references in a list answer, space-separated
refs() {
	grep -o '"ref":"[^"]*"' "$WORK/$1.b" | sed 's/"ref":"\(.*\)"/\1/' | tr '\n' ' ' | sed 's/ $//'
}
# member NAME KEY: the first number or true/false value of "KEY"
member() {
	grep -o "\"$2\": *[0-9a-z]*" "$WORK/$1.b" | head -1 | sed 's/^[^:]*: *//'
}

# --- every route x role: the exact status ---
# columns: the roles in $ROLES order, then no token.  Every 403 and 404
# of a route that reads children's data writes a "view-denied" row as that
# user naming what was asked for (tests/t/lib-audit.sh; the review's
# figures are not such a route).
. tests/t/lib-audit.sh
subject_re() {
	case $1 in
	*/children/*) echo "^child:$(echo "$1" | sed 's,.*/children/,,')\$" ;;
	*/children*) echo "^children(:|\$)" ;;
	*/homes/*) echo "^home:$(echo "$1" | sed 's,.*/homes/,,')\$" ;;
	*/missing/open*) echo "^missing(:|\$)" ;;
	esac
}
matrix='
/api/v1/me                           200 200 200 200 200 200 200 200 200 200 401
/api/v1/children                     200 403 200 200 200 200 200 200 200 403 401
/api/v1/children/W06000015/C01       200 403 200 200 404 200 200 404 404 403 401
/api/v1/children/W06000015/C02       404 403 200 200 404 404 404 404 404 403 401
/api/v1/children/W06000015/C99       404 403 404 404 404 404 404 404 404 403 401
/api/v1/children/W06000011/C01       404 403 404 404 404 404 404 404 404 403 401
/api/v1/homes                        200 200 200 200 200 200 200 200 200 200 401
/api/v1/homes/W0000002               200 403 200 200 200 200 200 200 200 403 401
/api/v1/homes/W9999999               404 403 404 404 404 404 404 404 404 403 401
/api/v1/missing/open                 200 403 200 200 200 200 200 200 200 403 401
/api/v1/review                       200 200 200 200 200 200 200 200 200 200 401
/api/v1/review?la=W06000015          200 200 200 200 200 200 200 200 200 200 401
/api/v1/review?home=W0000001         200 200 200 200 200 200 200 200 200 200 401
/api/v1/review?la=W06000099          404 404 404 404 404 404 404 404 404 404 401
'
while read -r path want; do
	[ -n "$path" ] || continue
	got=""
	unaudited=""
	for r in $ROLES none; do
		since=$(audit_head)
		call "m" "$r" "$path"
		got="$got $(status m)"
		if [ "$r" = none ] && [ -z "$(header m WWW-Authenticate)" ]; then
			got="$got(no WWW-Authenticate)"
		fi
		case $path in */review*) continue ;; esac
		unaudited="$unaudited$(audited_refusal "$r" GET "$(status m)" "$(subject_re "$path")" "$since")"
	done
	check_eq "GET $path by role" "$want" "$(echo $got)"
	check_eq "GET $path: every refusal audited" "" "$unaudited"
done <<EOF
$matrix
EOF

call ping none /api/v1/ping
check_eq "ping needs no token" 200 "$(status ping)"
call revoked-ok revoked /api/v1/me
check_eq "a token works before it is revoked" 200 "$(status revoked-ok)"
tid=$(cr user tokens revoked@example.org | awk 'NR == 2 { print $1 }')
check "revoke it" cr user revoke-token "$tid"
for p in /api/v1/me /api/v1/children /api/v1/children/W06000015/C01 /api/v1/review; do
	call revoked revoked "$p"
	check_eq "a revoked token: $p 401" 401 "$(status revoked)"
done
check "401 says how: WWW-Authenticate Bearer invalid_token" sh -c "grep -qi '^WWW-Authenticate: Bearer realm=\"cartref\", error=\"invalid_token\"' '$WORK/revoked.h'"
call badtok none /api/v1/children -H "Authorization: Bearer cartref_notatoken"
check_eq "a token that is not one: 401" 401 "$(status badtok)"
call basic none /api/v1/children -H "Authorization: Basic Zm9vOmJhcg=="
check_eq "another scheme: 401" 401 "$(status basic)"

# --- which children each role gets (docs/access.md, "Which children") ---
for r in $ROLES; do
	[ "$r" = analyst ] || [ "$r" = admin ] && continue
	call "list-$r" "$r" /api/v1/children
done
check_eq "council: all its children" "C01 C02 C03 C04 C05 C06 C07" "$(refs list-sw)"
check_eq "council (placements): the same" "C01 C02 C03 C04 C05 C06 C07" "$(refs list-placements)"
check_eq "council: total 7" 7 "$(member list-sw total)"
check_eq "inspectorate: children placed in registered homes" "C01 C04" "$(refs list-inspector)"
check_eq "provider: placed in its homes now (Bryn Dau)" "C01" "$(refs list-meadow)"
check_eq "provider: none placed in its homes within 90 days" "" "$(refs list-orchard)"
check_eq "police: missing now from its area (South Wales)" "C01" "$(refs list-police)"
check_eq "police: none from another force's area" "" "$(refs list-dyfed)"
check_eq "another council: none of Cardiff's children" "" "$(refs list-swansea)"

call page2 sw "/api/v1/children?page=2&page_size=3"
check_eq "paging: page 2 of 3" "C04 C05 C06" "$(refs page2)"
check_eq "paging: metadata" "2 3 7" "$(member page2 page) $(member page2 page_size) $(member page2 total)"
call page9 sw "/api/v1/children?page=9"
check_eq "paging: past the end, empty" "200 7 ''" "$(status page9) $(member page9 total) '$(refs page9)'"
call q sw "/api/v1/children?q=C0&council=W06000015&page_size=2"
check_eq "q and council filter" "C01 C02" "$(refs q)"
call qnone sw "/api/v1/children?council=W06000011"
check_eq "a council filter cannot widen scope" "" "$(refs qnone)"
call qi inspector "/api/v1/children?q=C02"
check_eq "a filter cannot widen scope (inspector, C02)" "" "$(refs qi)"

# --- which fields (docs/access.md, "Which fields") ---
call rec-sw sw /api/v1/children/W06000015/C01
call rec-in inspector /api/v1/children/W06000015/C01
call rec-pr meadow /api/v1/children/W06000015/C01
call rec-po police /api/v1/children/W06000015/C01
check "council: the whole record" has rec-sw '"access":"council"' '"upn":"UN1"' '"ethnicity":"WBRI"' \
	'"date_of_birth":"2006-06-01"' '"category_of_need":"N1"' '"placement_postcode":"SA1 1AA"' \
	'"home_postcode":"CF10 1AA"' '"distance_miles":34.2' '"outcomes":[]'
check_eq "council: every placement (3) and missing period (4)" "3 4" \
	"$(grep -o '"reason_new_episode"' "$WORK/rec-sw.b" | tail -n +2 | wc -l | tr -d ' ') $(grep -o '"kind":"[MA]"' "$WORK/rec-sw.b" | wc -l | tr -d ' ')"
check "inspectorate: no date of birth, UPN, need, postcodes, outcomes" hasnt rec-in \
	date_of_birth upn ethnicity category_of_need placement_postcode home_postcode distance_miles outcomes
check "inspectorate: age, legal status, distance band" has rec-in '"access":"inspectorate"' '"age":' \
	'"legal_status":"C2"' '"distance_band":"21-40"'
check "provider: who, not UPN, ethnicity, need, postcodes" hasnt rec-pr upn ethnicity category_of_need \
	placement_postcode home_postcode distance_miles outcomes
check "provider: only placements at its homes" hasnt rec-pr '"urn":"W0000001"'
check "provider: date of birth, legal status" has rec-pr '"access":"provider"' '"date_of_birth":"2006-06-01"' '"legal_status"'
check "police: the current placement only" has rec-po '"access":"police"' '"placements":[{"start":"2018-09-20"'
check "police: no legal status, endings, distance, away periods" hasnt rec-po legal_status \
	reason_episode_ceased distance_band '"kind":"A"' upn
check_eq "police: one placement" 1 "$(grep -o '"reason_new_episode"' "$WORK/rec-po.b" | tail -n +2 | wc -l | tr -d ' ')"
call rec-c02 sw /api/v1/children/W06000015/C02
check "council: outcomes with flags" has rec-c02 '"outcomes":[{"year":2019,"sdq_score":20,"sdq_reason":null,"convicted":false,"health_check":true'
call x1 meadow /api/v1/children/W06000015/C02
call x2 meadow /api/v1/children/W06000015/C99
check "a child out of scope reads exactly as one that does not exist" cmp "$WORK/x1.b" "$WORK/x2.b"

# --- homes: the register to all, the address rule ---
call homes-sw sw /api/v1/homes
call homes-an analyst /api/v1/homes
call homes-in inspector /api/v1/homes
call homes-or orchard /api/v1/homes
check_eq "the register: 3 homes for anyone" "3 3" "$(member homes-an total) $(member homes-sw total)"
check "inspectors: every full postcode" has homes-in '"postcode":"CF14 3AA","postcode_full":true' \
	'"postcode":"SA1 1AA","postcode_full":true' '"postcode":"CF14 3AB","postcode_full":true'
check "analysts: districts only" has homes-an '"postcode":"CF14","postcode_full":false' '"postcode":"SA1","postcode_full":false'
check "analysts: no full postcode at all" hasnt homes-an '3AA' '1AA' '3AB'
check "council: full where it placed a child lately and for its own home" has homes-sw \
	'"postcode":"CF14","postcode_full":false' '"postcode":"SA1 1AA","postcode_full":true' '"postcode":"CF14 3AB","postcode_full":true'
check "provider: its own home's full postcode only" has homes-or '"postcode":"CF14 3AA","postcode_full":true' \
	'"postcode":"SA1","postcode_full":false'
call homes-t inspector "/api/v1/homes?type=la"
check_eq "type filter" "1 W0000003" "$(member homes-t total) $(grep -o '"urn":"[^"]*"' "$WORK/homes-t.b" | sed 's/"urn":"\(.*\)"/\1/')"
call homes-c inspector "/api/v1/homes?council=W06000011"
check_eq "council area filter" 1 "$(member homes-c total)"
call hp-in inspector /api/v1/homes/W0000002
call hp-pr meadow /api/v1/homes/W0000002
call hp-or orchard /api/v1/homes/W0000002
call hp-sw sw /api/v1/homes/W0000002
call hp-swa swansea /api/v1/homes/W0000002
check "profile: children placed there, for the inspectorate" has hp-in '"children":[{"council":"W06000015","ref":"C01"' '"figures":[{"year":2019'
check "profile: figures for the home's provider" has hp-pr '"figures":[' '"ref":"C01"'
check "profile: another provider sees no child there, no figures" has hp-or '"children":[]'
check "profile: another provider: no figures" hasnt hp-or figures
check "profile: the placing council sees its child, not the figures" has hp-sw '"ref":"C01"'
check "profile: the placing council: no figures of a home in another area" hasnt hp-sw figures
check "profile: the council of the home's area has the figures" has hp-swa '"figures":[' '"children":[]'

# --- missing from care ---
call mo-sw sw /api/v1/missing/open
call mo-po police /api/v1/missing/open
call mo-dy dyfed /api/v1/missing/open
call mo-or orchard /api/v1/missing/open
call mo-pr meadow "/api/v1/missing/open?urn=W0000002"
call mo-pr2 meadow "/api/v1/missing/open?urn=W0000001"
check_eq "council: its child missing now" "C01" "$(refs mo-sw)"
check_eq "police: missing from its area" "C01" "$(refs mo-po)"
check_eq "police elsewhere: none" "" "$(refs mo-dy)"
check_eq "provider: none from its homes" "" "$(refs mo-or)"
check_eq "provider: from its home, by URN" "C01" "$(refs mo-pr)"
check_eq "provider: the URN filter" "" "$(refs mo-pr2)"
check "the open period: kind M, no end, days missing" has mo-po '"kind":"M","start":"2019-03-25","end":null,"open":true' '"days_missing":'
check "police: the district, not the postcode" hasnt mo-po placement_postcode

# --- the review: exact or published by role ---
pub() { member "$1" published; }
call rv-in inspector /api/v1/review
call rv-inp inspector "/api/v1/review?publish=true"
call rv-an analyst "/api/v1/review?publish=false"
call rv-sw sw "/api/v1/review?la=W06000015"
call rv-swn sw /api/v1/review
call rv-swo sw "/api/v1/review?la=W06000011"
call rv-swh sw "/api/v1/review?home=W0000001"
call rv-or orchard "/api/v1/review?home=W0000001"
call rv-or2 orchard "/api/v1/review?home=W0000002"
call rv-po police "/api/v1/review?la=W06000015"
call rv-ad admin "/api/v1/review?year=2019"
check_eq "inspector: exact, or published when asked" "false true" "$(pub rv-in) $(pub rv-inp)"
check_eq "analyst: always published" true "$(pub rv-an)"
check_eq "council: its own figures exact, others published" "false true true" "$(pub rv-sw) $(pub rv-swn) $(pub rv-swo)"
check_eq "council: a home in its area exact" false "$(pub rv-swh)"
check_eq "provider: its home exact, others published" "false true" "$(pub rv-or) $(pub rv-or2)"
check_eq "police and admin: published" "true true" "$(pub rv-po) $(pub rv-ad)"
check "the contract: scope, year, period" has rv-sw '"cartref_review": 1' '"kind": "council"' '"code": "W06000015"' \
	'"year": 2019' '"start": "2018-04-01"'
check "published: small counts suppressed" has rv-an '"suppressed": true'
for bad in "year=1999" "year=2025"; do
	call rvb inspector "/api/v1/review?$bad"
	check_eq "review ?$bad: no return covers it, 404" 404 "$(status rvb)"
done
for bad in "year=abc" "year=19" "la=W06000015&home=W0000001" "la=" "publish=maybe" "lang=cy"; do
	call rvb inspector "/api/v1/review?$bad"
	check_eq "review ?$bad: 400" 400 "$(status rvb)"
done
call rvh inspector "/api/v1/review?home=W9999999"
check_eq "review of an unknown home: 404" 404 "$(status rvh)"

# --- parameters: 400 or nothing, never 500 ---
for q in "council=x%27%20OR%20%271%27%3D%271" "q=%27%20OR%201%3D1%20--" "q=%25" "q=_" \
	"council=W06000015%27--" "q=C0%22%7D" "council=%E2%80%AE" "q=$(printf 'a%.0s' $(seq 64))"; do
	call probe sw "/api/v1/children?$q"
	check_eq "children ?$(echo "$q" | cut -c1-30): 200, nothing" "200 0" "$(status probe) $(member probe total)"
done
for q in "q=$(printf 'a%.0s' $(seq 65))" "page=0" "page=-1" "page=abc" "page=1e3" "page_size=0" \
	"page_size=101" "page_size=" "q=a&q=b" "q=%00" "q=%ZZ" "q=%C3%28" "counsil=W06000015"; do
	call probe sw "/api/v1/children?$q"
	check_eq "children ?$(echo "$q" | cut -c1-30): 400" 400 "$(status probe)"
done
for q in "type=care" "type=la%27" "council=%00" "page=1&page=2"; do
	call probe inspector "/api/v1/homes?$q"
	check_eq "homes ?$q: 400" 400 "$(status probe)"
done
for q in "urn=%27%20OR%20%271%27%3D%271" "council=%27%3B%20DROP%20TABLE%20audit%3B--"; do
	call probe police "/api/v1/missing/open?$q"
	check_eq "missing ?$(echo "$q" | cut -c1-30): 200, nothing" "200 0" "$(status probe) $(member probe total)"
done
for p in "/api/v1/children/W06000015/C01%27%20OR%20%271%27%3D%271" "/api/v1/children/W06000015%27--/C01" \
	"/api/v1/children/W06000015/$(printf 'C%.0s' $(seq 300))" "/api/v1/homes/%27%20OR%201%3D1" \
	"/api/v1/children/W06000015/%2E%2E" "/api/v1/homes/W0000002%2F..%2F"; do
	call probe sw "$p"
	check_eq "$(echo "$p" | cut -c1-44): 404" 404 "$(status probe)"
done
call probe sw "/api/v1/children/W06000015/C01?x=1"
check_eq "a record takes no query parameters: 400" 400 "$(status probe)"
method=POST call post sw /api/v1/children -X POST -d "q=C0"
check_eq "POST: 405 with Allow" "405 GET, HEAD" "$(status post) $(header post Allow)"
method=HEAD call head sw /api/v1/children/W06000015/C01 -I
check_eq "HEAD: 200, no body" "200 0" "$(status head) $(grep -vc '^.*: \|^HTTP/\|^.$' "$WORK/head.b")"
check_eq "no answer was a 500" "" "$(echo $fivexx)"

# --- credentials that disagree (issue 10, item 5) ---
INSP="Authorization: Bearer $(cat "$WORK/inspector.tok")"
SW="Authorization: Bearer $(cat "$WORK/sw.tok")"
method=x call two-auth none /api/v1/me -H "$INSP" -H "$SW"
check_eq "two Authorization headers: 400" 400 "$(status two-auth)"
method=x call two-same none /api/v1/me -H "$INSP" -H "$INSP"
check_eq "the same one twice: 400 too" 400 "$(status two-same)"
check "signed in as the inspector" session_start insp inspector@$D demo-only-cartref
method=x call mixed sw /api/v1/me -b "$WORK/insp.jar"
check_eq "the social worker's token with the inspector's cookie: 400" 400 "$(status mixed)"
get mixed-page -b "$WORK/insp.jar" -H "$SW" "$U/children"
check_eq "and on a page: 400" 400 "$(status mixed-page)"
call agree inspector /api/v1/me -b "$WORK/insp.jar"
check_eq "token and cookie of one user: 200" 200 "$(status agree)"
get agree-page -b "$WORK/insp.jar" -H "$INSP" "$U/children"
check_eq "and on a page: 200" 200 "$(status agree-page)"

# --- headers ---
check_eq "JSON" "application/json" "$(header rec-sw Content-Type)"
check_eq "never cached" "no-store" "$(header rec-sw Cache-Control)"
check_eq "errors never cached" "no-store" "$(header probe Cache-Control)"

# --- the contract: every answer above matched docs/openapi.json ---
ninvalid=$(printf '%s' "$invalid" | grep -c . || true)
check_eq "all $ncalls answers match docs/openapi.json" 0 "$ninvalid"
[ "$ninvalid" -eq 0 ] || printf '%s\n' "$invalid" | head -40 | sed 's/^/#   /'

# --- audit: every read of a child, refused ones too ---
stop_server
check "the server stops cleanly" test "$?" -eq 0
viewed=$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'view' AND subject_kind = 'child' AND subject_id = 'W06000015/C01'")
check "record views are audited ($viewed)" test "$viewed" -ge 9
check_eq "by whom and from where" "social-worker@$D 127.0.0.1" \
	"$(sql "$db" "SELECT actor || ' ' || ip FROM audit WHERE action = 'view' AND subject_id = 'W06000015/C01' AND actor LIKE 'social-worker@%' LIMIT 1")"
check_eq "an out-of-scope read is audited as such" "out of scope" \
	"$(sql "$db" "SELECT detail FROM audit WHERE action = 'view-denied' AND subject_id = 'W06000015/C02' AND actor = 'meadow@example.org' LIMIT 1")"
check_eq "an analyst's attempt is audited" "role sees aggregates only" \
	"$(sql "$db" "SELECT detail FROM audit WHERE action = 'view-denied' AND actor = 'analyst@$D' LIMIT 1")"
check "lists naming children are audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'list' AND subject_kind = 'children'")" -ge 5
check "open missing lists are audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'list' AND subject_kind = 'missing'")" -ge 3
check "home profiles naming children are audited" test "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'view' AND subject_kind = 'home'")" -ge 3
check "the audit trail is intact" cr audit verify
check "no token in the access log" sh -c "! grep -q cartref_ '$log'"
done_testing
