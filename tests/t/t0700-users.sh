#!/bin/sh
# t0700: people, organisations, API tokens and the audit trail through
# `cartref user` and `cartref audit`; tampering with the trail by hand
# (sqlite3, triggers dropped) is found by `cartref audit verify`.
. tests/t/lib.sh

db=$WORK/users.db
fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
count() { sql "$db" "SELECT count(*) FROM $1"; }

latest=$("$CARTREF" version | sed -n 's/.*store schema \([0-9]*\).*/\1/p')
check_eq "schema version is the latest ($latest)" "$latest" "$(schema_version "$db")"
check_eq "inspectorate seeded" "Care Inspectorate Wales" "$(sql "$db" "SELECT name_en FROM org WHERE kind = 'inspectorate' AND code = 'CIW'")"
check_eq "four police forces seeded" 4 "$(sql "$db" "SELECT count(*) FROM org WHERE kind = 'police'")"
check_eq "the seven Welsh health boards seeded" "7 Bwrdd Iechyd Prifysgol Caerdydd a'r Fro" "$(sql "$db" "SELECT count(*) FROM org WHERE kind = 'health_board'") $(sql "$db" "SELECT name_cy FROM org WHERE kind = 'health_board' AND code = '7A4'")"
check_eq "their areas cover the 22 councils once" "22 22" "$(sql "$db" "SELECT count(*), count(DISTINCT la_code) FROM police_area" | tr '|' ' ')"
check_eq "Cardiff is South Wales Police's" south-wales "$(sql "$db" "SELECT o.code FROM police_area a JOIN org o ON o.id = a.org_id WHERE a.la_code = 'W06000015'")"
check "user --help" sh -c "$CARTREF user --help | grep -q 'user add --email'"
check "audit --help" sh -c "$CARTREF audit --help | grep -q 'audit verify'"
check_status "user without a subcommand" 2 cr user
check_status "unknown user subcommand" 2 cr user frobnicate

# ---- add ----------------------------------------------------------------
check "add with the password on stdin" sh -c "echo 'a long enough password' | $CARTREF --db $db user add --email Jo@Example.ORG --name 'Jo Bloggs' --role council_social_worker --org council:W06000015 --password-stdin >$WORK/add.out"
check_eq "email kept in lower case" jo@example.org "$(sql "$db" "SELECT email FROM app_user")"
check_eq "password hashed with argon2id" '$argon2id$' "$(sql "$db" "SELECT substr(password_hash, 1, 10) FROM app_user")"
check_eq "password not stored in clear" 0 "$(sql "$db" "SELECT count(*) FROM app_user WHERE password_hash LIKE '%long enough%'")"
check_eq "a password from stdin is not printed" 0 "$(grep -c password "$WORK/add.out")"
check_eq "Cardiff's organisation made on first use" "Cardiff|W06000015" "$(sql "$db" "SELECT o.name_en, l.code FROM org o JOIN la l ON l.id = o.la_id WHERE o.kind = 'council'")"

cr user add --email insp@example.org --name "Ina Spector" --role inspector --org inspectorate:CIW >"$WORK/gen.out" 2>&1
check_eq "add with a made-up password" 0 $?
pw=$(sed -n 's/^password (shown once): //p' "$WORK/gen.out")
check_eq "the made-up password is shown once, 23 characters" 23 "${#pw}"

check_status "duplicate email refused (case aside)" 1 cr user add --email JO@example.org --name X --role council_placements --org council:W06000015
check_status "unknown role refused" 2 cr user add --email x@example.org --name X --role boss --org inspectorate:CIW
check_status "role must suit the organisation" 1 cr user add --email x@example.org --name X --role inspector --org council:W06000015
check_status "unknown organisation" 1 cr user add --email x@example.org --name X --role home_manager --org provider:Nobody
check_status "KIND:CODE required" 2 cr user add --email x@example.org --name X --role inspector --org CIW
check_status "not an email address" 2 cr user add --email nobody --name X --role inspector --org inspectorate:CIW
check_status "missing options" 2 cr user add --email x@example.org
check_status "short password refused" 1 sh -c "echo short | $CARTREF --db $db user add --email x@example.org --name X --role inspector --org inspectorate:CIW --password-stdin"
check_eq "refused adds wrote nothing" 2 "$(count app_user)"

