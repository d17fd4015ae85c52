/*
 * sqlite-schema.c: numbered schema migrations for the SQLite backend.
 *
 * Migration N takes the database from user_version N-1 to N.  Never edit a
 * migration that has shipped: add a new one.  The code lists in the CHECK
 * constraints repeat src/domain/codes.c; tests/unit/u-store.c proves that
 * every code there is accepted here and that others are refused.
 *
 * Dates are ISO 8601 text (yyyy-mm-dd), so that they sort and compare as
 * text and read well in the sqlite3 shell.
 *
 * Code lists are checked with instr(',A,B,C,', ',' || x || ',') rather
 * than x IN ('A', 'B', 'C'): SQLite builds a temporary table for every
 * evaluation of an IN list of more than two constants, which made each
 * episode insert open seven of them (measured: docs/benchmarks.md).  The
 * second instr() refuses values containing the delimiter.
 */
#include "base/compat.h"
#include "store/sqlite-schema.h"

static const char m1_geo[] =
"CREATE TABLE meta (\n"
"  key TEXT PRIMARY KEY,\n"
"  value TEXT NOT NULL\n"
") WITHOUT ROWID;\n"
"\n"
"CREATE TABLE la (\n"
"  id INTEGER PRIMARY KEY,\n"
"  code TEXT NOT NULL UNIQUE CHECK (length(code) = 9),\n"
"  name_en TEXT NOT NULL,\n"
"  name_cy TEXT NOT NULL DEFAULT '',\n"
"  country TEXT NOT NULL CHECK (country IN\n"
"    ('E92000001', 'W92000004', 'S92000003', 'N92000002')),\n"
"  is_lad INTEGER NOT NULL CHECK (is_lad IN (0, 1)),\n"
"  is_council INTEGER NOT NULL CHECK (is_council IN (0, 1)),\n"
"  -- the children's services council whose area it is in (itself for a\n"
"  -- unitary council, the county for an English district)\n"
"  council_code TEXT NOT NULL CHECK (length(council_code) = 9)\n"
");\n"
"CREATE INDEX la_council ON la(country, code) WHERE is_council = 1;\n"
"\n"
"CREATE TABLE outcode (\n"
"  outcode TEXT PRIMARY KEY,\n"
"  easting INTEGER NOT NULL,\n"
"  northing INTEGER NOT NULL,\n"
"  la_code TEXT\n"
") WITHOUT ROWID;\n"
"CREATE INDEX outcode_la ON outcode(la_code);\n"
"\n"
"CREATE TABLE postcode (\n"
"  postcode TEXT PRIMARY KEY,\n"
"  easting INTEGER NOT NULL,\n"
"  northing INTEGER NOT NULL,\n"
"  la_code TEXT\n"
") WITHOUT ROWID;\n"
"CREATE INDEX postcode_la ON postcode(la_code, postcode);\n"
;

static const char m1_homes[] =
"CREATE TABLE provider (\n"
"  id INTEGER PRIMARY KEY,\n"
"  name TEXT NOT NULL UNIQUE,\n"
"  type TEXT NOT NULL CHECK (instr(',la,private,voluntary,',\n"
"    ',' || type || ',') > 0 AND instr(type, ',') = 0)\n"
");\n"
"\n"
"CREATE TABLE home (\n"
"  id INTEGER PRIMARY KEY,\n"
"  urn TEXT NOT NULL UNIQUE,\n"
"  name TEXT NOT NULL,\n"
"  provider_id INTEGER NOT NULL REFERENCES provider(id),\n"
"  la_id INTEGER NOT NULL REFERENCES la(id),\n"
"  postcode TEXT NOT NULL,\n"
"  places INTEGER NOT NULL CHECK (places BETWEEN 0 AND 500),\n"
"  age_min INTEGER NOT NULL CHECK (age_min BETWEEN 0 AND 25),\n"
"  age_max INTEGER NOT NULL CHECK (age_max BETWEEN age_min AND 25),\n"
"  sex_admitted TEXT NOT NULL CHECK (instr(',mixed,M,F,',\n"
"    ',' || sex_admitted || ',') > 0 AND instr(sex_admitted, ',') = 0),\n"
"  registered TEXT NOT NULL CHECK (date(registered) = registered),\n"
"  closed TEXT CHECK (closed IS NULL OR\n"
"    (date(closed) = closed AND closed >= registered))\n"
");\n"
"CREATE INDEX home_la ON home(la_id);\n"
"CREATE INDEX home_provider ON home(provider_id);\n"
;

static const char m1_returns[] =
"CREATE TABLE return903 (\n"
"  id INTEGER PRIMARY KEY,\n"
"  la_id INTEGER NOT NULL REFERENCES la(id),\n"
"  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),\n"
"  imported_at TEXT NOT NULL,\n"
"  UNIQUE (la_id, year)\n"
");\n"
"\n"
"CREATE TABLE child (\n"
"  id INTEGER PRIMARY KEY,\n"
"  la_id INTEGER NOT NULL REFERENCES la(id),\n"
"  child_ref TEXT NOT NULL,\n"
"  sex TEXT NOT NULL CHECK (instr(',1,2,M,F,U,',\n"
"    ',' || sex || ',') > 0 AND instr(sex, ',') = 0),\n"
"  dob TEXT NOT NULL CHECK (date(dob) = dob),\n"
"  ethnic TEXT NOT NULL CHECK (instr(',WBRI,WIRI,WOTH,WIRT,WROM,MWBC,"
"MWBA,MWAS,MOTH,AIND,APKN,ABAN,AOTH,BCRB,BAFR,BOTH,CHNE,OOTH,REFU,NOBT,',\n"
"    ',' || ethnic || ',') > 0 AND instr(ethnic, ',') = 0),\n"
"  upn TEXT,\n"
"  attr_year INTEGER NOT NULL,\n"
"  UNIQUE (la_id, child_ref)\n"
");\n"
"\n"
"-- The Header row of a child as each return submitted it.\n"
"CREATE TABLE return_child (\n"
"  return_id INTEGER NOT NULL REFERENCES return903(id) ON DELETE CASCADE,\n"
"  child_id INTEGER NOT NULL REFERENCES child(id),\n"
"  sex TEXT NOT NULL CHECK (instr(',1,2,M,F,U,',\n"
"    ',' || sex || ',') > 0 AND instr(sex, ',') = 0),\n"
"  dob TEXT NOT NULL CHECK (date(dob) = dob),\n"
"  ethnic TEXT NOT NULL,\n"
"  upn TEXT,\n"
"  mother INTEGER CHECK (mother IN (0, 1)),\n"
"  mc_dob TEXT CHECK (mc_dob IS NULL OR date(mc_dob) = mc_dob),\n"
"  PRIMARY KEY (return_id, child_id)\n"
") WITHOUT ROWID;\n"
"CREATE INDEX return_child_child ON return_child(child_id);\n"
;

static const char m1_episodes[] =
"CREATE TABLE episode (\n"
"  id INTEGER PRIMARY KEY,\n"
"  return_id INTEGER NOT NULL REFERENCES return903(id) ON DELETE CASCADE,\n"
"  child_id INTEGER NOT NULL REFERENCES child(id),\n"
"  decom TEXT NOT NULL CHECK (date(decom) = decom),\n"
"  rne TEXT NOT NULL CHECK (instr(',S,L,P,T,B,U,',\n"
"    ',' || rne || ',') > 0 AND instr(rne, ',') = 0),\n"
"  ls TEXT NOT NULL CHECK (instr(',C1,C2,D1,E1,V2,V3,V4,L1,L2,L3,J1,J2,J3,',\n"
"    ',' || ls || ',') > 0 AND instr(ls, ',') = 0),\n"
"  cin TEXT NOT NULL CHECK (instr(',N1,N2,N3,N4,N5,N6,N7,N8,',\n"
"    ',' || cin || ',') > 0 AND instr(cin, ',') = 0),\n"
"  place TEXT NOT NULL CHECK (instr(',A3,A4,A5,A6,H5,K1,K2,K3,P1,P2,P3,"
"R1,R2,R3,R5,S1,T0,T1,T2,T3,T4,U1,U2,U3,U4,U5,U6,Z1,',\n"
"    ',' || place || ',') > 0 AND instr(place, ',') = 0),\n"
"  place_provider TEXT CHECK (instr(',PR0,PR1,PR2,PR3,PR4,PR5,',\n"
"    ',' || place_provider || ',') > 0 AND instr(place_provider, ',') = 0),\n"
"  dec TEXT CHECK (dec IS NULL OR (date(dec) = dec AND dec >= decom)),\n"
"  rec TEXT CHECK (instr(',X1,E11,E12,E13,E14,E15,E16,E17,E2,E3,E41,E45,"
"E46,E47,E48,E4A,E4B,E5,E6,E7,E8,E9,',\n"
"    ',' || rec || ',') > 0 AND instr(rec, ',') = 0),\n"
"  reason_place_change TEXT CHECK (instr(',CARPL,CLOSE,ALLEG,STAND,"
"APPRR,CREQB,CREQO,CHILD,LAREQ,PLACE,CUSTOD,OTHER,',\n"
"    ',' || reason_place_change || ',') > 0\n"
"    AND instr(reason_place_change, ',') = 0),\n"
"  home_post TEXT,\n"
"  pl_post TEXT,\n"
"  urn TEXT,\n"
"  -- derived at import, as DfE's extended episodes file: HOME_POST to\n"
"  -- PL_POST in tenths of a mile, and the district PL_POST is in\n"
"  pl_distance INTEGER CHECK (pl_distance >= 0),\n"
"  pl_la TEXT\n"
");\n"
"CREATE INDEX episode_return ON episode(return_id, child_id, decom);\n"
"CREATE INDEX episode_child ON episode(child_id, decom);\n"
"CREATE INDEX episode_urn ON episode(urn) WHERE urn IS NOT NULL;\n"
;

