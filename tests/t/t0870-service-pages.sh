#!/bin/sh
# t0870: the service pages (help, accessibility statement, privacy,
# cookies), `serve --demo` and the options naming who runs the service,
# and the accessibility of the pages anyone can open.
#
# Two servers on one store: a real deployment (--operator, --operator-cy,
# --contact-email; no --demo) and a demonstration (--demo).  curl checks
# what each answers (routes, both languages, escaping of the operator's
# name, the footer on every page, the Beta or Demo banner, the demo
# accounts listed from the store and only with --demo, the cookies page
# against the Set-Cookie headers the server really sends), then
# tests/browser/service.mjs checks the same pages and the lists of homes
# and children in Debian's chromium with axe-core (tests/browser/lib.mjs):
# no WCAG 2.2 A/AA violation, reflow at 320 CSS px, no failed request
# (fonts), keyboard, in English and Welsh.  Screenshots go to
# $TEST_OUT/browser-service/.  The browser part is skipped (one "ok #
# skip" line) only where /usr/bin/chromium is not installed.
#
# Data: the boundaries fixture with C08 added to Cardiff's 2019 return,
# placed at W0000001 (the demo home manager's provider), as t0855.
. tests/t/lib.sh

db=$WORK/service.db
log=$WORK/server.log
shots=${TEST_OUT:-$WORK}/browser-service
B=$DATA/review/boundaries
OPERATOR='Uned Adolygu & <Prawf>'
OPERATOR_CY='Uned Adolygu Cymru & <Prawf>'
CONTACT=cymorth@example.org
pids=""

fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
mkdir -p "$WORK/c2019"
cp $B/2019/*.csv "$WORK/c2019/"
echo "C08,2,01/05/2010,WBRI,UN1,," >>"$WORK/c2019/header.csv"
echo "C08,01/06/2018,S,C2,N1,K2,PR4,,,,CF10 1AA,CF14 3AA,W0000001" >>"$WORK/c2019/episodes.csv"
check "fixture homes" cr import homes $B/homes.csv
check "fixture 2018" cr import 903 --la W06000015 $B/2018/*.csv
check "fixture 2019 with C08" cr import 903 --la W06000015 "$WORK"/c2019/*.csv
check "one demo user per role" cr user demo
# one more at the demo domain (listed: the list is the store's), one
# disabled (not listed), one elsewhere (never listed)
echo demo-only-cartref >"$WORK/pw"
check "a further demo-domain user" sh -c "'$CARTREF' --db '$db' user add --email extra@demo.cartref.wales \
	--name 'Extra Inspector' --role inspector --org inspectorate:CIW --password-stdin <'$WORK/pw'"
check "a disabled demo-domain user" cr user add --email gone@demo.cartref.wales \
	--name "Gone Inspector" --role inspector --org inspectorate:CIW
check "... disabled" cr user disable gone@demo.cartref.wales
check "a user outside the demo domain" cr user add --email real@example.org \
	--name "Real Inspector" --role inspector --org inspectorate:CIW
demo_accounts=$(sql "$db" "SELECT count(*) FROM app_user WHERE email LIKE '%@demo.cartref.wales' AND disabled = 0")
check_eq "the store has 8 enabled demo-domain accounts" 8 "$demo_accounts"

# ---- options -------------------------------------------------------------

check_status "--contact-email must be an address" 2 \
	cr serve --listen 127.0.0.1:1 --contact-email "not an address"
check_status "--contact-email refuses quotes" 2 \
	cr serve --listen 127.0.0.1:1 --contact-email 'a"b@example.org'
check_status "--operator refuses an empty name" 2 \
	cr serve --listen 127.0.0.1:1 --operator ""
check_status "--operator refuses control characters" 2 \
	cr serve --listen 127.0.0.1:1 --operator "$(printf 'a\tb')"
check_status "--operator-cy needs --operator" 2 \
	cr serve --listen 127.0.0.1:1 --operator-cy "Enw"
"$CARTREF" serve --help >"$WORK/help.txt" 2>&1
check "serve --help documents --demo, --operator, --operator-cy, --contact-email" \
	sh -c "grep -q -- '--demo' '$WORK/help.txt' && grep -q -- '--operator NAME' '$WORK/help.txt' &&
	       grep -q -- '--operator-cy' '$WORK/help.txt' && grep -q -- '--contact-email' '$WORK/help.txt'"

# start_server NAME BASEPORT ARGS...: on a free port of 127.0.0.1 (tried
# again when taken), a bounded wait until it answers; sets $U; stopped
# by PID.
start_server() {
	name=$1 baseport=$2
	shift 2
	tries=0
	while [ "$tries" -lt 10 ]; do
		port=$((baseport + ($$ + tries * 97) % 500))
		"$CARTREF" --db "$db" serve --listen "127.0.0.1:$port" \
			--alerts-every 0 "$@" >"$WORK/$name.out" 2>>"$log" &
		spid=$!
		i=0
		while [ "$i" -lt 300 ]; do
			if grep -q "serving" "$WORK/$name.out" 2>/dev/null &&
			    curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/ping"; then
				U=http://127.0.0.1:$port
				pids="$pids $spid"
				return 0
			fi
			kill -0 "$spid" 2>/dev/null || break
			sleep 0.1
			i=$((i + 1))
		done
		kill "$spid" 2>/dev/null
		wait "$spid" 2>/dev/null
		tries=$((tries + 1))
	done
	return 1
}
stop_servers() {
	rc=0
	for p in $pids; do
		kill "$p" 2>/dev/null
		wait "$p" || rc=$?
	done
	pids=""
	return "$rc"
}
trap 'stop_servers' EXIT

if ! start_server real 24000 --operator "$OPERATOR" --operator-cy "$OPERATOR_CY" \
	--contact-email "$CONTACT"; then
	not_ok "the real-deployment server starts" "$(cat "$log")"
	done_testing
	exit 1
fi
ok "the real-deployment server starts on $U"
R=$U
if ! start_server demo 24500 --demo; then
	not_ok "the demo server starts" "$(cat "$log")"
	done_testing
	exit 1
fi
ok "the demo server starts on $U"
D=$U

# get NAME URL [curl args]: body in $WORK/NAME.html, headers in .hdr,
# the status in $WORK/NAME.status
get() {
	f=$1 url=$2
	shift 2
	curl -s -o "$WORK/$f.html" -D "$WORK/$f.hdr" -w '%{http_code}' "$@" "$url" \
		>"$WORK/$f.status"
}
# has NAME STRING...: every string is in the page
has() {
	f=$1
	shift
	for s in "$@"; do
		grep -qF -- "$s" "$WORK/$f.html" || { echo "missing: $s"; return 1; }
	done
}
hasnt() {
	f=$1
	shift
	for s in "$@"; do
		grep -qF -- "$s" "$WORK/$f.html" && { echo "present: $s"; return 1; }
	done
	return 0
}

# ---- the service pages, both languages ------------------------------------

for lang in en cy; do
	for p in help accessibility privacy cookies; do
		get "$p-$lang" "$R/$p?lang=$lang"
		check_eq "/$p ($lang): 200, public" 200 "$(cat "$WORK/$p-$lang.status")"
		check "/$p ($lang): <html lang=\"$lang\">" has "$p-$lang" "<html lang=\"$lang\""
		check "/$p ($lang): no token or link markup left" \
			sh -c "! sed -n '/<main/,/<\/main>/p' '$WORK/$p-$lang.html' | grep -q '{[a-z]*}\|\](\|\[[A-Za-z]'"
	done
done
check "help: 999 first, in a warning" has help-en \
	'<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> If a child is in immediate danger, call 999.'
check "help (cy): 999 in Welsh" has help-cy "Os yw plentyn mewn perygl uniongyrchol, ffoniwch 999."
check "help: access, problems, feedback anchor, the contact address" has help-en \
	"Getting access" "Report a problem" '<h2 class="govuk-heading-m" id="feedback">' \
	"<a class=\"govuk-link\" href=\"mailto:$CONTACT\">$CONTACT</a>"
check "the operator's name is escaped and in the page's language" has help-en \
	"This service is run by Uned Adolygu &amp; &lt;Prawf&gt;."
check "... in Welsh, --operator-cy" has help-cy "Rhedir y gwasanaeth hwn gan Uned Adolygu Cymru &amp; &lt;Prawf&gt;."
check "the raw name never appears" hasnt help-en "<Prawf>"
check "accessibility: the model statement's parts" has accessibility-en \
	"How accessible this service is" "Feedback and contact information" \
	"Reporting accessibility problems with this service" "Enforcement procedure" \
	"Equality Advisory and Support Service" "Compliance status" "partially compliant" \
	"Non-compliance with the accessibility regulations" "2.2.1 (Timing Adjustable)" \
	"Preparation of this accessibility statement" "axe-core" "with the keyboard only"
check "accessibility: the session limit from the code (30 minutes)" has accessibility-en \
	"signed out after 30 minutes"
check "accessibility: the preparation date, in Welsh too" has accessibility-cy \
	"Paratowyd y datganiad hwn ar 7 Rhagfyr 2026"
check "privacy: controller, lawful bases, sharing, audit, retention, rights, ICO" has privacy-en \
	"run by Uned Adolygu &amp; &lt;Prawf&gt;, the controller" "Article 6(1)(e)" \
	"Article 9(2)(h)" "Article 9(2)(g)" "Schedule 1" \
	"Social Services and Well-being (Wales) Act 2014" \
	"Regulation and Inspection of Social Care (Wales) Act 2016" \
	"a police force: children missing now" "Care Inspectorate Wales:" "health boards" \
	"The audit trail" "How long we keep it" "Your rights" \
	'href="https://ico.org.uk/make-a-complaint/"'

# the cookies page against the cookies the server really sets: choose
# Welsh, open the sign-in form, sign in
jar=$WORK/jar
get signin-cy "$R/sign-in?lang=cy" -c "$jar" -b "$jar"
get signin-post "$R/sign-in" -c "$jar" -b "$jar" \
	--data-urlencode "csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$WORK/signin-cy.html")" \
	--data-urlencode "email=inspector@demo.cartref.wales" \
	--data-urlencode "password=demo-only-cartref"
check_eq "signed in on the real server" 303 "$(cat "$WORK/signin-post.status")"
cat "$WORK/signin-cy.hdr" "$WORK/signin-post.hdr" | tr -d '\r' |
	sed -n 's/^[Ss]et-[Cc]ookie: \([^=]*\)=[^;]*; Path=\/; Max-Age=\([0-9]*\);.*/\1 \2/p' |
	grep -v ' 0$' | sort -u >"$WORK/set-cookies"
