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
"  is_council INTEGER NOT NULL CHECK (is_council IN (0, 1))\n"
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
"  urn TEXT\n"
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

const struct sqlite_migration sqlite_migrations[] = {
	{ 1, "base tables: geography, homes, SSDA903 returns",
	  { m1_geo, m1_homes, m1_returns, m1_episodes, m1_outcomes } },
};
const size_t sqlite_nmigrations = ARRAY_SIZE(sqlite_migrations);