static const char m1_outcomes[] =
"CREATE TABLE missing (\n"
"  id INTEGER PRIMARY KEY,\n"
"  return_id INTEGER NOT NULL REFERENCES return903(id) ON DELETE CASCADE,\n"
"  child_id INTEGER NOT NULL REFERENCES child(id),\n"
"  kind TEXT NOT NULL CHECK (kind IN ('M', 'A')),\n"
"  start TEXT NOT NULL CHECK (date(start) = start),\n"
"  end TEXT CHECK (end IS NULL OR (date(end) = end AND end >= start))\n"
");\n"
"CREATE INDEX missing_return ON missing(return_id, child_id, start);\n"
"CREATE INDEX missing_child ON missing(child_id, start);\n"
"\n"
"CREATE TABLE oc2 (\n"
"  return_id INTEGER NOT NULL REFERENCES return903(id) ON DELETE CASCADE,\n"
"  child_id INTEGER NOT NULL REFERENCES child(id),\n"
"  sdq_score INTEGER CHECK (sdq_score BETWEEN 0 AND 40),\n"
"  sdq_reason TEXT CHECK (instr(',SDQ1,SDQ2,SDQ3,SDQ4,SDQ5,',\n"
"    ',' || sdq_reason || ',') > 0 AND instr(sdq_reason, ',') = 0),\n"
"  convicted INTEGER CHECK (convicted IN (0, 1)),\n"
"  health_check INTEGER CHECK (health_check IN (0, 1)),\n"
"  immunisations INTEGER CHECK (immunisations IN (0, 1)),\n"
"  teeth_check INTEGER CHECK (teeth_check IN (0, 1)),\n"
"  health_assessment INTEGER CHECK (health_assessment IN (0, 1)),\n"
"  substance_misuse INTEGER CHECK (substance_misuse IN (0, 1)),\n"
"  intervention_received INTEGER CHECK (intervention_received IN (0, 1)),\n"
"  intervention_offered INTEGER CHECK (intervention_offered IN (0, 1)),\n"
"  PRIMARY KEY (return_id, child_id)\n"
") WITHOUT ROWID;\n"
"CREATE INDEX oc2_child ON oc2(child_id);\n";

/*
 * Migration 2: people and organisations, sessions, API tokens, login
 * throttling and the audit trail (issue 4; docs/security.md).
 *
 * Times are ISO 8601 UTC text with milliseconds, "2025-01-31T12:34:56.789Z"
 * (fixed width, so they compare as text).  Secrets are never stored in
 * clear: passwords as argon2id strings, session and API tokens as 32-byte
 * BLAKE2b hashes.  A council organisation is its local authority (la_id);
 * a provider organisation may name its provider in the homes register
 * (provider_id); a police force covers the councils in police_area, by GSS
 * code because the geography is loaded after the migrations run.
 */
static const char m2_orgs[] =
"CREATE TABLE org (\n"
"  id INTEGER PRIMARY KEY,\n"
"  kind TEXT NOT NULL CHECK (kind IN\n"
"    ('inspectorate', 'council', 'provider', 'police', 'health_board')),\n"
"  code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 120),\n"
"  name_en TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),\n"
"  name_cy TEXT NOT NULL DEFAULT '' CHECK (length(name_cy) <= 120),\n"
"  la_id INTEGER REFERENCES la(id),\n"
"  provider_id INTEGER REFERENCES provider(id),\n"
"  UNIQUE (kind, code),\n"
"  CHECK ((kind = 'council') = (la_id IS NOT NULL)),\n"
"  CHECK (provider_id IS NULL OR kind = 'provider')\n"
");\n"
"CREATE INDEX org_la ON org(la_id) WHERE la_id IS NOT NULL;\n"
"CREATE INDEX org_provider ON org(provider_id)\n"
"  WHERE provider_id IS NOT NULL;\n"
"\n"
"-- The councils whose areas a police force covers.\n"
"CREATE TABLE police_area (\n"
"  org_id INTEGER NOT NULL REFERENCES org(id),\n"
"  la_code TEXT NOT NULL CHECK (length(la_code) = 9),\n"
"  PRIMARY KEY (org_id, la_code)\n"
") WITHOUT ROWID;\n"
"CREATE INDEX police_area_la ON police_area(la_code);\n"
"\n"
"CREATE TABLE app_user (\n"
"  id INTEGER PRIMARY KEY,\n"
"  org_id INTEGER NOT NULL REFERENCES org(id),\n"
"  email TEXT NOT NULL UNIQUE CHECK (email = lower(email)\n"
"    AND length(email) BETWEEN 3 AND 254 AND instr(email, '@') > 1),\n"
"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),\n"
"  role TEXT NOT NULL CHECK (role IN ('inspector', 'analyst',\n"
"    'council_social_worker', 'council_placements', 'home_manager',\n"
"    'police_missing_coordinator', 'admin')),\n"
"  -- libsodium crypto_pwhash_str() output\n"
"  password_hash TEXT NOT NULL CHECK (substr(password_hash, 1, 10)\n"
"    = '$argon2id$'),\n"
"  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),\n"
"  created_at TEXT NOT NULL,\n"
"  password_changed_at TEXT NOT NULL\n"
");\n"
"CREATE INDEX app_user_org ON app_user(org_id);\n"
;

static const char m2_sessions[] =
"CREATE TABLE session (\n"
"  id INTEGER PRIMARY KEY,\n"
"  -- BLAKE2b-256 of the 32 random bytes the browser holds\n"
"  token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),\n"
"  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,\n"
"  csrf_token TEXT NOT NULL CHECK (length(csrf_token) >= 32),\n"
"  created_at TEXT NOT NULL,\n"
"  last_seen_at TEXT NOT NULL,\n"
"  -- the earlier of the idle and the absolute limit\n"
"  expires_at TEXT NOT NULL,\n"
"  ip TEXT NOT NULL DEFAULT ''\n"
");\n"
"CREATE INDEX session_user ON session(user_id);\n"
"CREATE INDEX session_expires ON session(expires_at);\n"
"\n"
"CREATE TABLE api_token (\n"
"  id INTEGER PRIMARY KEY,\n"
"  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,\n"
"  token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),\n"
"  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),\n"
"  created_at TEXT NOT NULL,\n"
"  last_used_at TEXT,\n"
"  revoked_at TEXT\n"
");\n"
"CREATE INDEX api_token_user ON api_token(user_id);\n"
"\n"
"-- Failed sign-ins, for throttling: key is 'acct:<email>' or 'ip:<addr>'.\n"
"CREATE TABLE login_attempt (\n"
"  id INTEGER PRIMARY KEY,\n"
"  key TEXT NOT NULL,\n"
"  at TEXT NOT NULL\n"
");\n"
"CREATE INDEX login_attempt_key ON login_attempt(key, at);\n"
"CREATE INDEX login_attempt_at ON login_attempt(at);\n"
;

/*
 * The audit table's append-only triggers, each exactly as SQLite keeps
 * it in sqlite_schema (without the ";"): `cartref audit verify` compares
 * the store's triggers on the audit table with these (sq_audit_protected).
 */
#define AUDIT_NO_UPDATE \
"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\n" \
"BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
#define AUDIT_NO_DELETE \
"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\n" \
"BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
#define AUDIT_IN_ORDER \
"CREATE TRIGGER audit_in_order BEFORE INSERT ON audit\n" \
"WHEN NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM audit)\n" \
"  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit\n" \
"    ORDER BY id DESC LIMIT 1), printf('%064d', 0))\n" \
"BEGIN SELECT RAISE(ABORT, 'audit rows must extend the chain'); END"

const struct sqlite_trigger sqlite_audit_triggers[] = {
	{ "audit_in_order", AUDIT_IN_ORDER },
	{ "audit_no_delete", AUDIT_NO_DELETE },
	{ "audit_no_update", AUDIT_NO_UPDATE },
};
const size_t sqlite_naudit_triggers = ARRAY_SIZE(sqlite_audit_triggers);