check_eq "the server sets three cookies, with these lifetimes" \
	"cartref_session 43200
cartref_signin 7200
lang 31536000" "$(cat "$WORK/set-cookies")"
check "... each listed by name on /cookies" has cookies-en \
	'<th scope="row" class="govuk-table__header">cartref_session</th>' \
	'<th scope="row" class="govuk-table__header">cartref_signin</th>' \
	'<th scope="row" class="govuk-table__header">lang</th>'
check "... with those lifetimes (12 hours, 2 hours, 1 year; 30 minutes idle)" has cookies-en \
	"12 hours after you signed in" "after 30 minutes without use" \
	'<td class="govuk-table__cell">2 hours</td>' '<td class="govuk-table__cell">1 year</td>'
check "... and in Welsh" has cookies-cy "12 awr ar" '<td class="govuk-table__cell">2 awr</td>' \
	'<td class="govuk-table__cell">1 flwyddyn</td>'
check_eq "... no other cookie" 3 "$(grep -c '<th scope="row"' "$WORK/cookies-en.html")"
check "cookies: strictly necessary, so no banner" has cookies-en "strictly necessary" "no cookie banner"
check "the cookies table scrolls in a named, focusable region" has cookies-en \
	'<div class="cartref-table-scroll" role="region" aria-labelledby="cookies-caption" tabindex="0">' \
	'id="cookies-caption">The cookies cartref sets</caption>'

# ---- every page's footer and phase banner -----------------------------------

get home-real "$R/home?lang=en" -c "$jar" -b "$jar"
check_eq "the real server's home page, signed in" 200 "$(cat "$WORK/home-real.status")"
get start-real "$R/"
get signin-real "$R/sign-in"
get err404-real "$R/no-such-page"
get err400-real "$R/%zz"
get start-demo "$D/"
get signin-demo "$D/sign-in"
get signin-demo-cy "$D/sign-in?lang=cy"
for f in start-real signin-real err404-real err400-real help-en cookies-cy home-real start-demo signin-demo; do
	check "$f: the footer links the four service pages" has "$f" \
		'<a class="govuk-footer__link" href="/help">' \
		'<a class="govuk-footer__link" href="/accessibility">' \
		'<a class="govuk-footer__link" href="/privacy">' \
		'<a class="govuk-footer__link" href="/cookies">'
done
check "Welsh footer" has cookies-cy ">Help a chysylltu</a>" ">Datganiad hygyrchedd</a>" \
	">Preifatrwydd</a>" ">Cwcis</a>"