cr user list >"$WORK/list.out"
check_grep "list shows the user" "^jo@example.org	council_social_worker	council:W06000015	active	Jo Bloggs$" "$WORK/list.out"

# ---- disable, enable, reset ----------------------------------------------
check "disable" cr user disable JO@example.org
check_eq "disabled in the store" 1 "$(sql "$db" "SELECT disabled FROM app_user WHERE email = 'jo@example.org'")"
check_status "disable twice" 1 cr user disable jo@example.org
check_status "disable an unknown user" 1 cr user disable nobody@example.org
cr user list >"$WORK/list2.out"
check_grep "list shows disabled" "^jo@example.org	.*	disabled	" "$WORK/list2.out"
check "enable" cr user enable jo@example.org
before=$(sql "$db" "SELECT password_hash FROM app_user WHERE email = 'jo@example.org'")
check "reset with the password on stdin" sh -c "echo 'another long password' | $CARTREF --db $db user reset jo@example.org --password-stdin"
check_status "the new hash differs" 1 test "$before" = "$(sql "$db" "SELECT password_hash FROM app_user WHERE email = 'jo@example.org'")"
check_status "reset refuses a short password" 1 sh -c "echo short | $CARTREF --db $db user reset jo@example.org --password-stdin"
check_status "reset an unknown user" 1 cr user reset nobody@example.org

# ---- API tokens ----------------------------------------------------------
cr user token insp@example.org --label "nightly export" >"$WORK/token.out" 2>&1
check_eq "token made" 0 $?
tok=$(grep '^cartref_' "$WORK/token.out")
check_eq "token is cartref_ and 43 characters" 51 "${#tok}"
check_eq "only a 32-byte hash is stored" "1|32" "$(sql "$db" "SELECT count(*), max(length(token_hash)) FROM api_token")"
check_eq "the token is nowhere in the store" 0 "$(cat "$db" "$db-wal" 2>/dev/null | grep -a -c -F -e "${tok#cartref_}")"
check_status "a token needs a label" 2 cr user token insp@example.org
cr user tokens insp@example.org >"$WORK/tokens.out"
check_grep "tokens lists it" "^1	nightly export	" "$WORK/tokens.out"
check "revoke-token" cr user revoke-token 1
check_eq "revoked in the store" 1 "$(sql "$db" "SELECT revoked_at IS NOT NULL FROM api_token WHERE id = 1")"
check_status "revoke twice" 1 cr user revoke-token 1
check_status "revoke-token needs an id" 2 cr user revoke-token one
# a reset is for an account that may be in other hands: its tokens go too
tok2=$(cr user token insp@example.org --label "before the reset" 2>&1 | grep '^cartref_')
check_eq "a second token" 51 "${#tok2}"
echo 'insp reset password 1' | cr user reset insp@example.org --password-stdin >"$WORK/reset.out" 2>&1
check_grep "reset says the tokens are revoked" "^reset the password of insp@example.org: sessions ended, API tokens revoked$" "$WORK/reset.out"
check_eq "reset revoked the token in the store" 1 "$(sql "$db" "SELECT revoked_at IS NOT NULL FROM api_token WHERE label = 'before the reset'")"
check_eq "the audit row says so" 1 "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'user-reset' AND subject_id = 'insp@example.org' AND detail LIKE '%API tokens revoked'")"