static const char m2_audit[] =
"-- Append-only, hash-chained: hash = BLAKE2b-256 hex of prev_hash, '\\n'\n"
"-- and the row's canonical form (src/auth/audit.c).  Row ids are\n"
"-- contiguous from 1, so a deleted row leaves a gap.\n"
"CREATE TABLE audit (\n"
"  id INTEGER PRIMARY KEY,\n"
"  at TEXT NOT NULL CHECK (length(at) = 24),\n"
"  user_id INTEGER REFERENCES app_user(id),\n"
"  org_id INTEGER REFERENCES org(id),\n"
"  actor TEXT NOT NULL,\n"
"  role TEXT NOT NULL DEFAULT '',\n"
"  action TEXT NOT NULL CHECK (length(action) >= 1),\n"
"  subject_kind TEXT NOT NULL DEFAULT '',\n"
"  subject_id TEXT NOT NULL DEFAULT '',\n"
"  detail TEXT NOT NULL DEFAULT '',\n"
"  ip TEXT NOT NULL DEFAULT '',\n"
"  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),\n"
"  hash TEXT NOT NULL CHECK (length(hash) = 64)\n"
");\n"
"CREATE INDEX audit_subject ON audit(subject_kind, subject_id, id);\n"
"CREATE INDEX audit_user ON audit(user_id, id) WHERE user_id IS NOT NULL;\n"
"\n"
AUDIT_NO_UPDATE ";\n"
AUDIT_NO_DELETE ";\n"
AUDIT_IN_ORDER ";\n"
;

/*
 * The inspectorate and the four Welsh police forces with the councils in
 * their areas.  Council organisations are made from the geography when
 * first used (src/auth/users.c); providers and health boards by
 * `cartref user org-add`.
 */
static const char m2_seed[] =
"INSERT INTO org (kind, code, name_en, name_cy) VALUES\n"
"  ('inspectorate', 'CIW', 'Care Inspectorate Wales',\n"
"   'Arolygiaeth Gofal Cymru'),\n"
"  ('police', 'dyfed-powys', 'Dyfed-Powys Police', 'Heddlu Dyfed-Powys'),\n"
"  ('police', 'gwent', 'Gwent Police', 'Heddlu Gwent'),\n"
"  ('police', 'north-wales', 'North Wales Police',\n"
"   'Heddlu Gogledd Cymru'),\n"
"  ('police', 'south-wales', 'South Wales Police', 'Heddlu De Cymru');\n"
"\n"
"INSERT INTO police_area (org_id, la_code)\n"
"SELECT o.id, a.column2 FROM (VALUES\n"
"  ('dyfed-powys', 'W06000008'), ('dyfed-powys', 'W06000009'),\n"
"  ('dyfed-powys', 'W06000010'), ('dyfed-powys', 'W06000023'),\n"
"  ('gwent', 'W06000018'), ('gwent', 'W06000019'), ('gwent', 'W06000020'),\n"
"  ('gwent', 'W06000021'), ('gwent', 'W06000022'),\n"
"  ('north-wales', 'W06000001'), ('north-wales', 'W06000002'),\n"
"  ('north-wales', 'W06000003'), ('north-wales', 'W06000004'),\n"
"  ('north-wales', 'W06000005'), ('north-wales', 'W06000006'),\n"
"  ('south-wales', 'W06000011'), ('south-wales', 'W06000012'),\n"
"  ('south-wales', 'W06000013'), ('south-wales', 'W06000014'),\n"
"  ('south-wales', 'W06000015'), ('south-wales', 'W06000016'),\n"
"  ('south-wales', 'W06000024')) AS a\n"
"JOIN org o ON o.kind = 'police' AND o.code = a.column1;\n"
;

/*
 * Migration 3: what each viewer may see (issue 4; docs/access.md,
 * src/store/db-scope.c).
 *
 * Two views merge a child's rows across the yearly returns the way
 * store_history_load() does (docs/indicators.md, "Histories"): the same
 * episode (child, DECOM) or missing period (child, MIS_START, MISSING)
 * in several returns is taken from the latest.  end_eff is the end the
 * scoping rules use: the end date if there is one; none (still open) if
 * the row is in the latest return of the child's council; else 31 March
 * of its return's year, the last day the data says it was open (a row
 * left open in a return and absent from later ones has not stayed open
 * for ever).  missing_placed adds the placement each missing period
 * started from (the episode open that day, else one ending that day, as
 * the review does), that placement's home and provider, and the council
 * whose area it is in: the home's, else that of the district of PL_POST,
 * else the child's own council, so that a missing child whose placement
 * is unknown is still in some police force's area.
 *
 * missing_end serves the "open today" test (MIS_END blank or later),
 * which drives the police scope and the needs-attention list; the other
 * scoped queries are served by migration 1's indexes (episode_child,
 * episode_urn, missing_child, the unique keys), as EXPLAIN QUERY PLAN on
 * `make demo`'s store shows.
 */
static const char m3_scope[] =
"CREATE VIEW episode_merged AS\n"
"SELECT e.id, e.child_id, e.return_id, e.decom, e.dec, e.rne, e.ls, e.cin,\n"
"  e.place, e.place_provider, e.rec, e.reason_place_change, e.home_post,\n"
"  e.pl_post, e.urn, e.pl_distance, e.pl_la,\n"
"  CASE WHEN e.dec IS NOT NULL THEN e.dec\n"
"    WHEN r.year = (SELECT max(r3.year) FROM return903 r3\n"
"      WHERE r3.la_id = r.la_id) THEN NULL\n"
"    ELSE printf('%04d-03-31', r.year) END AS end_eff\n"
"FROM episode e JOIN return903 r ON r.id = e.return_id\n"
"WHERE NOT EXISTS (SELECT 1 FROM episode e2\n"
"  JOIN return903 r2 ON r2.id = e2.return_id\n"
"  WHERE e2.child_id = e.child_id AND e2.decom = e.decom\n"
"  AND r2.year > r.year);\n"
"\n"
"CREATE VIEW missing_merged AS\n"
"SELECT m.id, m.child_id, m.return_id, m.kind, m.start, m.end,\n"
"  CASE WHEN m.end IS NOT NULL THEN m.end\n"
"    WHEN r.year = (SELECT max(r3.year) FROM return903 r3\n"
"      WHERE r3.la_id = r.la_id) THEN NULL\n"
"    ELSE printf('%04d-03-31', r.year) END AS end_eff\n"
"FROM missing m JOIN return903 r ON r.id = m.return_id\n"
"WHERE NOT EXISTS (SELECT 1 FROM missing m2\n"
"  JOIN return903 r2 ON r2.id = m2.return_id\n"
"  WHERE m2.child_id = m.child_id AND m2.start = m.start\n"
"  AND m2.kind = m.kind AND r2.year > r.year);\n"
"\n"
"CREATE VIEW missing_placed AS\n"
"SELECT m.id, m.child_id, m.kind, m.start, m.end, m.end_eff,\n"
"  e.id AS episode_id, e.place AS pl_place, e.urn AS pl_urn,\n"
"  e.pl_post AS pl_post, h.name AS pl_home, p.name AS pl_provider,\n"
"  CASE WHEN instr(h.postcode, ' ') > 0\n"
"    THEN substr(h.postcode, 1, instr(h.postcode, ' ') - 1)\n"
"    ELSE h.postcode END AS pl_home_district,\n"
"  coalesce(hl.council_code, dl.council_code, cl.code) AS pl_council\n"
"FROM missing_merged m\n"
"JOIN child c ON c.id = m.child_id\n"
"JOIN la cl ON cl.id = c.la_id\n"
"LEFT JOIN episode e ON e.id = coalesce(\n"
"  (SELECT x.id FROM episode_merged x WHERE x.child_id = m.child_id\n"
"    AND x.decom <= m.start AND (x.dec IS NULL OR x.dec > m.start)\n"
"    ORDER BY x.decom LIMIT 1),\n"
"  (SELECT x.id FROM episode_merged x WHERE x.child_id = m.child_id\n"
"    AND x.dec = m.start ORDER BY x.decom LIMIT 1))\n"
"LEFT JOIN home h ON h.urn = e.urn\n"
"LEFT JOIN provider p ON p.id = h.provider_id\n"
"LEFT JOIN la hl ON hl.id = h.la_id\n"
"LEFT JOIN la dl ON dl.code = e.pl_la;\n"
"\n"
;
/* (a string of its own so that migration 12 can make the views again) */
static const char m3_missing_end[] =
"CREATE INDEX missing_end ON missing(end);\n"
;

/*
 * Migration 4: the data generation (store_data_generation()), a number
 * that moves whenever data the review's figures are computed from
 * changes, so that a cache of figures (analytics/review-cache.h) knows
 * when to drop them.  Triggers keep it, not code paths, so a write by
 * any process (a CLI import beside a running server) moves it.
 *
 * Which tables: the history (store_history_load()) reads la, home,
 * provider and the returns.  A return's rows (return_child, episode,
 * missing, oc2, and child) are only ever written by
 * store_return_replace(), which deletes and reinserts its return903 row
 * in the same transaction, so a trigger on return903 covers them at one
 * update per return; the per-row tables (a million episodes at England
 * scale) get none.  la changes only when the geography is loaded.
 *
 * It starts at a random number (under 2^62, so adding never overflows)
 * rather than 1, so that two stores opened in one process are very
 * unlikely to share a generation; it is only ever compared for equality.
 */
