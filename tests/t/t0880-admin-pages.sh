#!/bin/sh
# t0880: the admin pages (issue 9) over real HTTP, as the demo users.
# Every role but admin gets the 404 page for every admin page, GET and
# POST, and each refusal is audited; the admin lists and filters users,
# adds one (errors in the GOV.UK summary, values kept, the role must fit
# the organisation, a council made on first use), reads the one-time
# password off the page and signs in as them with it; creates an API
# token, uses it on /api/v1/me and revokes it (then refused); disables
# the user (their session ends, sign-in refused), enables them, resets
# their password (old refused, new works); cannot disable themselves,
# and the CLI cannot disable the last active admin; a POST without the
# CSRF token is 403; a name with markup is shown escaped; Welsh; every
# page parses; every view and change has its audit row (the CLI's
# action names) and `cartref audit verify` passes.
. tests/t/lib.sh

db=$WORK/admin.db
log=$WORK/server.log
out=$WORK/server.out
PW=demo-only-cartref
D=demo.cartref.wales
B=$DATA/review/boundaries

fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
q() { sql "$db" "$1"; }
check "fixture homes" cr import homes $B/homes.csv
check "one demo user per role" cr user demo

SERVER_PORT_BASE=23000
. tests/t/lib-server.sh

server_up

# as WHO NAME CURL-ARGS...: a request with WHO's session
as() {
	who=$1
	shift
	name=$1
	shift
	get "$name" -b "$WORK/$who.jar" -c "$WORK/$who.jar" "$@"
}
# post WHO NAME PATH [FIELD=VALUE...]: a form POST with WHO's CSRF token
# (read off their home page)
post() {
	p_who=$1
	p_name=$2
	p_path=$3
	shift 3
	as "$p_who" "$p_name-tok" "$U/home"
	set -- --data-urlencode "csrf=$(form_token "$p_name-tok")" "$@"
	as "$p_who" "$p_name" "$@" "$U$p_path"
}
# code NAME ID: the text of <code id="ID"> on page NAME
code_of() {
	sed -n "s/.*<code id=\"$2\">\([^<]*\)<\/code>.*/\1/p" "$WORK/$1.b" | head -1
}
audits() {
	q "SELECT count(*) FROM audit WHERE $1"
}
user_id() {
	q "SELECT id FROM app_user WHERE email = '$1'"
}

# ---- who may: admins only, everyone else the 404 page -------------------------
for r in inspector analyst social-worker placements home-manager police admin; do
	check "$r signs in" session_start "$r" "$r@$D" "$PW"
done
ADMIN_ID=$(user_id "admin@$D")
SW_ID=$(user_id "social-worker@$D")
before=$(audits "action IN ('view-denied', 'change-denied') AND subject_kind = 'admin'")
for r in inspector analyst social-worker placements home-manager police; do
	bad=""
	for p in /admin/users /admin/users/new "/admin/users/$SW_ID" \
	    "/admin/users/$SW_ID/disable" "/admin/users/$SW_ID/reset" \
	    "/admin/users/$SW_ID/tokens/1/revoke" /admin/users/nonsense; do
		as "$r" "m-$r" "$U$p"
		[ "$(status "m-$r")" = 404 ] || bad="$bad $p:$(status "m-$r")"
		has "m-$r" "Page not found" >/dev/null || bad="$bad $p:not-the-404-page"
	done
	for p in /admin/users/new "/admin/users/$SW_ID/disable" \
	    "/admin/users/$SW_ID/enable" "/admin/users/$SW_ID/reset" \
	    "/admin/users/$SW_ID/tokens"; do
		post "$r" "mp-$r" "$p" --data-urlencode "email=x@example.org" \
			--data-urlencode "label=x"
		[ "$(status "mp-$r")" = 404 ] || bad="$bad POST$p:$(status "mp-$r")"
	done
	check_eq "$r: every admin page and form is the 404 page" "" "$bad"
done
check_eq "each refusal audited: 6 roles x 12 requests" 72 \
	"$(($(audits "action IN ('view-denied', 'change-denied') AND subject_kind = 'admin'") - before))"