# ---- organisations and demo users ------------------------------------------
check "import the test homes" cr import homes $DATA/homes/valid.csv
check "org-add a provider linked to the register" cr user org-add --kind provider --code derwen --name-en "Derwen Care" --provider "Derwen Care, Ltd"
check_eq "linked to the register's provider" "Derwen Care, Ltd" "$(sql "$db" "SELECT p.name FROM org o JOIN provider p ON p.id = o.provider_id WHERE o.code = 'derwen'")"
check_status "org-add twice" 1 cr user org-add --kind provider --code derwen --name-en "Derwen Care"
check_status "org-add with an unknown provider" 1 cr user org-add --kind provider --code x --name-en X --provider "Nobody Ltd"
check_status "--area is for police forces" 2 cr user org-add --kind provider --code y --name-en Y --area W06000015
check "org-add a police force with an area" cr user org-add --kind police --code btp --name-en "British Transport Police" --name-cy "Heddlu Trafnidiaeth Prydeinig" --area W06000015
check "a home manager in the provider" sh -c "echo 'manager password 1' | $CARTREF --db $db user add --email manager@example.org --name M --role home_manager --org provider:derwen --password-stdin"
cr user orgs >"$WORK/orgs.out"
check_grep "orgs lists police areas" "^police:btp	British Transport Police	Heddlu Trafnidiaeth Prydeinig	W06000015$" "$WORK/orgs.out"

check_status "demo users need an open provider home in Cardiff" 1 cr user demo
cat >"$WORK/cardiff.csv" <<'EOF'
URN,NAME,PROVIDER,PROVIDER_TYPE,LA,POSTCODE,PLACES,AGE_MIN,AGE_MAX,SEX_ADMITTED,REGISTERED,CLOSED
W3333333,Tŷ Prawf,Prawf Care Ltd,private,W06000015,CF14 3AA,3,8,17,mixed,01/09/2012,
EOF
check "import a Cardiff private home" cr import homes "$WORK/cardiff.csv"
cr user demo >"$WORK/demo.out" 2>&1
check_eq "user demo" 0 $?
check_eq "one demo user per role" 7 "$(sql "$db" "SELECT count(DISTINCT role) FROM app_user WHERE email LIKE '%@demo.cartref.wales'")"
check_eq "the home manager works for the Cardiff home's provider" "provider|Prawf Care Ltd" "$(sql "$db" "SELECT o.kind, p.name FROM app_user u JOIN org o ON o.id = u.org_id JOIN provider p ON p.id = o.provider_id WHERE u.email = 'home-manager@demo.cartref.wales'")"
check_grep "the table shows the sign-ins" "^police@demo.cartref.wales  *demo-only-cartref  *police_missing_coordinator  *police:south-wales" "$WORK/demo.out"
cr user demo >"$WORK/demo2.out" 2>&1
check_eq "demo again changes nothing" "0 7" "$? $(grep -c 'already there' "$WORK/demo2.out")"

# ---- the audit trail -------------------------------------------------------
rows=$(count audit)
check_eq "every change audited, by the CLI user" 0 "$(sql "$db" "SELECT count(*) FROM audit WHERE actor NOT LIKE 'cli:%'")"
for a in "user-add 10" "user-disable 1" "user-enable 1" "user-reset 2" "token-create 2" "token-revoke 1" "org-add 4" "org-area-add 1"; do
	check_eq "audit rows for ${a% *}" "${a#* }" "$(sql "$db" "SELECT count(*) FROM audit WHERE action = '${a% *}'")"
done
cr audit verify >"$WORK/verify.out" 2>&1
check_eq "audit verify" 0 $?
check_grep "says intact with the row count" "^audit trail intact: $rows rows$" "$WORK/verify.out"
check_grep "prints the head" "^head: row $rows [0-9a-f]\{64\}$" "$WORK/verify.out"
cr audit list --subject user:jo@example.org >"$WORK/jo.out"
check_eq "list by subject" "user-reset user-enable user-disable user-add" "$(cut -f5 "$WORK/jo.out" | sed 1d | tr '\n' ' ' | sed 's/ $//')"
check_eq "list --limit" 3 "$(cr audit list --limit 2 | wc -l)"
check_eq "list --before pages" "2 1" "$(cr audit list --before 3 | cut -f1 | sed 1d | tr '\n' ' ' | sed 's/ $//')"
check_status "list --limit out of range" 2 cr audit list --limit 0
check_status "unknown audit subcommand" 2 cr audit frobnicate