static const char m4_generation[] =
"CREATE TABLE data_generation (\n"
"  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
"  n INTEGER NOT NULL\n"
");\n"
"INSERT INTO data_generation (id, n)\n"
"  VALUES (1, (random() & 4611686018427387903) + 1);\n"
"\n"
"CREATE TRIGGER data_generation_return_insert AFTER INSERT ON return903\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_return_update AFTER UPDATE ON return903\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_return_delete AFTER DELETE ON return903\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_home_insert AFTER INSERT ON home\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_home_update AFTER UPDATE ON home\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_home_delete AFTER DELETE ON home\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_provider_insert AFTER INSERT ON provider\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_provider_update AFTER UPDATE ON provider\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_provider_delete AFTER DELETE ON provider\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_la_insert AFTER INSERT ON la\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_la_update AFTER UPDATE ON la\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_la_delete AFTER DELETE ON la\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
;

/*
 * Migration 5: missing from care, recorded live (issue 5; docs/missing.md).
 *
 * An mfc_episode is one missing (M) or away (A) episode as the agencies
 * record it while it happens: the home reports it, the police grade it
 * and record the return, the council records the return interview.
 * Times are instants (ISO 8601 with milliseconds, UTC, as store_time_fmt()
 * writes: 24 characters), not days.  The SSDA903 Missing table of a
 * return (migration 1's `missing`) stays what the council submitted; the
 * export adds the live episodes of the year that the return lacks.
 *
 * A strategy meeting is about a child (usually after an episode, which
 * it may name).  The grab pack (Philomena Protocol part 1) is one row per
 * child, kept current by the home and shown to police only while the
 * child is missing.
 */
static const char m5_episodes[] =
"CREATE TABLE mfc_episode (\n"
"  id INTEGER PRIMARY KEY,\n"
"  child_id INTEGER NOT NULL REFERENCES child(id),\n"
"  kind TEXT NOT NULL CHECK (kind IN ('M', 'A')),\n"
"  -- the home it started from (NULL: not a registered home)\n"
"  urn TEXT,\n"
"  started_at TEXT NOT NULL CHECK (length(started_at) = 24),\n"
"  last_seen_at TEXT CHECK (last_seen_at IS NULL OR\n"
"    (length(last_seen_at) = 24 AND last_seen_at <= started_at)),\n"
"  last_seen_place TEXT NOT NULL DEFAULT '',\n"
"  circumstances TEXT NOT NULL DEFAULT '',\n"
"  home_actions TEXT NOT NULL DEFAULT '',\n"
"  exploitation INTEGER NOT NULL DEFAULT 0 CHECK (exploitation IN (0, 1)),\n"
"  associates TEXT NOT NULL DEFAULT '',\n"
"  locations TEXT NOT NULL DEFAULT '',\n"
"  health_needs TEXT NOT NULL DEFAULT '',\n"
"  reported_by INTEGER REFERENCES app_user(id),\n"
"  reported_at TEXT NOT NULL CHECK (length(reported_at) = 24),\n"
"  -- police\n"
"  police_ref TEXT NOT NULL DEFAULT '',\n"
"  risk_grade TEXT CHECK (risk_grade IS NULL OR risk_grade IN\n"
"    ('none', 'low', 'medium', 'high')),\n"
"  graded_by INTEGER REFERENCES app_user(id),\n"
"  graded_at TEXT,\n"
"  returned_at TEXT CHECK (returned_at IS NULL OR\n"
"    (length(returned_at) = 24 AND returned_at >= started_at)),\n"
"  returned_place TEXT NOT NULL DEFAULT '',\n"
"  returned_by INTEGER REFERENCES app_user(id),\n"
"  arrested INTEGER NOT NULL DEFAULT 0 CHECK (arrested IN (0, 1)),\n"
"  charged INTEGER NOT NULL DEFAULT 0 CHECK (charged IN (0, 1)),\n"
"  -- council: the return interview\n"
"  ri_offered_at TEXT CHECK (ri_offered_at IS NULL OR\n"
"    length(ri_offered_at) = 24),\n"
"  ri_held_at TEXT CHECK (ri_held_at IS NULL OR length(ri_held_at) = 24),\n"
"  ri_by TEXT NOT NULL DEFAULT '',\n"
"  ri_independent INTEGER CHECK (ri_independent IS NULL OR\n"
"    ri_independent IN (0, 1)),\n"
"  ri_outcome TEXT CHECK (ri_outcome IS NULL OR\n"
"    ri_outcome IN ('accepted', 'declined')),\n"
"  ri_summary TEXT NOT NULL DEFAULT '',\n"
"  ri_recorded_by INTEGER REFERENCES app_user(id),\n"
"  updated_at TEXT NOT NULL\n"
");\n"
"CREATE INDEX mfc_episode_child ON mfc_episode(child_id, started_at);\n"
"CREATE INDEX mfc_episode_urn ON mfc_episode(urn, started_at);\n"
"CREATE INDEX mfc_episode_open ON mfc_episode(returned_at)\n"
"  WHERE returned_at IS NULL;\n"
"-- one open episode per child at a time\n"
"CREATE UNIQUE INDEX mfc_episode_one_open ON mfc_episode(child_id)\n"
"  WHERE returned_at IS NULL;\n"
;

static const char m5_meetings[] =
"CREATE TABLE strategy_meeting (\n"
"  id INTEGER PRIMARY KEY,\n"
"  child_id INTEGER NOT NULL REFERENCES child(id),\n"
"  episode_id INTEGER REFERENCES mfc_episode(id),\n"
"  held_on TEXT NOT NULL CHECK (date(held_on) = held_on),\n"
"  agencies TEXT NOT NULL DEFAULT '',\n"
"  decisions TEXT NOT NULL DEFAULT '',\n"
"  safety_plan_review_on TEXT CHECK (safety_plan_review_on IS NULL OR\n"
"    date(safety_plan_review_on) = safety_plan_review_on),\n"
"  recorded_by INTEGER REFERENCES app_user(id),\n"
"  recorded_at TEXT NOT NULL\n"
");\n"
"CREATE INDEX strategy_meeting_child ON strategy_meeting(child_id, held_on);\n"
"\n"
"CREATE TABLE grab_pack (\n"
"  child_id INTEGER PRIMARY KEY REFERENCES child(id),\n"
"  description TEXT NOT NULL DEFAULT '',\n"
"  photo_ref TEXT NOT NULL DEFAULT '',\n"
"  health TEXT NOT NULL DEFAULT '',\n"
"  associates TEXT NOT NULL DEFAULT '',\n"
"  places TEXT NOT NULL DEFAULT '',\n"
"  updated_by INTEGER REFERENCES app_user(id),\n"
"  updated_at TEXT NOT NULL\n"
");\n"
;

/*
 * The live records feed the review's figures and the alerts, so a change
 * moves migration 4's data generation, as a new return does.  The police
 * area of an episode is found through its home (mfc_episode_urn) and the
 * needs-attention lists through mfc_episode_open.
 */
static const char m5_triggers[] =
"CREATE TRIGGER data_generation_mfc_insert AFTER INSERT ON mfc_episode\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_mfc_update AFTER UPDATE ON mfc_episode\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_mfc_delete AFTER DELETE ON mfc_episode\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_meeting_insert\n"
"  AFTER INSERT ON strategy_meeting\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_meeting_update\n"
"  AFTER UPDATE ON strategy_meeting\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_meeting_delete\n"
"  AFTER DELETE ON strategy_meeting\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE INDEX strategy_meeting_episode ON strategy_meeting(episode_id)\n"
"  WHERE episode_id IS NOT NULL;\n"
;

/*
 * Migration 6: proactive alerts, the outbox and webhooks (issue 5;
 * docs/alerts.md).
 *
 * The rules themselves are data compiled in (src/alerts/rules.c: id,
 * descriptions, parameters with defaults, recipients); alert_param holds
 * the parameters an administrator changed.  An alert is unique per
 * (rule, subject key): the evaluator raises it once, however often it
 * runs, clears it when the rule no longer holds and opens the same row
 * again if the rule holds again later.  A person acknowledges or
 * resolves it with a note.  Every change of an alert puts one message
 * per recipient organisation in the outbox: in-app lists read it; a
 * webhook delivers it (signed, retried with backoff, each attempt
 * recorded in webhook_delivery).
 *
 * Recipients are organisations by kind and code, not org ids: council
 * organisations are made lazily when a first user needs one, and an
 * alert must reach a council before any of its users exists.  A
 * council is its GSS code, a police force its code ("south-wales"), the
 * inspectorate "CIW", and a provider the name of its provider in the
 * homes register (the organisation's `provider`), so that every user of
 * an organisation linked to that provider sees it.
 *
 * alert_run keeps what the last full run computed that a one-child run
 * reuses: the national top-decile rate of missing periods per place of
 * the home rule, as periods/places.
 */