for f in start-real signin-real err404-real help-en home-real; do
	check "$f: without --demo, a Beta banner with a feedback link" has "$f" \
		'govuk-phase-banner__content__tag">Beta</strong>' 'href="/help#feedback">feedback</a>'
	check "$f: ... and never that it is a demonstration" hasnt "$f" \
		"demonstration" "made up" "demo-only-cartref"
done
for f in start-demo signin-demo; do
	check "$f: with --demo, the banner says the children are made up" has "$f" \
		'govuk-phase-banner__content__tag">Demo</strong>' "every child in it is made up"
done
check "the demo start page says so too" has start-demo "it holds no real child"

# ---- the demo accounts on the sign-in page ------------------------------------

check "without --demo: no demo accounts" hasnt signin-real 'id="demo-accounts"' "#demo-accounts" \
	"@demo.cartref.wales"
check "with --demo: the accounts and their password" has signin-demo \
	'<h2 class="govuk-heading-m" id="demo-accounts">Demo accounts</h2>' \
	'<strong class="cartref-code">demo-only-cartref</strong>' \
	'use one of the <a class="govuk-link" href="#demo-accounts">demo accounts</a>.' \
	'aria-labelledby="demo-accounts"'
rows=$(grep -c '<td class="govuk-table__cell cartref-code">[^<]*@demo.cartref.wales</td>' "$WORK/signin-demo.html")
check_eq "one row per enabled demo-domain account in the store" "$demo_accounts" "$rows"
check "the extra account is listed (from the store, not a fixed list)" has signin-demo \
	'cartref-code">extra@demo.cartref.wales</td>'
check "a disabled account and one elsewhere are not" hasnt signin-demo "gone@demo" "real@example.org"
check "each role says what that person does" has signin-demo \
	">Inspector<br>" ">Home manager<br>" ">Police missing persons coordinator<br>" \
	"reports a child missing and keeps each child’s grab pack"
check "... and in Welsh" has signin-demo-cy ">Cyfrifon arddangos</h2>" ">Rheolwr cartref<br>" \
	"Y cyfrinair ar gyfer pob cyfrif arddangos yw"
order=$(sed -n 's/.*<th scope="row" class="govuk-table__header">\([^<]*\)<br>.*/\1/p' "$WORK/signin-demo.html" | tr '\n' ',')
check_eq "by role" "Inspector,Inspector,Analyst,Social worker,Placements officer,Home manager,Police missing persons coordinator,Administrator," "$order"

# ---- the lists' tables scroll in their regions ---------------------------------

get homes "$R/homes" -c "$jar" -b "$jar"
get children "$R/children" -c "$jar" -b "$jar"
check "homes: the table in a named, focusable scroll region" has homes \
	'<div class="cartref-table-scroll" role="region" aria-label="Children’s homes, page 1 of 1" tabindex="0">'
check "children: likewise" has children \
	'<div class="cartref-table-scroll" role="region" aria-label="Children, page 1 of 1" tabindex="0">'
check "the stylesheet: focus ring, sticky first column, no fonts" sh -c "
	curl -s '$R/assets/cartref.css' >'$WORK/cartref.css' &&
	grep -q '.cartref-table-scroll:focus' '$WORK/cartref.css' &&
	grep -q 'position: sticky' '$WORK/cartref.css' &&
	grep -q 'font-family: arial, sans-serif !important' '$WORK/cartref.css'"

# ---- in the browser ---------------------------------------------------------

if [ ! -x "$CHROMIUM" ]; then
	skip "the service pages in the browser" "$CHROMIUM is not installed (scripts/deps installs chromium)"
else
	check "playwright-core and axe-core are installed (make assets)" \
		test -f node_modules/playwright-core/package.json -a -f node_modules/axe-core/axe.min.js
	rm -rf "$shots"
	mkdir -p "$shots"
	# bounded: the run stops itself after 420 s; this is the backstop
	browser_tap service 480 env OPERATOR="$OPERATOR" \
		OPERATOR_CY="$OPERATOR_CY" CONTACT="$CONTACT" \
		DEMO_ACCOUNTS="$demo_accounts" CHILD=/children/W06000015/C08 \
		node tests/browser/service.mjs "$R" "$D" "$shots"
	check "screenshots of the pages" test "$(ls "$shots"/*.png 2>/dev/null | wc -l)" -ge 56
fi

stop_servers
check_eq "the servers stop cleanly" 0 "$?"
check "the audit trail is intact" cr audit verify
done_testing
