#!/bin/sh
# t0910: proactive alerts end to end through `cartref alerts`, `webhook`
# and `outbox deliver` (docs/alerts.md): the rules, raising at the 72-hour
# boundary, idempotent runs, who sees and answers an alert, the list as
# one item per child in plain English and Welsh, history older than the
# horizon recorded as historical and told to nobody, parameters
# (audited), migration 7 over a store of migration 6 with alerts, and
# webhook delivery to a local receiver that checks the HMAC signature,
# with retries and backoff against a failing one.
. tests/t/lib.sh

db=$WORK/alerts.db
fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
B=tests/data/review/boundaries
PW='a long enough password'

check "fixture homes" cr import homes $B/homes.csv
check "fixture Cardiff 2018" cr import 903 --la W06000015 $B/2018/*.csv
check "fixture Cardiff 2019" cr import 903 --la W06000015 $B/2019/*.csv
adduser() {
	echo "$PW" | cr user add --email "$1" --name "$1" --role "$2" --org "$3" --password-stdin >/dev/null
}
adduser sw@cardiff.example council_social_worker council:W06000015
adduser sw@swansea.example council_social_worker council:W06000011
adduser mc@south-wales.example police_missing_coordinator police:south-wales
adduser insp@example.org inspector inspectorate:CIW
adduser analyst@example.org analyst inspectorate:CIW
check_eq "five users" 5 "$(sql "$db" "SELECT count(*) FROM app_user")"

# C01 (Cardiff) placed at W0000002, a Swansea home: missing 1 April
# 10:00-20:00 with no return interview; an earlier episode ended in an
# arrest, its interview held in time.
cat >"$WORK/live.csv" <<'EOF'
LA,CHILD,KIND,URN,STARTED_AT,RETURNED_AT,ARRESTED,RI_OFFERED_AT,RI_HELD_AT,RI_OUTCOME
W06000015,C01,M,W0000002,2019-03-01T10:00:00.000Z,2019-03-01T12:00:00.000Z,1,2019-03-01T13:00:00.000Z,2019-03-02T10:00:00.000Z,accepted
W06000015,C01,M,W0000002,2019-04-01T10:00:00.000Z,2019-04-01T20:00:00.000Z,0,,,
EOF
check "live episodes" cr missing import --now 2019-04-02T00:00Z "$WORK/live.csv"
ep=$(sql "$db" "SELECT id FROM mfc_episode WHERE started_at LIKE '2019-04-01%'")

# ---- the rules ---------------------------------------------------------
cr alerts rules >"$WORK/rules.out"
check_eq "eleven rules" 11 "$(grep -c '^[a-z0-9-]*	' "$WORK/rules.out")"
check_grep "rule 1 with its parameter" "^  hours = 72 hours (default 72" "$WORK/rules.out"
check_grep "Welsh descriptions" "cy: Daeth plentyn yn" "$WORK/rules.out"
check_grep "recipients shown" "alerts: council+inspectorate" "$WORK/rules.out"
check_status "alerts without a sub-command" 2 cr alerts
check_status "unknown sub-command" 2 cr alerts frob
check_status "a bad --now" 2 cr alerts run --now yesterday

# ---- raising at the boundary, idempotent -------------------------------
check "run at exactly 72 h" cr alerts run --now 2019-04-04T20:00:00.000Z
check_eq "72 h exactly: no interview alert yet" 0 "$(sql "$db" "SELECT count(*) FROM alert WHERE rule_id = 'ri-72h'")"
check_eq "the arrest: criminalisation" "episode:$(sql "$db" "SELECT id FROM mfc_episode WHERE arrested = 1")" "$(sql "$db" "SELECT subject_key FROM alert WHERE rule_id = 'criminalisation'")"
check_eq "criminalisation to council and inspectorate" "council:W06000015 inspectorate:CIW" "$(sql_list "$db" "SELECT r.org_kind || ':' || r.org_code FROM alert_recipient r JOIN alert a ON a.id = r.alert_id WHERE a.rule_id = 'criminalisation' ORDER BY r.org_kind, r.org_code")"
cr alerts run --now 2019-04-04T20:00:00.001Z >"$WORK/run.out"
check_grep "72 h + 1 ms: raised" "raised 1, cleared 0, escalated 0" "$WORK/run.out"
check_grep "historical counts on their own line" "^historical (found in imported history.*): 0 recorded now, 1 in all" "$WORK/run.out"
check_eq "the arrest on 1 March, back that day: history by 4 April" historical "$(sql "$db" "SELECT state FROM alert WHERE rule_id = 'criminalisation'")"
check_grep "the time taken is printed" " ms (load " "$WORK/run.out"
check_eq "the interview alert" "episode:$ep|open" "$(sql "$db" "SELECT subject_key, state FROM alert WHERE rule_id = 'ri-72h'")"
msgs=$(sql "$db" "SELECT count(*) FROM outbox")
cr alerts run --now 2019-04-04T20:00:00.001Z >"$WORK/run2.out"
check_grep "again: nothing new" "raised 0, cleared 0, escalated 0" "$WORK/run2.out"
check_eq "no new outbox rows" "$msgs" "$(sql "$db" "SELECT count(*) FROM outbox")"
check_eq "one alert per rule and subject" 0 "$(sql "$db" "SELECT count(*) FROM (SELECT 1 FROM alert GROUP BY rule_id, subject_key HAVING count(*) > 1) AS twice")"
body=$(sql "$db" "SELECT body FROM outbox o JOIN alert a ON a.id = o.alert_id WHERE a.rule_id = 'ri-72h'")
check_eq "the outbox body: ids and the child's reference only" \
	"{\"alert\":$(sql "$db" "SELECT id FROM alert WHERE rule_id = 'ri-72h'"),\"at\":\"2019-04-04T20:00:00.001Z\",\"child\":{\"la\":\"W06000015\",\"ref\":\"C01\"},\"episode\":$ep,\"event\":\"raised\",\"rule\":\"ri-72h\",\"subject\":\"episode:$ep\"}" "$body"

# ---- who sees and answers -----------------------------------------------
id=$(sql "$db" "SELECT id FROM alert WHERE rule_id = 'ri-72h'")
check_eq "stored with its severity, due time, home and facts" \
	"3|2019-04-04T20:00:00.000Z|W0000002|{\"started_at\":1554112800000,\"returned_at\":1554148800000,\"hours\":72}" \
	"$(sql "$db" "SELECT severity, due_at, home_urn, facts FROM alert WHERE id = $id")"
check_eq "no machine string in detail any more" "" "$(sql "$db" "SELECT detail FROM alert WHERE id = $id")"
cr alerts list --tsv --as sw@cardiff.example --now 2019-04-05T09:00Z >"$WORK/list.out"
check_grep "Cardiff lists it (--tsv)" "^$id	ri-72h	open	W06000015	C01	.*	high	2019-04-04T20:00:00.000Z$" "$WORK/list.out"
cr alerts list --as sw@cardiff.example --now 2019-04-05T09:00Z >"$WORK/items.out"
check_grep "one item per child, with its urgency" "^1\. Child W06000015/C01 — High, overdue$" "$WORK/items.out"
check_grep "where, by name" "^   Bryn Dau, Swansea; looked after by Cardiff Council$" "$WORK/items.out"
check_grep "each reason with its alert id" "^   - alert $id, Open: Return interview not held in time$" "$WORK/items.out"
check_grep "what happened, in UK time" "Returned on 1 April 2019 at 21:00 after being missing for 10 hours. No return interview has been held." "$WORK/items.out"
check_grep "when it was due, how overdue" "Due by 4 April 2019 at 21:00 — 13 hours overdue." "$WORK/items.out"
check_grep "what to do" "To do: Hold the return interview, or record why it was not held." "$WORK/items.out"
check_grep "the count of items: one child, two reasons" "^# 1 of 1 items (page 0), most urgent first$" "$WORK/items.out"
check_grep "its second reason" "^   - alert [0-9]*, Open: Repeatedly missing, no strategy meeting$" "$WORK/items.out"
check_grep "due by a day" "Due by 8 April 2019 — 3 days left." "$WORK/items.out"
check_eq "no UTC, no ISO time, no rule id in the words" 0 \
	"$(grep -v '^#' "$WORK/items.out" | grep -c -E 'UTC|[0-9]{4}-[0-9]{2}-[0-9]{2}|ri-72h|repeat-missing|long-or-high-risk|placement-stability|home-missing-rate')"
cr alerts list --lang cy --as sw@cardiff.example --now 2019-04-05T09:00Z >"$WORK/items-cy.out"
check_grep "in Welsh" "^1\. Plentyn W06000015/C01 — Uchel, yn hwyr$" "$WORK/items-cy.out"
check_grep "where, in Welsh" "^   Bryn Dau, Abertawe; yng ngofal Cyngor Caerdydd$" "$WORK/items-cy.out"
check_grep "what happened, in Welsh" "Daeth yn ôl ar 1 Ebrill 2019 am 21:00 ar ôl bod ar goll am 10 awr." "$WORK/items-cy.out"
check_grep "the count, in Welsh" "^# 1 o 1 eitem" "$WORK/items-cy.out"
cr alerts list --child C01 --rule ri-72h --as sw@cardiff.example --now 2019-04-05T09:00Z >"$WORK/items-f.out"
check_grep "filters: child and rule" "^# 1 of 1 items" "$WORK/items-f.out"
cr alerts list --home W0000001 --as sw@cardiff.example --now 2019-04-05T09:00Z >"$WORK/items-h.out"
check_grep "filters: a home where nothing happened" "^# 0 of 0 items" "$WORK/items-h.out"
check_status "a bad --lang" 2 cr alerts list --lang fr --as sw@cardiff.example
cr alerts list --as sw@swansea.example --now 2019-04-05T09:00Z >"$WORK/list2.out"
check_eq "Swansea lists none" "# 0 of 0 items (page 0), most urgent first" "$(cat "$WORK/list2.out")"
check_status "analysts see no alerts" 1 cr alerts list --as analyst@example.org
check_status "not the police's: as if none" 1 cr alerts show "$id" --as mc@south-wales.example
check_status "ack needs a note" 2 cr alerts ack "$id" --as sw@cardiff.example
check_status "the police cannot ack it" 1 cr alerts ack "$id" --as mc@south-wales.example --note mine
check "Cardiff acknowledges" cr alerts ack "$id" --as sw@cardiff.example --note "interview booked" --now 2019-04-05T09:00Z
check_status "not twice" 1 cr alerts ack "$id" --as sw@cardiff.example --note again
cr alerts show "$id" --as sw@cardiff.example --now 2019-04-05T09:30Z >"$WORK/show.out"
check_grep "shown acknowledged, by whom, in UK time" "^acknowledged: 5 April 2019 at 10:00, by sw@cardiff.example: interview booked" "$WORK/show.out"
check_grep "shown in plain words" "^what happened: Returned on 1 April 2019 at 21:00" "$WORK/show.out"
check_grep "and what to do" "^to do: Hold the return interview" "$WORK/show.out"
check "an inspector resolves it" cr alerts resolve "$id" --as insp@example.org --note "held late: noted" --now 2019-04-05T10:00Z
check_eq "resolved" resolved "$(sql "$db" "SELECT state FROM alert WHERE id = $id")"
check_eq "answers go to the outbox" "acknowledged resolved" "$(sql_list "$db" "SELECT event FROM outbox WHERE alert_id = $id AND event IN ('acknowledged', 'resolved') ORDER BY id")"
check_eq "answers audited" 2 "$(sql "$db" "SELECT count(*) FROM audit WHERE action IN ('alert-ack', 'alert-resolve')")"
cr alerts run --now 2019-04-05T11:00Z >"$WORK/run3.out"
check_eq "a resolved alert stays resolved" resolved "$(sql "$db" "SELECT state FROM alert WHERE id = $id")"
cr alerts outbox --as sw@cardiff.example >"$WORK/outbox.out"
check_grep "in-app outbox" "	$id	resolved	" "$WORK/outbox.out"

# ---- history older than the horizon ------------------------------------------
# C04 returned on 1 March, no interview: found for the first time on 5
# April, 32 days after it was due: historical, told to nobody
cat >"$WORK/old.csv" <<'EOF'
LA,CHILD,KIND,URN,STARTED_AT,RETURNED_AT
W06000015,C04,M,W0000001,2019-03-01T10:00:00.000Z,2019-03-01T20:00:00.000Z
EOF
check "an old episode" cr missing import --now 2019-04-05T11:00Z "$WORK/old.csv"
msgs=$(sql "$db" "SELECT count(*) FROM outbox")
cr alerts run --now 2019-04-05T11:00Z >"$WORK/run4.out"
check_grep "run: history on its own line" "^historical (found in imported history.*): 1 recorded now, 2 in all" "$WORK/run4.out"
check_grep "run: not raised" "raised 0," "$WORK/run4.out"
hid=$(sql "$db" "SELECT a.id FROM alert a JOIN child c ON c.id = a.child_id WHERE a.rule_id = 'ri-72h' AND c.child_ref = 'C04'")
check_eq "stored as historical" historical "$(sql "$db" "SELECT state FROM alert WHERE id = $hid")"
check_eq "no outbox message for it" "$msgs" "$(sql "$db" "SELECT count(*) FROM outbox")"
cr alerts list --tsv --as sw@cardiff.example >"$WORK/live.out"
check_eq "not on the open list" 0 "$(grep -c "^$hid	" "$WORK/live.out")"
cr alerts list --tsv --state historical --as sw@cardiff.example >"$WORK/hist.out"
check_grep "under the historical filter" "^$hid	ri-72h	historical	W06000015	C04	" "$WORK/hist.out"
cr alerts list --state historical --as sw@cardiff.example --now 2019-04-05T11:00Z >"$WORK/hist-items.out"
check_grep "historical: nothing to do" "To do: Nothing to do: it was found in imported history" "$WORK/hist-items.out"
check_grep "historical: was due" "Was due by 4 March 2019 at 20:00." "$WORK/hist-items.out"
check_status "history cannot be acknowledged" 1 cr alerts ack "$hid" --as sw@cardiff.example --note "seen"
cr alerts run --now 2019-04-05T11:00Z >"$WORK/run5.out"
check_grep "again: nothing new" "raised 0, cleared 0, escalated 0" "$WORK/run5.out"
check_grep "again: history kept" ": 0 recorded now, 2 in all" "$WORK/run5.out"

# ---- parameters ------------------------------------------------------------
check_status "a value out of range" 1 cr alerts set ri-72h hours 0
check_status "an unknown parameter" 1 cr alerts set ri-72h nope 1
check_status "an unknown rule" 1 cr alerts set nope hours 1
check "set a parameter" cr alerts set long-or-high-risk hours 12
cr alerts rules >"$WORK/rules2.out"
check_grep "the new value shown with its default" "  hours = 12 hours (default 24" "$WORK/rules2.out"
check_eq "parameter changes audited" "alert-param|long-or-high-risk|hours = 12" "$(sql "$db" "SELECT action, subject_id, detail FROM audit WHERE action = 'alert-param'")"

# ---- webhooks ----------------------------------------------------------------
cat >"$WORK/recv.py" <<'EOF'
import hashlib, hmac, http.server, sys
secret_file, log, port_file = sys.argv[1], sys.argv[2], sys.argv[3]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        if self.path == '/fail':
            self.send_response(503); self.end_headers(); return
        secret = open(secret_file).read().strip()
        want = 'sha256=' + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        ok = hmac.compare_digest(want, self.headers.get('X-Cartref-Signature', ''))
        with open(log, 'a') as f:
            f.write('%s %s %s\n' % ('ok' if ok else 'bad', self.headers.get('X-Cartref-Delivery'), body.decode()))
        self.send_response(200 if ok else 401); self.end_headers()
    def log_message(self, *a):
        pass
s = http.server.HTTPServer(('127.0.0.1', 0), H)
open(port_file, 'w').write(str(s.server_port))
s.serve_forever()
EOF
: >"$WORK/secret"
python3 "$WORK/recv.py" "$WORK/secret" "$WORK/recv.log" "$WORK/port" &
recv=$!
trap 'kill $recv 2>/dev/null' EXIT
i=0
while [ ! -s "$WORK/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$WORK/port")
check "the receiver listens" test -n "$port"

check_status "webhook: http or https only" 1 cr webhook add --org council:W06000015 --url ftp://127.0.0.1/x
check_status "webhook: an unknown council" 1 cr webhook add --org council:W99999999 --url http://127.0.0.1/x
cr webhook add --org council:W06000015 --url "http://127.0.0.1:$port/hook" --now 2019-04-01T00:00Z >"$WORK/hook.out"
check_eq "webhook added" 0 $?
sed -n 's/^secret (shown once): //p' "$WORK/hook.out" >"$WORK/secret"
check_eq "the secret is shown once, 64 hex" 64 "$(tr -d '\n' <"$WORK/secret" | wc -c)"
check_eq "webhook add audited" 1 "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'webhook-add' AND subject_id = 'council:W06000015'")"
due=$(sql "$db" "SELECT count(*) FROM outbox WHERE org_kind = 'council' AND org_code = 'W06000015'")
cr outbox deliver --now 2019-04-05T12:00Z >"$WORK/deliver.out"
check_grep "delivered Cardiff's messages" "outbox: $due tried, $due delivered, 0 to retry, 0 given up" "$WORK/deliver.out"
check_eq "the receiver checked every signature" "$due 0" "$(grep -c '^ok ' "$WORK/recv.log") $(grep -c '^bad ' "$WORK/recv.log")"
first=$(sql "$db" "SELECT min(id) FROM outbox WHERE org_kind = 'council'")
check_grep "X-Cartref-Delivery is the message id" "^ok $first {\"alert\":" "$WORK/recv.log"
check_eq "each attempt recorded" "$due" "$(sql "$db" "SELECT count(*) FROM webhook_delivery WHERE http_status = 200")"
cr outbox deliver --now 2019-04-05T12:00Z >"$WORK/deliver2.out"
check_grep "nothing left" "outbox: 0 tried" "$WORK/deliver2.out"

# a failing receiver: retried after 1, 2, 4 ... minutes
cr webhook add --org police:south-wales --url "http://127.0.0.1:$port/fail" --now 2019-04-01T00:00Z >/dev/null
pdue=$(sql "$db" "SELECT count(*) FROM outbox WHERE org_kind = 'police'")
check "the police have messages" test "$pdue" -gt 0
cr outbox deliver --now 2019-04-05T12:00Z >"$WORK/fail1.out"
check_grep "a 503 is retried" "outbox: $pdue tried, 0 delivered, $pdue to retry" "$WORK/fail1.out"
check_eq "next attempt in a minute" "2019-04-05T12:01:00.000Z" "$(sql "$db" "SELECT DISTINCT next_attempt_at FROM outbox WHERE org_kind = 'police'")"
check_eq "the status recorded" "503|HTTP status 503" "$(sql "$db" "SELECT DISTINCT http_status, error FROM webhook_delivery WHERE http_status <> 200")"
cr outbox deliver --now 2019-04-05T12:00:59Z >"$WORK/fail2.out"
check_grep "not before it is due" "outbox: 0 tried" "$WORK/fail2.out"
cr outbox deliver --now 2019-04-05T12:01Z >/dev/null
check_eq "then two minutes" "2|2019-04-05T12:03:00.000Z" "$(sql "$db" "SELECT DISTINCT attempts, next_attempt_at FROM outbox WHERE org_kind = 'police'")"
for t in 12:03 12:07 12:15 12:31 13:03 14:03; do
	cr outbox deliver --now "2019-04-05T$t:00Z" >/dev/null
done
check_eq "given up after 8 attempts" "8||" "$(sql "$db" "SELECT DISTINCT attempts, next_attempt_at, delivered_at FROM outbox WHERE org_kind = 'police'")"
check_eq "given up at the 8th" "2019-04-05T14:03:00.000Z" "$(sql "$db" "SELECT DISTINCT gave_up_at FROM outbox WHERE org_kind = 'police'")"
cr webhook list >"$WORK/hooks.out"
check_grep "webhook list" "police:south-wales	http://127.0.0.1:$port/fail	.*delivered 0, pending 0, gave up $pdue" "$WORK/hooks.out"
check_eq "no secret in the list" 0 "$(grep -c "$(cat "$WORK/secret")" "$WORK/hooks.out")"

kill $recv
trap - EXIT

# ---- migration 7 over a store of migration 6 with alerts --------------------
# The alert table as migration 6 made it, with a row, its recipient and an
# outbox message; migration 7 rebuilds the table and keeps them.
# (SQLite's migrations: a PostgreSQL store starts at version 10)
if on_pg; then
	skip "migration 7 over a store of migration 6" "a PostgreSQL store starts at version 10 (docs/store.md)"
else
m6=$WORK/m6.db
fresh_db "$m6"
check "a fresh store" "$CARTREF" --db "$m6" migrate
check "its homes" "$CARTREF" --db "$m6" import homes $B/homes.csv
check "its return" "$CARTREF" --db "$m6" import 903 --la W06000015 $B/2019/*.csv
printf 'LA,CHILD,KIND,URN,STARTED_AT,RETURNED_AT\nW06000015,C01,M,W0000002,2019-04-01T10:00:00.000Z,2019-04-01T20:00:00.000Z\n' >"$WORK/m6.csv"
check "an episode" "$CARTREF" --db "$m6" missing import --now 2019-04-02T00:00Z "$WORK/m6.csv"
sqlite3 "$m6" <<'EOF'
PRAGMA foreign_keys = OFF;
DROP TABLE alert;
CREATE TABLE alert (
  id INTEGER PRIMARY KEY,
  rule_id TEXT NOT NULL CHECK (length(rule_id) BETWEEN 1 AND 32),
  subject_key TEXT NOT NULL CHECK (length(subject_key) BETWEEN 1 AND 80),
  child_id INTEGER REFERENCES child(id),
  episode_id INTEGER REFERENCES mfc_episode(id),
  urn TEXT,
  detail TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 200),
  state TEXT NOT NULL CHECK (state IN
    ('open', 'acknowledged', 'resolved', 'cleared')),
  raised_at TEXT NOT NULL,
  escalate_at TEXT,
  escalated_at TEXT,
  acknowledged_by INTEGER REFERENCES app_user(id),
  acknowledged_at TEXT,
  ack_note TEXT NOT NULL DEFAULT '' CHECK (length(ack_note) <= 1000),
  resolved_by INTEGER REFERENCES app_user(id),
  resolved_at TEXT,
  resolve_note TEXT NOT NULL DEFAULT ''
    CHECK (length(resolve_note) <= 1000),
  cleared_at TEXT,
  UNIQUE (rule_id, subject_key)
);
INSERT INTO alert (id, rule_id, subject_key, child_id, episode_id, detail,
  state, raised_at) SELECT 7, 'ri-72h', 'episode:' || e.id, e.child_id, e.id,
  'returned 2019-04-01 20:00 UTC; no return interview held',
  'open', '2019-04-04T20:00:00.001Z' FROM mfc_episode e;
INSERT INTO alert_recipient VALUES (7, 'council', 'W06000015');
INSERT INTO outbox (alert_id, org_kind, org_code, event, body, created_at)
  VALUES (7, 'council', 'W06000015', 'raised', '{}', '2019-04-04T20:00:00.001Z');
PRAGMA user_version = 6;
EOF
check_eq "a store of migration 6" 6 "$(sql "$m6" "PRAGMA user_version")"
check "migrated" "$CARTREF" --db "$m6" migrate
latest=$("$CARTREF" version | sed -n 's/.*store schema \([0-9]*\).*/\1/p')
check_eq "to migration 7 and on ($latest)" "$latest" "$(sql "$m6" "PRAGMA user_version")"
check_eq "the alert kept, its home from its episode" "7|ri-72h|open|2019-04-04T20:00:00.001Z|W0000002|0|" \
	"$(sql "$m6" "SELECT id, rule_id, state, raised_at, home_urn, severity, facts FROM alert")"
check_eq "its recipient and message still refer to it" "1|1" \
	"$(sql "$m6" "SELECT (SELECT count(*) FROM alert_recipient r JOIN alert a ON a.id = r.alert_id), (SELECT count(*) FROM outbox o JOIN alert a ON a.id = o.alert_id)")"
check_eq "foreign keys intact" "" "$(sql "$m6" "PRAGMA foreign_key_check")"
check_eq "historical is a state now" 1 "$(sql "$m6" "SELECT count(*) FROM sqlite_master WHERE name = 'alert' AND sql LIKE '%historical%'")"
"$CARTREF" --db "$m6" alerts run --now 2019-04-05T09:00Z >"$WORK/m6run.out"
check_grep "the next run gives it its facts" "1 alerts with new facts" "$WORK/m6run.out"
check_eq "without raising it again" "open|1" "$(sql "$m6" "SELECT state, (SELECT count(*) FROM outbox WHERE alert_id = 7) FROM alert WHERE id = 7")"
check_eq "with its severity and due time" "3|2019-04-04T20:00:00.000Z" "$(sql "$m6" "SELECT severity, due_at FROM alert WHERE id = 7")"
fi
done_testing