static const char m6_alerts[] =
"CREATE TABLE alert_param (\n"
"  rule_id TEXT NOT NULL CHECK (length(rule_id) BETWEEN 1 AND 32),\n"
"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 32),\n"
"  value INTEGER NOT NULL,\n"
"  changed_by TEXT NOT NULL DEFAULT '',\n"
"  changed_at TEXT NOT NULL,\n"
"  PRIMARY KEY (rule_id, name)\n"
") WITHOUT ROWID;\n"
"\n"
"CREATE TABLE alert (\n"
"  id INTEGER PRIMARY KEY,\n"
"  rule_id TEXT NOT NULL CHECK (length(rule_id) BETWEEN 1 AND 32),\n"
"  subject_key TEXT NOT NULL CHECK (length(subject_key) BETWEEN 1 AND 80),\n"
"  child_id INTEGER REFERENCES child(id),\n"
"  episode_id INTEGER REFERENCES mfc_episode(id),\n"
"  urn TEXT,\n"
"  detail TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 200),\n"
"  state TEXT NOT NULL CHECK (state IN\n"
"    ('open', 'acknowledged', 'resolved', 'cleared')),\n"
"  raised_at TEXT NOT NULL,\n"
"  escalate_at TEXT,\n"
"  escalated_at TEXT,\n"
"  acknowledged_by INTEGER REFERENCES app_user(id),\n"
"  acknowledged_at TEXT,\n"
"  ack_note TEXT NOT NULL DEFAULT '' CHECK (length(ack_note) <= 1000),\n"
"  resolved_by INTEGER REFERENCES app_user(id),\n"
"  resolved_at TEXT,\n"
"  resolve_note TEXT NOT NULL DEFAULT ''\n"
"    CHECK (length(resolve_note) <= 1000),\n"
"  cleared_at TEXT,\n"
"  UNIQUE (rule_id, subject_key)\n"
");\n"
"CREATE INDEX alert_state ON alert(state, raised_at);\n"
"CREATE INDEX alert_child ON alert(child_id) WHERE child_id IS NOT NULL;\n"
"CREATE INDEX alert_urn ON alert(urn) WHERE urn IS NOT NULL;\n"
"CREATE INDEX alert_escalate ON alert(escalate_at)\n"
"  WHERE escalated_at IS NULL AND state IN ('open', 'acknowledged');\n"
"\n"
"CREATE TABLE alert_recipient (\n"
"  alert_id INTEGER NOT NULL REFERENCES alert(id),\n"
"  org_kind TEXT NOT NULL CHECK (org_kind IN\n"
"    ('inspectorate', 'council', 'provider', 'police', 'health_board')),\n"
"  org_code TEXT NOT NULL CHECK (length(org_code) BETWEEN 1 AND 120),\n"
"  PRIMARY KEY (alert_id, org_kind, org_code)\n"
") WITHOUT ROWID;\n"
"CREATE INDEX alert_recipient_org ON alert_recipient(org_kind, org_code,\n"
"  alert_id);\n"
"\n"
"CREATE TABLE alert_run (\n"
"  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
"  ran_at TEXT NOT NULL,\n"
"  home_top_periods INTEGER NOT NULL,\n"
"  home_top_places INTEGER NOT NULL\n"
");\n"
;

static const char m6_outbox[] =
"CREATE TABLE outbox (\n"
"  id INTEGER PRIMARY KEY,\n"
"  alert_id INTEGER NOT NULL REFERENCES alert(id),\n"
"  org_kind TEXT NOT NULL,\n"
"  org_code TEXT NOT NULL,\n"
"  event TEXT NOT NULL CHECK (event IN ('raised', 'escalated',\n"
"    'acknowledged', 'resolved', 'cleared')),\n"
"  body TEXT NOT NULL CHECK (length(body) <= 2000),\n"
"  created_at TEXT NOT NULL,\n"
"  -- webhook delivery: NULL delivered_at and gave_up_at, and\n"
"  -- next_attempt_at NULL (never tried) or due\n"
"  delivered_at TEXT,\n"
"  attempts INTEGER NOT NULL DEFAULT 0,\n"
"  next_attempt_at TEXT,\n"
"  gave_up_at TEXT\n"
");\n"
"CREATE INDEX outbox_org ON outbox(org_kind, org_code, id);\n"
"CREATE INDEX outbox_alert ON outbox(alert_id);\n"
"CREATE INDEX outbox_due ON outbox(org_kind, org_code, id)\n"
"  WHERE delivered_at IS NULL AND gave_up_at IS NULL;\n"
"\n"
"CREATE TABLE webhook (\n"
"  id INTEGER PRIMARY KEY,\n"
"  org_kind TEXT NOT NULL,\n"
"  org_code TEXT NOT NULL,\n"
"  url TEXT NOT NULL CHECK (length(url) <= 500 AND\n"
"    (substr(url, 1, 7) = 'http://' OR substr(url, 1, 8) = 'https://')),\n"
"  -- HMAC-SHA256 key: 64 hex characters, used as they are; shown once\n"
"  secret TEXT NOT NULL CHECK (length(secret) = 64),\n"
"  created_at TEXT NOT NULL,\n"
"  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),\n"
"  UNIQUE (org_kind, org_code)\n"
");\n"
"\n"
"CREATE TABLE webhook_delivery (\n"
"  id INTEGER PRIMARY KEY,\n"
"  outbox_id INTEGER NOT NULL REFERENCES outbox(id),\n"
"  webhook_id INTEGER NOT NULL REFERENCES webhook(id),\n"
"  attempt INTEGER NOT NULL,\n"
"  at TEXT NOT NULL,\n"
"  http_status INTEGER,\n"
"  error TEXT NOT NULL DEFAULT ''\n"
");\n"
"CREATE INDEX webhook_delivery_outbox ON webhook_delivery(outbox_id);\n"
;

/* The review's missing_response figures read the alerts' raise and
 * acknowledge times (db-history.c): those changes move the data
 * generation, so cached figures are recomputed.  An evaluator run that
 * changes nothing bumps nothing. */
static const char m6_triggers[] =
"CREATE TRIGGER data_generation_alert_insert AFTER INSERT ON alert\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_alert_update\n"
"  AFTER UPDATE OF raised_at, acknowledged_at, resolved_at, state ON alert\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
;

/*
 * Migration 7: alerts people can act on (issue 9; docs/alerts.md).
 *
 * A new state, historical: an alert a first run finds in imported
 * history, older than its rule's horizon and not going on now, kept for
 * the record and told to nobody.  Each alert gets a severity (0 not
 * known, 1 low to 4 urgent), the time the action was due, the home where
 * it happened (home_urn: the home rule's home, or the home of the
 * child's episode or placement; register data, for the "where" text and
 * the home filter) and the structured facts its texts are written from
 * (a small JSON object) instead of the English `detail` string, which
 * stays for the rows written before.
 *
 * SQLite cannot change a CHECK constraint, so the table is rebuilt: its
 * rows are copied aside, the table dropped and made again, and the rows
 * put back with the same ids.  The recipients, outbox rows and views of
 * the alert keep referring to those ids: the foreign keys are deferred
 * for the migration's transaction, so dropping the table counts each
 * reference as broken and putting each row back mends it; the commit
 * fails if one were left broken.  Indexes and triggers are made again.
 */
static const char m7_rebuild[] =
"PRAGMA defer_foreign_keys = ON;\n"
"CREATE TEMP TABLE alert_m7 AS SELECT * FROM alert;\n"
"DROP TABLE alert;\n"
"CREATE TABLE alert (\n"
"  id INTEGER PRIMARY KEY,\n"
"  rule_id TEXT NOT NULL CHECK (length(rule_id) BETWEEN 1 AND 32),\n"
"  subject_key TEXT NOT NULL CHECK (length(subject_key) BETWEEN 1 AND 80),\n"
"  child_id INTEGER REFERENCES child(id),\n"
"  episode_id INTEGER REFERENCES mfc_episode(id),\n"
"  urn TEXT,\n"
"  detail TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 200),\n"
"  state TEXT NOT NULL CHECK (state IN\n"
"    ('open', 'acknowledged', 'resolved', 'cleared', 'historical')),\n"
"  raised_at TEXT NOT NULL,\n"
"  escalate_at TEXT,\n"
"  escalated_at TEXT,\n"
"  acknowledged_by INTEGER REFERENCES app_user(id),\n"
"  acknowledged_at TEXT,\n"
"  ack_note TEXT NOT NULL DEFAULT '' CHECK (length(ack_note) <= 1000),\n"
"  resolved_by INTEGER REFERENCES app_user(id),\n"
"  resolved_at TEXT,\n"
"  resolve_note TEXT NOT NULL DEFAULT ''\n"
"    CHECK (length(resolve_note) <= 1000),\n"
"  cleared_at TEXT,\n"
"  severity INTEGER NOT NULL DEFAULT 0 CHECK (severity BETWEEN 0 AND 4),\n"
"  due_at TEXT,\n"
"  home_urn TEXT,\n"
"  facts TEXT NOT NULL DEFAULT '' CHECK (length(facts) <= 400),\n"
"  UNIQUE (rule_id, subject_key)\n"
");\n"
"INSERT INTO alert (id, rule_id, subject_key, child_id, episode_id, urn,\n"
"  detail, state, raised_at, escalate_at, escalated_at, acknowledged_by,\n"
"  acknowledged_at, ack_note, resolved_by, resolved_at, resolve_note,\n"
"  cleared_at, home_urn)\n"
"  SELECT a.id, a.rule_id, a.subject_key, a.child_id, a.episode_id, a.urn,\n"
"  a.detail, a.state, a.raised_at, a.escalate_at, a.escalated_at,\n"
"  a.acknowledged_by, a.acknowledged_at, a.ack_note, a.resolved_by,\n"
"  a.resolved_at, a.resolve_note, a.cleared_at,\n"
"  coalesce(a.urn, (SELECT e.urn FROM mfc_episode e\n"
"    WHERE e.id = a.episode_id))\n"
"  FROM alert_m7 a ORDER BY a.id;\n"
"DROP TABLE alert_m7;\n"
;