check_eq "GET refusals are view-denied, POST change-denied" "42 30" \
	"$(audits "action = 'view-denied' AND subject_kind = 'admin'") $(audits "action = 'change-denied' AND subject_kind = 'admin'")"
check_eq "a refusal names the page and the user" 1 \
	"$(audits "action = 'view-denied' AND subject_id = '/admin/users' AND actor = 'police@$D' AND detail = 'not an administrator'")"
check_eq "the social worker was never disabled by any of it" 0 "$(q "SELECT disabled FROM app_user WHERE id = $SW_ID")"
get anon "$U/admin/users"
check_eq "not signed in: to the sign-in page" 303 "$(status anon)"
check_eq "and back here after" "/sign-in?next=%2Fadmin%2Fusers" "$(location anon)"

# ---- the list ---------------------------------------------------------------
as admin list "$U/admin/users"
check_eq "admin: the users list" 200 "$(status list)"
check "lists every demo user with role and organisation in words" has list \
	"Demo Inspector" "Demo Missing Persons Coordinator" \
	"Missing persons coordinator" "Placements officer" "Cardiff" \
	"Care Inspectorate Wales" "7 users" 'href="/admin/users/new"'
check "no store words in the table" hasnt list ">police_missing_coordinator<" ">council_placements<"
check "the list parses" html_ok list
check_eq "the view is audited" 1 "$(audits "action = 'list' AND subject_kind = 'user' AND actor = 'admin@$D'")"
as admin list-police "$U/admin/users?role=police_missing_coordinator"
check "filter by role" has list-police "1 user" "Demo Missing Persons Coordinator"
check "only that role" hasnt list-police "Demo Inspector"
CIW=$(q "SELECT id FROM org WHERE kind = 'inspectorate'")
as admin list-ciw "$U/admin/users?org=$CIW&role=&status=active"
check "filter by organisation and status" has list-ciw "3 users" "Demo Analyst" "Demo Administrator"
check "not other organisations" hasnt list-ciw "Demo Social Worker"
as admin list-off "$U/admin/users?status=disabled"
check "nobody disabled yet" has list-off "No users match."
as admin list-bad "$U/admin/users?role=boss"
check_eq "an unknown role is a bad request" 400 "$(status list-bad)"
as admin list-bad2 "$U/admin/users?org=x"
check_eq "an organisation that is not an id: 400" 400 "$(status list-bad2)"
as admin list-p9 "$U/admin/users?page=9"
check "a page past the end says so" has list-p9 "There is nothing on this page."

# ---- adding a user ------------------------------------------------------------
as admin new "$U/admin/users/new"
check_eq "the add form" 200 "$(status new)"
check "with radios describing each role and the organisations by name" has new \
	'type="radio" value="council_social_worker"' "Sees figures only" \
	'<optgroup label="Councils">' '<option value="council:W06000011">Swansea</option>' \
	'<optgroup label="Police forces">' "cartref user org-add"
check "the add form parses" html_ok new
check_eq "the form view is audited" 1 "$(audits "action = 'view' AND subject_kind = 'user' AND detail = 'the form to add a user'")"

post admin add-empty /admin/users/new --data-urlencode "full_name=Kept Name"
check_eq "nothing filled in: 400" 400 "$(status add-empty)"
check "an error summary linking each field" has add-empty \
	'govuk-error-summary' 'href="#email">Enter an email address' \
	'href="#role">Select a role' 'href="#org">Select an organisation' \
	"<title>Error: Add a user"
check "what was typed is kept" has add-empty 'value="Kept Name"'
check "the form with errors parses" html_ok add-empty
post admin add-misfit /admin/users/new --data-urlencode "email=misfit@example.org" \
	--data-urlencode "full_name=Mis Fit" --data-urlencode "role=home_manager" \
	--data-urlencode "org=council:W06000015"
check_eq "a role that does not fit the organisation: 400" 400 "$(status add-misfit)"
check "says what fits, next to the field" has add-misfit \
	"A home manager works for a provider of children" 'id="org-error"' \
	'<option value="council:W06000015" selected>' 'value="home_manager" aria-describedby="role-5-item-hint" checked'
post admin add-bademail /admin/users/new --data-urlencode "email=not an address" \
	--data-urlencode "full_name=X" --data-urlencode "role=analyst" \
	--data-urlencode "org=inspectorate:CIW"