# ---- tampering ---------------------------------------------------------------
# The trail is in the store's audit file, FILE-audit (docs/security.md);
# on PostgreSQL in the schema aud, its guards plpgsql triggers.
# on_trail DB "SQL": run SQL where the trail is (the audit file, or the
# database with aud first on the search path); refused "description" DB
# "SQL": the store must refuse it; unguard DB TRIGGER: take one guard
# off (SQLite: drop it; PostgreSQL: disable it, as an owner could).
on_trail() {
	if on_pg; then
		PGOPTIONS="-c search_path=aud,public" \
			pg_psql "$(pg_db "$1")" -c "$2"
	else
		sqlite3 -batch "$1-audit" "$2"
	fi
}
refused() {
	if out=$(on_trail "$2" "$3" 2>&1); then not_ok "$1" "ran: $3"
	else ok "$1"; fi
}
unguard() {
	if on_pg; then
		on_trail "$1" "ALTER TABLE aud.audit DISABLE TRIGGER $2"
	else
		on_trail "$1" "DROP TRIGGER $2"
	fi
}
zero=0000000000000000000000000000000000000000000000000000000000000000

t1=$WORK/t1.db
copy_store "$db" "$t1"
refused "the store refuses an UPDATE" "$t1" "UPDATE audit SET detail = 'x' WHERE id = 3"
refused "the store refuses a DELETE" "$t1" "DELETE FROM audit WHERE id = 3"
refused "the store refuses a row out of order" "$t1" "INSERT INTO audit (id, at, actor, role, action, subject_kind, subject_id, detail, ip, prev_hash, hash) VALUES (100, '2025-01-01T00:00:00.000Z', 'x', '', 'y', '', '', '', '', '$zero', '$zero')"
if on_pg; then
	refused "the store refuses a TRUNCATE" "$t1" "TRUNCATE audit"
fi
unguard "$t1" audit_no_update
on_trail "$t1" "UPDATE audit SET detail = 'nothing to see' WHERE id = 3" >/dev/null
"$CARTREF" --db "$t1" audit verify >/dev/null 2>"$WORK/t1.err"
check_eq "a changed row: verify exits 1" 1 $?
check_grep "and names row 3" "first bad row: 3" "$WORK/t1.err"
check_grep "as changed" "row 3 has been changed" "$WORK/t1.err"

t2=$WORK/t2.db
copy_store "$db" "$t2"
unguard "$t2" audit_no_delete
on_trail "$t2" "DELETE FROM audit WHERE id = 5" >/dev/null
"$CARTREF" --db "$t2" audit verify >/dev/null 2>"$WORK/t2.err"
check_eq "a deleted row: verify exits 1" 1 $?
check_grep "and names row 5 as missing" "row 5 is missing" "$WORK/t2.err"

t3=$WORK/t3.db
copy_store "$db" "$t3"
unguard "$t3" audit_no_delete
check_status "intact rows but no guard: verify exits 1" 1 "$CARTREF" --db "$t3" audit verify

# ---- exact triggers and anchors (issue 10 item 8) ---------------------------
t4=$WORK/t4.db
copy_store "$db" "$t4"
if on_pg; then
	# a guard with a WHEN that never holds, then the same trigger again
	on_trail "$t4" "DROP TRIGGER audit_no_delete ON aud.audit;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON aud.audit FOR EACH ROW
WHEN (false) EXECUTE FUNCTION aud.audit_refuse()" >/dev/null
	put_back() {
		on_trail "$1" "DROP TRIGGER audit_no_delete ON aud.audit;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON aud.audit FOR EACH ROW
EXECUTE FUNCTION aud.audit_refuse()" >/dev/null
	}
else
	no_delete="CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
	on_trail "$t4" "DROP TRIGGER audit_no_delete; CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN 0
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
	put_back() {
		on_trail "$1" "DROP TRIGGER audit_no_delete; $no_delete"
	}
fi
"$CARTREF" --db "$t4" audit verify >/dev/null 2>"$WORK/t4.err"
check_eq "a trigger neutralised with WHEN 0: verify exits 1" 1 $?
check_grep "as the guard altered" "append-only triggers are missing, altered" "$WORK/t4.err"
put_back "$t4"
check "the same trigger put back exactly: intact again" "$CARTREF" --db "$t4" audit verify