static const char m7_indexes[] =
"CREATE INDEX alert_state ON alert(state, raised_at);\n"
"CREATE INDEX alert_child ON alert(child_id) WHERE child_id IS NOT NULL;\n"
"CREATE INDEX alert_urn ON alert(urn) WHERE urn IS NOT NULL;\n"
"CREATE INDEX alert_home ON alert(home_urn) WHERE home_urn IS NOT NULL;\n"
"CREATE INDEX alert_escalate ON alert(escalate_at)\n"
"  WHERE escalated_at IS NULL AND state IN ('open', 'acknowledged');\n"
"CREATE TRIGGER data_generation_alert_insert AFTER INSERT ON alert\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER data_generation_alert_update\n"
"  AFTER UPDATE OF raised_at, acknowledged_at, resolved_at, state ON alert\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
;

/*
 * The audit trail's own file (issue 10, "speed of the audited read";
 * docs/security.md, docs/benchmarks.md): the store attaches
 * "<store>-audit" as schema "aud" (":memory:" for a memory store), so that
 * an audit commit changes only that file and the other connections'
 * caches of the data's pages stay valid.  The table is migration 2's
 * without the foreign keys (SQLite has none across files); the triggers
 * are the same text.  aud's user_version is SQLITE_AUDIT_VERSION once
 * this is done (sql-sqlite.c, audit_file_setup()).
 */
const char sqlite_audit_table[] =
"CREATE TABLE aud.audit (\n"
"  id INTEGER PRIMARY KEY,\n"
"  at TEXT NOT NULL CHECK (length(at) = 24),\n"
"  user_id INTEGER,\n"
"  org_id INTEGER,\n"
"  actor TEXT NOT NULL,\n"
"  role TEXT NOT NULL DEFAULT '',\n"
"  action TEXT NOT NULL CHECK (length(action) >= 1),\n"
"  subject_kind TEXT NOT NULL DEFAULT '',\n"
"  subject_id TEXT NOT NULL DEFAULT '',\n"
"  detail TEXT NOT NULL DEFAULT '',\n"
"  ip TEXT NOT NULL DEFAULT '',\n"
"  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),\n"
"  hash TEXT NOT NULL CHECK (length(hash) = 64)\n"
");\n"
"CREATE INDEX aud.audit_subject ON audit(subject_kind, subject_id, id);\n"
"CREATE INDEX aud.audit_user ON audit(user_id, id)\n"
"  WHERE user_id IS NOT NULL;\n"
;

/*
 * Migration 8: refused sign-ins counted per window rather than audited
 * one by one (issue 10; docs/security.md).  A row per key while its
 * window is open: the first refusal is audited when it happens, the
 * count when the window closes (src/auth/session.c).
 */
static const char m8_refusals[] =
"CREATE TABLE IF NOT EXISTS login_refusal (\n"
"  key TEXT PRIMARY KEY,\n"
"  ip TEXT NOT NULL,\n"
"  subject TEXT NOT NULL DEFAULT '',\n"
"  why TEXT NOT NULL DEFAULT '',\n"
"  first_at TEXT NOT NULL,\n"
"  last_at TEXT NOT NULL,\n"
"  count INTEGER NOT NULL CHECK (count >= 1)\n"
") WITHOUT ROWID;\n"
"CREATE INDEX IF NOT EXISTS login_refusal_ip ON login_refusal(ip);\n"
"CREATE INDEX IF NOT EXISTS login_refusal_first\n"
"  ON login_refusal(first_at);\n"
;

/*
 * Migration 9: the audit trail leaves the store's file for its own.  The
 * rows were copied to aud.audit, and checked, in a transaction of their
 * own just before (sql-sqlite.c, audit_copy_rows()): a crash between
 * the two leaves both copies, and the next open finds the same rows and
 * only drops this one.  (IF EXISTS, like migration 8's IF NOT EXISTS:
 * a store whose user_version was set back by hand runs them again.)
 */
static const char m9_audit_out[] =
"DROP TABLE IF EXISTS main.audit;\n"
;

/*
 * Migration 10: the audit rows of the last change, kept in the store
 * file too.  A change and its audit rows commit in one transaction over
 * two files; in WAL mode SQLite commits each file atomically but not the
 * two together, and the store file first, so a crash between the two
 * commits could keep the change without its rows.  The rows are also
 * written here, in the change's own commit; whoever next appends to the
 * trail (or opens the store) copies any that the audit file lacks, with
 * the ids and hashes they had, so the chain is as if nothing had
 * happened (db-auth.c, db_audit_head(); sql-sqlite.c).  Only rows
 * written inside a caller's transaction come here: views of children,
 * audited alone, never write the store file.
 */
static const char m10_audit_pending[] =
"CREATE TABLE IF NOT EXISTS audit_pending (\n"
"  id INTEGER PRIMARY KEY,\n"
"  at TEXT NOT NULL,\n"
"  user_id INTEGER,\n"
"  org_id INTEGER,\n"
"  actor TEXT NOT NULL,\n"
"  role TEXT NOT NULL,\n"
"  action TEXT NOT NULL,\n"
"  subject_kind TEXT NOT NULL,\n"
"  subject_id TEXT NOT NULL,\n"
"  detail TEXT NOT NULL,\n"
"  ip TEXT NOT NULL,\n"
"  prev_hash TEXT NOT NULL,\n"
"  hash TEXT NOT NULL\n"
");\n"
;

/*
 * Migration 11: named leases (store_lease_take()), so that one of several
 * servers on a store does a scheduled job (the alerts run) and the others
 * skip it until the lease expires.  A row, not a lock: it needs nothing
 * of the driver and outlives no holder by more than its term.  (IF NOT
 * EXISTS, like migration 8's: a store set back to an older version by
 * hand, as the tests do, runs it again.)
 */
static const char m11_lease[] =
"CREATE TABLE IF NOT EXISTS lease (\n"
"  name TEXT PRIMARY KEY,\n"
"  holder TEXT NOT NULL,\n"
"  expires_at TEXT NOT NULL\n"
");\n"
;

/*
 * Migration 12: the eight later SSDA903 tables (Reviews, UASC, OC3, AD1,
 * PlacedAdoption, PrevPerm, SWEpisodes, DoLo), one row per row of the
 * return.  They are kept as the council wrote them, column by column in
 * the return's own text (v1.. are the table's columns after CHILD, in
 * s903_tables[] order), because nothing in cartref queries them by
 * value: they are read whole, for the child's record, the export and
 * the validation rules, all of which parse them through the same column
 * table as the import.  seq keeps the return's order.  return_tables
 * says which tables the return had (bit t of enum s903_table), so that an
 * empty table that was sent is told from one that was not; a return
 * without a row there (imported before) had the first four.  (A table,
 * not a column of return903: IF NOT EXISTS, like migration 8's.)
 */
static const char m12_return_rows[] =
"CREATE TABLE IF NOT EXISTS return_row (\n"
"  return_id INTEGER NOT NULL REFERENCES return903(id) ON DELETE CASCADE,\n"
"  tbl INTEGER NOT NULL CHECK (tbl BETWEEN 4 AND 11),\n"
"  seq INTEGER NOT NULL CHECK (seq >= 0),\n"
"  child_id INTEGER NOT NULL REFERENCES child(id),\n"
"  v1 TEXT, v2 TEXT, v3 TEXT, v4 TEXT, v5 TEXT, v6 TEXT, v7 TEXT,\n"
"  PRIMARY KEY (return_id, tbl, seq)\n"
") WITHOUT ROWID;\n"
"CREATE INDEX IF NOT EXISTS return_row_child ON return_row(child_id);\n"
;
static const char m12_return_tables[] =
"CREATE TABLE IF NOT EXISTS return_tables (\n"
"  return_id INTEGER PRIMARY KEY REFERENCES return903(id) ON DELETE CASCADE,\n"
"  mask INTEGER NOT NULL CHECK (mask BETWEEN 0 AND 4095)\n"
");\n"
;

/*
 * Migration 12, also: PLACE takes the 2025-26 codes Z11 to Z14.  SQLite
 * cannot change a CHECK in place, so the table is rebuilt as its
 * documentation says (ALTER TABLE, "other kinds of table schema
 * changes"): the views that read it go first and come back as migration
 * 3 made them, the rows are copied in their order, the indexes remade.
 * Nothing references episode(id), so dropping it deletes nothing else.
 */