check "a malformed email address" has add-bademail "Enter an email address in the correct format"
post admin add-nl /admin/users/new --data-urlencode "email=nl@example.org" \
	--data-urlencode "full_name=$(printf 'Two\nLines')" --data-urlencode "role=analyst" \
	--data-urlencode "org=inspectorate:CIW"
check "a name on two lines" has add-nl 'href="#full_name">Full name must be on one line'
check_eq "nothing added by refused forms" 7 "$(q "SELECT count(*) FROM app_user")"
check_eq "no Swansea organisation made by them" 0 "$(q "SELECT count(*) FROM org WHERE code = 'W06000011'")"

XSS='Ann <script>alert(1)</script> "Jones"'
post admin add /admin/users/new --data-urlencode "email=Ann.Jones@Swansea.example" \
	--data-urlencode "full_name=$XSS" --data-urlencode "role=council_social_worker" \
	--data-urlencode "org=council:W06000011"
check_eq "added: 200, the password on the page" 200 "$(status add)"
NEWPW=$(code_of add one-time-password)
check_eq "a one-time password, shown once, 23 characters" 23 "${#NEWPW}"
check "with guidance to pass it on securely" has add "This is the only time the password is shown" \
	"in person or by phone" "ann.jones@swansea.example"
check "the name is shown escaped" has add "Ann &lt;script&gt;alert(1)&lt;/script&gt; &quot;Jones&quot;"
check "never as markup" hasnt add "<script>alert(1)"
check "the page parses" html_ok add
check_eq "stored, email in lower case, in Swansea's council" "council_social_worker|council|W06000011" \
	"$(q "SELECT u.role, o.kind, o.code FROM app_user u JOIN org o ON o.id = u.org_id WHERE u.email = 'ann.jones@swansea.example'")"
check_eq "the password is not stored in clear" 0 "$(cat "$db" "$db-wal" 2>/dev/null | grep -a -c -F -e "$NEWPW")"
check_eq "audited as user-add by the admin, with the CLI's name" 1 \
	"$(audits "action = 'user-add' AND subject_id = 'ann.jones@swansea.example' AND actor = 'admin@$D' AND role = 'admin'")"
check_eq "Swansea's organisation made on first use, audited" 1 \
	"$(audits "action = 'org-add' AND subject_id = 'council:W06000011' AND actor = 'admin@$D'")"
ANN=$(user_id ann.jones@swansea.example)
post admin add-again /admin/users/new --data-urlencode "email=ann.jones@swansea.example" \
	--data-urlencode "full_name=Ann Again" --data-urlencode "role=council_placements" \
	--data-urlencode "org=council:W06000011"
check_eq "the same email address again: 400" 400 "$(status add-again)"
check "says it exists" has add-again "A user with this email address already exists"

check "Ann signs in with the password shown" session_start ann ann.jones@swansea.example "$NEWPW"
as ann ann-home "$U/home"
check_eq "and has her home page" 200 "$(status ann-home)"
as ann ann-admin "$U/admin/users"
check_eq "but no admin pages" 404 "$(status ann-admin)"

as admin list2 "$U/admin/users?org=$(q "SELECT id FROM org WHERE code = 'W06000011'")"
check "the list shows her, escaped" has list2 "Ann &lt;script&gt;" "Swansea" "Social worker"
check "no markup from her name in the list" hasnt list2 "<script>alert(1)"

# ---- her page, API tokens ---------------------------------------------------------
as admin ann-page "$U/admin/users/$ANN"
check_eq "her page" 200 "$(status ann-page)"
check "her details, escaped, and her tokens" has ann-page "Ann &lt;script&gt;" \
	"ann.jones@swansea.example" "Social worker" "Swansea" "Active" \
	"They have no API tokens." "Disable account" "Reset password"
check "her page parses" html_ok ann-page
check_eq "the view is audited" 1 "$(audits "action = 'view' AND subject_id = 'ann.jones@swansea.example' AND detail = 'details and API tokens'")"
as admin unknown "$U/admin/users/99999"
check_eq "an unknown user: 404" 404 "$(status unknown)"