key=$WORK/anchor.key
(umask 077 && head -c 32 /dev/urandom >"$key")
check_status "anchor needs --key-file" 2 cr audit anchor
cp "$key" "$WORK/open.key"
chmod 644 "$WORK/open.key"
cr audit anchor --key-file "$WORK/open.key" >/dev/null 2>"$WORK/open.err"
check_eq "a key file others can read is refused" 2 $?
check_grep "saying why" "must be yours and private (mode 0600, is 0644)" "$WORK/open.err"
head -c 8 /dev/urandom >"$WORK/short.key"
chmod 600 "$WORK/short.key"
check_status "a key file shorter than 32 bytes is refused" 2 cr audit anchor --key-file "$WORK/short.key"
anchor=$(cr audit anchor --key-file "$key")
head=$(sql "$db" "SELECT id || ':' || hash FROM audit ORDER BY id DESC LIMIT 1")
check_eq "the anchor is the head with a MAC" "cartref-audit-anchor-v1:$head:" "$(echo "$anchor" | sed 's/[0-9a-f]*$//')"
check "the trail holds its anchor" cr audit verify --anchor "$anchor" --key-file "$key"
check_status "--anchor needs --key-file" 2 cr audit verify --anchor "$anchor"
(umask 077 && head -c 32 /dev/urandom >"$WORK/other.key")
cr audit verify --anchor "$anchor" --key-file "$WORK/other.key" >/dev/null 2>"$WORK/other.err"
check_eq "another key: refused" 1 $?
check_grep "the MAC does not match" "anchor refused: the anchor's MAC does not match" "$WORK/other.err"
check_status "an altered anchor: refused" 1 cr audit verify --anchor "$(echo "$anchor" | sed 's/:\([0-9]*\):/:1\1:/')" --key-file "$key"

# truncated below the anchor, the triggers put back exactly
t5=$WORK/t5.db
copy_store "$db" "$t5"
last=$(sql "$t5" "SELECT max(id) FROM audit")
unguard "$t5" audit_no_delete
on_trail "$t5" "DELETE FROM audit WHERE id > $last - 2" >/dev/null
if on_pg; then
	on_trail "$t5" "ALTER TABLE aud.audit ENABLE TRIGGER audit_no_delete"
else
	on_trail "$t5" "$no_delete"
fi
check "truncated: the chain alone still verifies" "$CARTREF" --db "$t5" audit verify
"$CARTREF" --db "$t5" audit verify --anchor "$anchor" --key-file "$key" >/dev/null 2>"$WORK/t5.err"
check_eq "truncated: verify against the anchor exits 1" 1 $?
check_grep "rows removed from the end" "rows have been removed from the end" "$WORK/t5.err"

# rewritten whole: another store's trail, as long, with valid hashes
t6=$WORK/t6.db
fresh_db "$t6"
i=0
while [ "$(sql "$t6" "SELECT count(*) FROM audit")" -lt "$last" ]; do
	"$CARTREF" --db "$t6" user org-add --kind provider --code "P$i" --name-en "Provider $i" >/dev/null 2>&1 || break
	i=$((i + 1))
done
check_eq "a forged trail as long as the real one" "$last" "$(sql "$t6" "SELECT count(*) FROM audit")"
check "rewritten: the chain alone still verifies" "$CARTREF" --db "$t6" audit verify
"$CARTREF" --db "$t6" audit verify --anchor "$anchor" --key-file "$key" >/dev/null 2>"$WORK/t6.err"
check_eq "rewritten: verify against the anchor exits 1" 1 $?
check_grep "names the rewritten row" "is not the row the anchor names" "$WORK/t6.err"

# ---- the trail in its own file (issue 10, speed of the audited read) -------
# (SQLite's: on PostgreSQL the trail is a schema of the same database,
# and a change and its audit rows commit together)
if on_pg; then
	skip "the trail in its own file" "PostgreSQL keeps it in schema aud"