static const char m12_episode_views_out[] =
"DROP VIEW IF EXISTS missing_placed;\n"
"DROP VIEW IF EXISTS missing_merged;\n"
"DROP VIEW IF EXISTS episode_merged;\n"
"DROP TABLE IF EXISTS episode_z;\n"
;
static const char m12_episode_table[] =
"CREATE TABLE episode_z (\n"
"  id INTEGER PRIMARY KEY,\n"
"  return_id INTEGER NOT NULL REFERENCES return903(id) ON DELETE CASCADE,\n"
"  child_id INTEGER NOT NULL REFERENCES child(id),\n"
"  decom TEXT NOT NULL CHECK (date(decom) = decom),\n"
"  rne TEXT NOT NULL CHECK (instr(',S,L,P,T,B,U,',\n"
"    ',' || rne || ',') > 0 AND instr(rne, ',') = 0),\n"
"  ls TEXT NOT NULL CHECK (instr(',C1,C2,D1,E1,V2,V3,V4,L1,L2,L3,J1,J2,J3,',\n"
"    ',' || ls || ',') > 0 AND instr(ls, ',') = 0),\n"
"  cin TEXT NOT NULL CHECK (instr(',N1,N2,N3,N4,N5,N6,N7,N8,',\n"
"    ',' || cin || ',') > 0 AND instr(cin, ',') = 0),\n"
"  place TEXT NOT NULL CHECK (instr(',A3,A4,A5,A6,H5,K1,K2,K3,P1,P2,P3,"
"R1,R2,R3,R5,S1,T0,T1,T2,T3,T4,U1,U2,U3,U4,U5,U6,Z1,Z11,Z12,Z13,Z14,',\n"
"    ',' || place || ',') > 0 AND instr(place, ',') = 0),\n"
"  place_provider TEXT CHECK (instr(',PR0,PR1,PR2,PR3,PR4,PR5,',\n"
"    ',' || place_provider || ',') > 0 AND instr(place_provider, ',') = 0),\n"
"  dec TEXT CHECK (dec IS NULL OR (date(dec) = dec AND dec >= decom)),\n"
"  rec TEXT CHECK (instr(',X1,E11,E12,E13,E14,E15,E16,E17,E2,E3,E41,E45,"
"E46,E47,E48,E4A,E4B,E5,E6,E7,E8,E9,',\n"
"    ',' || rec || ',') > 0 AND instr(rec, ',') = 0),\n"
"  reason_place_change TEXT CHECK (instr(',CARPL,CLOSE,ALLEG,STAND,"
"APPRR,CREQB,CREQO,CHILD,LAREQ,PLACE,CUSTOD,OTHER,',\n"
"    ',' || reason_place_change || ',') > 0\n"
"    AND instr(reason_place_change, ',') = 0),\n"
"  home_post TEXT,\n"
"  pl_post TEXT,\n"
"  urn TEXT,\n"
"  -- derived at import, as DfE's extended episodes file: HOME_POST to\n"
"  -- PL_POST in tenths of a mile, and the district PL_POST is in\n"
"  pl_distance INTEGER CHECK (pl_distance >= 0),\n"
"  pl_la TEXT\n"
");\n"
;
static const char m12_episode_copy[] =
"INSERT INTO episode_z SELECT * FROM episode ORDER BY id;\n"
"DROP TABLE episode;\n"
"ALTER TABLE episode_z RENAME TO episode;\n"
"CREATE INDEX episode_return ON episode(return_id, child_id, decom);\n"
"CREATE INDEX episode_child ON episode(child_id, decom);\n"
"CREATE INDEX episode_urn ON episode(urn) WHERE urn IS NOT NULL;\n"
;

/*
 * Migration 13: the quality of care (issue 13; docs/inspections.md,
 * src/domain/quality.h).
 *
 * An inspection of a home, its four theme ratings ("" not rated) and
 * its findings; a finding carries the provider's response and the later
 * judgement (met / not met, the day, the inspection).  An inspection is
 * known by (urn, start_on, type): an import replaces it in place, so
 * its id, and what other rows say of it, stay.  Notifications (reg 60)
 * name the home, the child (child_id) and the live missing episode when
 * there is one.  The register of recommendations: addressees are
 * organisations by kind and code, not org ids, as alert recipients are
 * (a council's organisation is made when its first user is); each has
 * actions and updates, its own status and the inspectorate's verdict.
 * home_view keeps when an organisation last looked at a home's record.
 * The category and theme codes are data (notif_categories[],
 * rec_themes[]) and are not listed here; the others repeat
 * src/domain/quality.c.  Everything IF NOT EXISTS or OR IGNORE, like
 * migration 8's, so that a store set back by hand runs it again.
 */
static const char m13_inspections[] =
"CREATE TABLE IF NOT EXISTS inspection (\n"
"  id INTEGER PRIMARY KEY,\n"
"  urn TEXT NOT NULL REFERENCES home(urn),\n"
"  start_on TEXT NOT NULL CHECK (date(start_on) = start_on),\n"
"  end_on TEXT NOT NULL CHECK (date(end_on) = end_on AND end_on >= start_on),\n"
"  type TEXT NOT NULL CHECK (instr(',full,focused,post_registration,',\n"
"    ',' || type || ',') > 0 AND instr(type, ',') = 0),\n"
"  inspectors TEXT NOT NULL DEFAULT '',\n"
"  r_wellbeing TEXT NOT NULL DEFAULT '' CHECK (instr(\n"
"    ',,excellent,good,needs_improvement,poor,', ',' || r_wellbeing || ',')\n"
"    > 0 AND instr(r_wellbeing, ',') = 0),\n"
"  r_care_support TEXT NOT NULL DEFAULT '' CHECK (instr(\n"
"    ',,excellent,good,needs_improvement,poor,', ',' || r_care_support || ',')\n"
"    > 0 AND instr(r_care_support, ',') = 0),\n"
"  r_environment TEXT NOT NULL DEFAULT '' CHECK (instr(\n"
"    ',,excellent,good,needs_improvement,poor,', ',' || r_environment || ',')\n"
"    > 0 AND instr(r_environment, ',') = 0),\n"
"  r_leadership TEXT NOT NULL DEFAULT '' CHECK (instr(\n"
"    ',,excellent,good,needs_improvement,poor,', ',' || r_leadership || ',')\n"
"    > 0 AND instr(r_leadership, ',') = 0),\n"
"  summary TEXT NOT NULL DEFAULT '',\n"
"  recorded_at TEXT NOT NULL,\n"
"  recorded_by TEXT NOT NULL DEFAULT '',\n"
"  UNIQUE (urn, start_on, type)\n"
");\n"
"\n"
"CREATE TABLE IF NOT EXISTS finding (\n"
"  id INTEGER PRIMARY KEY,\n"
"  inspection_id INTEGER NOT NULL REFERENCES inspection(id),\n"
"  kind TEXT NOT NULL CHECK (kind IN ('afi', 'pan')),\n"
"  regulation TEXT NOT NULL CHECK (length(regulation) BETWEEN 1 AND 40),\n"
"  text TEXT NOT NULL,\n"
"  -- a notice's date (an area for improvement has none)\n"
"  due_on TEXT CHECK (due_on IS NULL OR date(due_on) = due_on),\n"
"  status TEXT NOT NULL DEFAULT 'open' CHECK (instr(\n"
"    ',open,responded,met,not_met,', ',' || status || ',') > 0\n"
"    AND instr(status, ',') = 0),\n"
"  judged_on TEXT CHECK (judged_on IS NULL OR date(judged_on) = judged_on),\n"
"  judged_inspection_id INTEGER REFERENCES inspection(id),\n"
"  repeats_id INTEGER REFERENCES finding(id),\n"
"  -- the provider's response: its action plan\n"
"  response TEXT NOT NULL DEFAULT '',\n"
"  response_target_on TEXT CHECK (response_target_on IS NULL OR\n"
"    date(response_target_on) = response_target_on),\n"
"  responded_at TEXT,\n"
"  responded_by TEXT NOT NULL DEFAULT '',\n"
"  CHECK (kind = 'afi' OR due_on IS NOT NULL),\n"
"  CHECK ((status IN ('met', 'not_met')) = (judged_on IS NOT NULL))\n"
");\n"
"CREATE INDEX IF NOT EXISTS finding_inspection ON finding(inspection_id);\n"
"CREATE INDEX IF NOT EXISTS finding_repeats ON finding(repeats_id)\n"
"  WHERE repeats_id IS NOT NULL;\n"
"CREATE INDEX IF NOT EXISTS finding_judged ON finding(judged_inspection_id)\n"
"  WHERE judged_inspection_id IS NOT NULL;\n"
"CREATE INDEX IF NOT EXISTS finding_open_pan ON finding(due_on)\n"
"  WHERE kind = 'pan' AND status IN ('open', 'responded', 'not_met');\n"
;