post admin tok-empty "/admin/users/$ANN/tokens" --data-urlencode "label=  "
check_eq "a token without a label: 400" 400 "$(status tok-empty)"
check "says so" has tok-empty 'href="#label">Enter a label for the token'
post admin tok "/admin/users/$ANN/tokens" --data-urlencode "label=case system <b>"
check_eq "token created: 200" 200 "$(status tok)"
TOKEN=$(code_of tok api-token)
check_eq "the token is shown once: cartref_ and 43 characters" 51 "${#TOKEN}"
check "the label is escaped" has tok "case system &lt;b&gt;"
check "the token page parses" html_ok tok
check_eq "audited as token-create by the admin" 1 \
	"$(audits "action = 'token-create' AND subject_id = 'ann.jones@swansea.example' AND actor = 'admin@$D'")"
check_eq "the token is not stored" 0 "$(cat "$db" "$db-wal" 2>/dev/null | grep -a -c -F -e "${TOKEN#cartref_}")"
get me1 -H "Authorization: Bearer $TOKEN" "$U/api/v1/me"
check_eq "the token works on /api/v1/me" 200 "$(status me1)"
check_grep "as Ann" '"email":"ann.jones@swansea.example"' "$WORK/me1.b"
TID=$(q "SELECT id FROM api_token WHERE user_id = $ANN")
as admin ann-tok "$U/admin/users/$ANN"
check "her page lists the token with a revoke link" has ann-tok \
	"case system &lt;b&gt;" "In use" "/admin/users/$ANN/tokens/$TID/revoke"
as admin revoke-q "$U/admin/users/$ANN/tokens/$TID/revoke"
check_eq "revoking asks first" 200 "$(status revoke-q)"
check "what revoking does" has revoke-q "refused from their next request" "Revoke token" "Cancel"
check "the question parses" html_ok revoke-q
as admin revoke-other "$U/admin/users/$SW_ID/tokens/$TID/revoke"
check_eq "her token is not another user's: 404" 404 "$(status revoke-other)"
post admin revoke "/admin/users/$ANN/tokens/$TID/revoke"
check_eq "revoked: back to her page" "303 /admin/users/$ANN?done=revoked" "$(status revoke) $(location revoke)"
get me2 -H "Authorization: Bearer $TOKEN" "$U/api/v1/me"
check_eq "the revoked token is refused" 401 "$(status me2)"
check_eq "audited as token-revoke" 1 "$(audits "action = 'token-revoke' AND subject_id = 'ann.jones@swansea.example' AND actor = 'admin@$D'")"
as admin ann-revoked "$U/admin/users/$ANN?done=revoked"
check "a banner, and the token revoked" has ann-revoked "API token revoked." "Revoked"
post admin revoke2 "/admin/users/$ANN/tokens/$TID/revoke"
check_eq "revoking again: 400" 400 "$(status revoke2)"

# ---- CSRF ---------------------------------------------------------------------
as admin nocsrf "$U/admin/users/$ANN/disable" -d "x=1"
check_eq "a POST without the CSRF token: 403" 403 "$(status nocsrf)"
as admin badcsrf "$U/admin/users/$ANN/disable" --data-urlencode "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
check_eq "a wrong CSRF token: 403" 403 "$(status badcsrf)"
post admin xsite "/admin/users/$ANN/disable" -H "Origin: https://evil.example"
check_eq "from another site, even with the token: 403" 403 "$(status xsite)"
check_eq "she is still active" 0 "$(q "SELECT disabled FROM app_user WHERE id = $ANN")"

# ---- disable, enable --------------------------------------------------------------
post admin tok2 "/admin/users/$ANN/tokens" --data-urlencode "label=second"
TOKEN2=$(code_of tok2 api-token)
as admin dis-q "$U/admin/users/$ANN/disable"
check_eq "disabling asks first" 200 "$(status dis-q)"
check "and says what it does" has dis-q "signed out at once" "API tokens are revoked" "Disable account"
check "the question parses" html_ok dis-q
check_eq "the question is audited" 1 "$(audits "action = 'view' AND subject_id = 'ann.jones@swansea.example' AND detail = 'confirm disabling the account'")"
post admin dis "/admin/users/$ANN/disable"
check_eq "disabled: back to her page" "303 /admin/users/$ANN?done=disabled" "$(status dis) $(location dis)"
check_eq "disabled in the store" 1 "$(q "SELECT disabled FROM app_user WHERE id = $ANN")"
check_eq "audited as user-disable" 1 "$(audits "action = 'user-disable' AND subject_id = 'ann.jones@swansea.example' AND actor = 'admin@$D'")"
as ann ann-after "$U/home"
check_eq "her session has ended" "303" "$(status ann-after)"
check_eq "her sessions are gone from the store" 0 "$(q "SELECT count(*) FROM session WHERE user_id = $ANN")"
get me3 -H "Authorization: Bearer $TOKEN2" "$U/api/v1/me"
check_eq "her other token is revoked too (as the CLI does)" 401 "$(status me3)"
check "she cannot sign in" sh -c "! session_start ann2 ann.jones@swansea.example '$NEWPW'" 
session_start ann2 ann.jones@swansea.example "$NEWPW"
check "with the generic message" has ann2-in "The email address or password is wrong"
as admin ann-dis "$U/admin/users/$ANN?done=disabled"
check "her page: disabled, a banner, enable offered, no token form" has ann-dis \
	"Account disabled" "Enable account" "Enable the account before creating a token."
check "her page parses" html_ok ann-dis
post admin tok3 "/admin/users/$ANN/tokens" --data-urlencode "label=third"
check_eq "no token for a disabled user: 400" 400 "$(status tok3)"
post admin en "/admin/users/$ANN/enable"
check_eq "enabled: back to her page" "303 /admin/users/$ANN?done=enabled" "$(status en) $(location en)"
check_eq "audited as user-enable" 1 "$(audits "action = 'user-enable' AND subject_id = 'ann.jones@swansea.example'")"
check "she signs in again" session_start ann ann.jones@swansea.example "$NEWPW"
post admin en2 "/admin/users/$ANN/enable"
check_eq "enabling an active account: 400" 400 "$(status en2)"
check "says so" has en2 "This account is already enabled."

# ---- reset --------------------------------------------------------------------
RTOKEN=$(cr user token ann.jones@swansea.example --label "before the reset" 2>&1 | grep '^cartref_')
get rtok-before -H "Authorization: Bearer $RTOKEN" "$U/api/v1/me"
check_eq "a token of hers made before the reset works" 200 "$(status rtok-before)"
as admin reset-q "$U/admin/users/$ANN/reset"
check "resetting asks first" has reset-q "their old password stops working" \
	"their API tokens are revoked" "Reset password"
post admin reset "/admin/users/$ANN/reset"
check_eq "reset: 200, a new password on the page" 200 "$(status reset)"
check "it says her sessions ended and her tokens were revoked" has reset \
	"Their sessions have ended and their API tokens have been revoked."
get rtok-after -H "Authorization: Bearer $RTOKEN" "$U/api/v1/me"
check_eq "the token made before the reset is refused" 401 "$(status rtok-after)"
RESETPW=$(code_of reset one-time-password)
check_eq "a new one-time password" 23 "${#RESETPW}"
check_status "not the old one" 1 test "$RESETPW" = "$NEWPW"
check "the reset page parses" html_ok reset
check_eq "audited as user-reset" 1 "$(audits "action = 'user-reset' AND subject_id = 'ann.jones@swansea.example' AND actor = 'admin@$D'")"
as ann ann-reset "$U/home"
check_eq "her session has ended" 303 "$(status ann-reset)"
check "the old password is refused" sh -c "! session_start ann3 ann.jones@swansea.example '$NEWPW'"
session_start ann3 ann.jones@swansea.example "$NEWPW"
check "the new one works" session_start ann ann.jones@swansea.example "$RESETPW"

# ---- nobody disables themselves, nor the last admin -------------------------------
as admin self-q "$U/admin/users/$ADMIN_ID/disable"
check "the admin's own account: says why, no button" has self-q "You cannot disable your own account"
check "no disable button" hasnt self-q ">Disable account</button>"
post admin self "/admin/users/$ADMIN_ID/disable"
check_eq "disabling oneself: 400" 400 "$(status self)"
check "with the reason in the error summary" has self "govuk-error-summary" "You cannot disable your own account"
check_eq "still active" 0 "$(q "SELECT disabled FROM app_user WHERE id = $ADMIN_ID")"
check_status "the CLI will not disable the last active admin" 1 cr user disable "admin@$D"
check "and says why" sh -c "\"$CARTREF\" --db \"$db\" user disable admin@$D 2>&1 | grep -q 'last active administrator'"
check_eq "still active" 0 "$(q "SELECT disabled FROM app_user WHERE id = $ADMIN_ID")"
post admin add-admin /admin/users/new --data-urlencode "email=admin2@example.org" \
	--data-urlencode "full_name=Second Admin" --data-urlencode "role=admin" \
	--data-urlencode "org=inspectorate:CIW"
check_eq "a second admin added" 200 "$(status add-admin)"
A2=$(user_id admin2@example.org)
check "the second admin signs in" session_start admin2 admin2@example.org "$(code_of add-admin one-time-password)"
post admin2 dis-a1 "/admin/users/$ADMIN_ID/disable"
check_eq "one admin may disable another while one stays active" 303 "$(status dis-a1)"
as admin gone "$U/admin/users"
check_eq "the disabled admin's session has ended" 303 "$(status gone)"
check_status "the CLI will not disable the one left" 1 cr user disable admin2@example.org
post admin2 en-a1 "/admin/users/$ADMIN_ID/enable"
check_eq "and enables them again" 303 "$(status en-a1)"
check "the first admin signs in again" session_start admin admin@$D "$PW"

# ---- Welsh ----------------------------------------------------------------------
as admin cy-list "$U/admin/users?lang=cy"
check "the list in Welsh" has cy-list '<html lang="cy"' "Defnyddwyr" "Ychwanegu defnyddiwr" \
	"Cydgysylltydd pobl ar goll" "Caerdydd" "Gweithredol" "Dangos defnyddwyr"
check "the Welsh list parses" html_ok cy-list
as admin cy-new "$U/admin/users/new?lang=cy"
check "the add form in Welsh" has cy-new "Cyfeiriad e-bost" "Enw llawn" "Yn gweld ffigurau yn unig" \
	"Cynghorau" "Abertawe" "Ychwanegu" "r defnyddiwr"
check "the Welsh form parses" html_ok cy-new
post admin cy-empty "/admin/users/new?lang=cy"
check "errors in Welsh" has cy-empty "Mae problem wedi codi" "Rhowch gyfeiriad e-bost" "Gwall:"
as admin cy-reset-q "$U/admin/users/$ANN/reset?lang=cy"
check "resetting in Welsh: the tokens are revoked" has cy-reset-q "caiff eu tocynnau API eu dirymu"
as admin cy-ann "$U/admin/users/$ANN?lang=cy"
check "her page in Welsh" has cy-ann "Tocynnau API" "Analluogi" "Ailosod y cyfrinair" "Gweithiwr cymdeithasol"
check "her Welsh page parses" html_ok cy-ann
as admin cy-dis "$U/admin/users/$ANN/disable?lang=cy"
check "the question in Welsh" has cy-dis "Analluogi cyfrif" "Canslo"
post admin cy-tok "/admin/users/$ANN/tokens?lang=cy" --data-urlencode "label=cymraeg"
check "the token page in Welsh" has cy-tok "Tocyn API wedi" "Y tocyn" "Dyma"
as admin lang-en "$U/admin/users?lang=en"

# ---- the audit trail --------------------------------------------------------------
check_eq "every admin page view audited (list, view) by the admin" 0 \
	"$(q "SELECT count(*) FROM audit WHERE action IN ('list', 'view') AND subject_kind = 'user' AND actor NOT IN ('admin@$D', 'admin2@example.org')")"
check "views of the admin pages are in the trail" test "$(audits "action IN ('list', 'view') AND subject_kind = 'user'")" -ge 20
check "audit verify" cr audit verify
cr audit list --subject user:ann.jones@swansea.example --limit 1000 | cut -f5 >"$WORK/ann.audit"
for a in user-add token-create token-revoke user-disable user-enable user-reset view; do
	check_grep "her trail has $a" "^$a$" "$WORK/ann.audit"
done

stop_server
check_eq "the server stops cleanly" 0 "$?"
done_testing