else
check_eq "the store has no audit table of its own" 0 "$(sqlite3 -batch "$db" "SELECT count(*) FROM sqlite_schema WHERE name = 'audit'")"
check_eq "the audit file is private (0600)" 600 "$(stat -c %a "$db-audit")"
rows=$(sql "$db" "SELECT count(*) FROM audit")
# a crash between the store file's commit and the audit file's: the
# change is kept, its row is not (the audit file as before the change);
# the next open restores the row from the store file (migration 10)
lost=$WORK/lost.db
cp "$db" "$lost"; cp "$db-audit" "$lost-audit"
cp "$lost-audit" "$WORK/lost-before-audit"
"$CARTREF" --db "$lost" user org-add --kind provider --code lost --name-en "Lost Ltd" >/dev/null 2>&1
want=$(sql "$lost" "SELECT id || ' ' || hash FROM audit ORDER BY id DESC LIMIT 1")
cp "$WORK/lost-before-audit" "$lost-audit"; rm -f "$lost-audit-wal" "$lost-audit-shm"
check_eq "the audit file as before the change: its row gone" "$rows" \
	"$(sqlite3 -batch "$lost-audit" "SELECT count(*) FROM audit")"
check "the change is in the store file" test "$(sql "$lost" "SELECT count(*) FROM org WHERE code = 'lost'")" = 1
"$CARTREF" --db "$lost" audit verify >"$WORK/lost.out" 2>&1
check_eq "opened again: the change's row restored, the same id and hash" \
	"audit trail intact: $((rows + 1)) rows|$want" \
	"$(head -1 "$WORK/lost.out")|$(sql "$lost" "SELECT id || ' ' || hash FROM audit ORDER BY id DESC LIMIT 1")"
check_eq "and it says what changed" "org-add" \
	"$(sql "$lost" "SELECT action FROM audit ORDER BY id DESC LIMIT 1")"

# a store from before the move: its trail in the store file, version 8
old=$WORK/old.db
cp "$db" "$old"
sqlite3 -batch "$old" "ATTACH '$db-audit' AS a; CREATE TABLE main.audit AS SELECT * FROM a.audit ORDER BY id; PRAGMA user_version = 8"
"$CARTREF" --db "$old" audit verify >"$WORK/old.out" 2>&1
check_eq "an old store: its trail moves to the audit file on open" "audit trail intact: $rows rows" "$(head -1 "$WORK/old.out")"
check_eq "and leaves the store file" 0 "$(sqlite3 -batch "$old" "SELECT count(*) FROM sqlite_schema WHERE name = 'audit'")"
check_eq "the same rows, hashes and all" "$(sql "$db" "SELECT group_concat(hash) FROM audit")" "$(sql "$old" "SELECT group_concat(hash) FROM audit")"
# a crash between the copy and the drop: both hold the same rows
cp "$db" "$old"
cp "$db-audit" "$old-audit"
sqlite3 -batch "$old" "ATTACH '$db-audit' AS a; CREATE TABLE main.audit AS SELECT * FROM a.audit ORDER BY id; PRAGMA user_version = 8"
check "copied but not dropped: opens, the same trail" "$CARTREF" --db "$old" audit verify
check_eq "and the store file's copy is gone" 0 "$(sqlite3 -batch "$old" "SELECT count(*) FROM sqlite_schema WHERE name = 'audit'")"
# another store's audit file beside it: refused, nothing changed
cp "$db" "$old"
sqlite3 -batch "$old" "ATTACH '$db-audit' AS a; CREATE TABLE main.audit AS SELECT * FROM a.audit ORDER BY id; PRAGMA user_version = 8"
cp "$t6-audit" "$old-audit"
"$CARTREF" --db "$old" audit verify >/dev/null 2>"$WORK/two.err"
check_eq "two different trails: refused" 1 $?
check_grep "saying so" "hold different audit trails" "$WORK/two.err"
check_eq "the store is left at version 8" 8 "$(sqlite3 -batch "$old" "PRAGMA user_version")"
# a store deleted without its audit file: a new one does not carry it on
rm -f "$old" "$old-wal" "$old-shm"
cp "$db-audit" "$old-audit"
"$CARTREF" --db "$old" audit verify >/dev/null 2>"$WORK/stale.err"
check_eq "a new store beside another's audit file: refused" 1 $?
check_grep "saying so" "a new store, but its audit file .* holds $rows rows of another" "$WORK/stale.err"
check "the original is still intact" cr audit verify
fi
done_testing