static const char m13_notifications[] =
"CREATE TABLE IF NOT EXISTS notification (\n"
"  id INTEGER PRIMARY KEY,\n"
"  urn TEXT NOT NULL REFERENCES home(urn),\n"
"  category TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 24),\n"
"  occurred_at TEXT NOT NULL CHECK (length(occurred_at) = 24),\n"
"  child_id INTEGER REFERENCES child(id),\n"
"  episode_id INTEGER REFERENCES mfc_episode(id),\n"
"  summary TEXT NOT NULL,\n"
"  action TEXT NOT NULL DEFAULT '',\n"
"  filed_at TEXT NOT NULL CHECK (length(filed_at) = 24),\n"
"  filed_by TEXT NOT NULL DEFAULT ''\n"
");\n"
"CREATE INDEX IF NOT EXISTS notification_urn\n"
"  ON notification(urn, occurred_at);\n"
"CREATE INDEX IF NOT EXISTS notification_child ON notification(child_id)\n"
"  WHERE child_id IS NOT NULL;\n"
"\n"
"CREATE TABLE IF NOT EXISTS home_view (\n"
"  urn TEXT NOT NULL REFERENCES home(urn),\n"
"  kind TEXT NOT NULL CHECK (kind IN\n"
"    ('inspectorate', 'council', 'provider', 'police', 'health_board')),\n"
"  code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 120),\n"
"  at TEXT NOT NULL,\n"
"  PRIMARY KEY (urn, kind, code)\n"
") WITHOUT ROWID;\n"
;

static const char m13_recs[] =
"CREATE TABLE IF NOT EXISTS recommendation (\n"
"  id INTEGER PRIMARY KEY,\n"
"  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 24),\n"
"  source TEXT NOT NULL CHECK (instr(',national_review,thematic_review,"
"council_inspection,child_practice_review,', ',' || source || ',') > 0\n"
"    AND instr(source, ',') = 0),\n"
"  source_title TEXT NOT NULL DEFAULT '',\n"
"  made_on TEXT NOT NULL CHECK (date(made_on) = made_on),\n"
"  theme TEXT NOT NULL CHECK (length(theme) BETWEEN 1 AND 24),\n"
"  text_en TEXT NOT NULL,\n"
"  text_cy TEXT NOT NULL,\n"
"  all_councils INTEGER NOT NULL DEFAULT 0 CHECK (all_councils IN (0, 1))\n"
");\n"
"\n"
"CREATE TABLE IF NOT EXISTS rec_repeat (\n"
"  rec_id INTEGER NOT NULL REFERENCES recommendation(id),\n"
"  earlier_id INTEGER NOT NULL REFERENCES recommendation(id),\n"
"  PRIMARY KEY (rec_id, earlier_id),\n"
"  CHECK (rec_id <> earlier_id)\n"
") WITHOUT ROWID;\n"
"CREATE INDEX IF NOT EXISTS rec_repeat_earlier ON rec_repeat(earlier_id);\n"
"\n"
"CREATE TABLE IF NOT EXISTS rec_addressee (\n"
"  id INTEGER PRIMARY KEY,\n"
"  rec_id INTEGER NOT NULL REFERENCES recommendation(id),\n"
"  kind TEXT NOT NULL CHECK (kind IN\n"
"    ('inspectorate', 'council', 'provider', 'police', 'health_board')),\n"
"  code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 120),\n"
"  status TEXT NOT NULL DEFAULT 'not_started' CHECK (instr(\n"
"    ',not_started,in_progress,done,', ',' || status || ',') > 0\n"
"    AND instr(status, ',') = 0),\n"
"  verdict TEXT NOT NULL DEFAULT '' CHECK (verdict IN\n"
"    ('', 'accepted', 'rejected')),\n"
"  verdict_reason TEXT NOT NULL DEFAULT '',\n"
"  verdict_on TEXT CHECK (verdict_on IS NULL OR date(verdict_on) = verdict_on),\n"
"  verdict_by TEXT NOT NULL DEFAULT '',\n"
"  last_update_at TEXT,\n"
"  UNIQUE (rec_id, kind, code),\n"
"  CHECK (verdict = '' OR status = 'done')\n"
");\n"
"CREATE INDEX IF NOT EXISTS rec_addressee_org ON rec_addressee(kind, code);\n"
"\n"
"CREATE TABLE IF NOT EXISTS rec_action (\n"
"  id INTEGER PRIMARY KEY,\n"
"  addressee_id INTEGER NOT NULL REFERENCES rec_addressee(id),\n"
"  what TEXT NOT NULL,\n"
"  who TEXT NOT NULL DEFAULT '',\n"
"  target_on TEXT NOT NULL CHECK (date(target_on) = target_on),\n"
"  done_on TEXT CHECK (done_on IS NULL OR date(done_on) = done_on),\n"
"  recorded_at TEXT NOT NULL,\n"
"  recorded_by TEXT NOT NULL DEFAULT ''\n"
");\n"
"CREATE INDEX IF NOT EXISTS rec_action_addressee\n"
"  ON rec_action(addressee_id, id);\n"
"\n"
"CREATE TABLE IF NOT EXISTS rec_update (\n"
"  id INTEGER PRIMARY KEY,\n"
"  addressee_id INTEGER NOT NULL REFERENCES rec_addressee(id),\n"
"  at TEXT NOT NULL,\n"
"  author TEXT NOT NULL DEFAULT '',\n"
"  note TEXT NOT NULL,\n"
"  status TEXT NOT NULL CHECK (instr(',not_started,in_progress,done,',\n"
"    ',' || status || ',') > 0 AND instr(status, ',') = 0)\n"
");\n"
"CREATE INDEX IF NOT EXISTS rec_update_addressee\n"
"  ON rec_update(addressee_id, at);\n"
;

/*
 * The seven Welsh health boards, addressees of the review's
 * recommendations, with their NHS organisation codes; and the
 * inspections and findings feed the review's figures, so a change moves
 * migration 4's data generation, as a new return does.
 */
static const char m13_seed[] =
"INSERT OR IGNORE INTO org (kind, code, name_en, name_cy) VALUES\n"
"  ('health_board', '7A1', 'Betsi Cadwaladr University Health Board',\n"
"   'Bwrdd Iechyd Prifysgol Betsi Cadwaladr'),\n"
"  ('health_board', '7A2', 'Hywel Dda University Health Board',\n"
"   'Bwrdd Iechyd Prifysgol Hywel Dda'),\n"
"  ('health_board', '7A3', 'Swansea Bay University Health Board',\n"
"   'Bwrdd Iechyd Prifysgol Bae Abertawe'),\n"
"  ('health_board', '7A4', 'Cardiff and Vale University Health Board',\n"
"   'Bwrdd Iechyd Prifysgol Caerdydd a''r Fro'),\n"
"  ('health_board', '7A5', 'Cwm Taf Morgannwg University Health Board',\n"
"   'Bwrdd Iechyd Prifysgol Cwm Taf Morgannwg'),\n"
"  ('health_board', '7A6', 'Aneurin Bevan University Health Board',\n"
"   'Bwrdd Iechyd Prifysgol Aneurin Bevan'),\n"
"  ('health_board', '7A7', 'Powys Teaching Health Board',\n"
"   'Bwrdd Iechyd Addysgu Powys');\n"
"\n"
"CREATE TRIGGER IF NOT EXISTS data_generation_inspection_insert\n"
"  AFTER INSERT ON inspection\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER IF NOT EXISTS data_generation_inspection_update\n"
"  AFTER UPDATE ON inspection\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER IF NOT EXISTS data_generation_inspection_delete\n"
"  AFTER DELETE ON inspection\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER IF NOT EXISTS data_generation_finding_insert\n"
"  AFTER INSERT ON finding\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER IF NOT EXISTS data_generation_finding_update\n"
"  AFTER UPDATE ON finding\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
"CREATE TRIGGER IF NOT EXISTS data_generation_finding_delete\n"
"  AFTER DELETE ON finding\n"
"BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END;\n"
;

const struct sqlite_migration sqlite_migrations[] = {
	{ 1, "base tables: geography, homes, SSDA903 returns",
	  { m1_geo, m1_homes, m1_returns, m1_episodes, m1_outcomes } },
	{ 2, "people, organisations, sessions, API tokens, audit trail",
	  { m2_orgs, m2_sessions, m2_audit, m2_seed } },
	{ 3, "scoped reads: merged episodes and missing periods",
	  { m3_scope, m3_missing_end } },
	{ 4, "data generation: moves when the review's input changes",
	  { m4_generation } },
	{ 5, "missing from care, recorded live",
	  { m5_episodes, m5_meetings, m5_triggers } },
	{ 6, "alerts, outbox and webhooks",
	  { m6_alerts, m6_outbox, m6_triggers } },
	{ 7, "alerts: historical state, severity, due time, home and facts",
	  { m7_rebuild, m7_indexes } },
	{ 8, "refused sign-ins counted per window",
	  { m8_refusals } },
	{ SQLITE_AUDIT_MOVE, "the audit trail in its own file",
	  { m9_audit_out } },
	{ 10, "the audit rows of the last change kept with it",
	  { m10_audit_pending } },
	{ 11, "leases: one scheduled run among several servers",
	  { m11_lease } },
	{ 12, "the eight later SSDA903 tables, which tables a return had, "
	  "PLACE Z11 to Z14",
	  { m12_return_rows, m12_return_tables, m12_episode_views_out,
	    m12_episode_table, m12_episode_copy, m3_scope } },
	{ 13, "the quality of care: inspections, findings, notifications, "
	  "recommendations and their follow-up, health boards",
	  { m13_inspections, m13_notifications, m13_recs, m13_seed } },
};
const size_t sqlite_nmigrations = ARRAY_SIZE(sqlite_migrations);
