# tests/t/lib.sh: helpers for end-to-end tests, sourced by each tNNNN-*.sh.
# Each check prints a TAP-style "ok N - what" or "not ok N - what" line;
# tests/run.sh counts them.  $WORK is a fresh directory for this script,
# $CARTREF the binary, $DATA the fixtures.

set -u
n=0
DATA=tests/data
: "${WORK:?}" "${CARTREF:?}"

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}

# skip "description" "reason": a check that did not run, "ok N # skip"
# (TAP): tests/run.sh counts it as skipped, not passed.
skip() {
	n=$((n + 1))
	echo "ok $n # skip $1: $2"
}

not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	[ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/#   /'
	return 0
}

# check "description" command...: passes when the command exits 0.
check() {
	desc=$1
	shift
	# lib_out_: not "out", which callers use for their own paths
	if lib_out_=$("$@" 2>&1); then ok "$desc"; else
		not_ok "$desc" "$lib_out_"; fi
}

# check_fails "description" status command...: exits with exactly status.
check_status() {
	desc=$1
	want=$2
	shift 2
	lib_out_=$("$@" 2>&1)
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$desc"; else
		not_ok "$desc" "exit $got, wanted $want: $lib_out_"; fi
}

# check_eq "description" expected actual
check_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1" "expected: $2
actual:   $3"; fi
}

# check_grep "description" pattern file
check_grep() {
	if grep -q -- "$2" "$3"; then ok "$1"; else
		not_ok "$1" "no line matching '$2' in $3: $(head -20 "$3")"; fi
}

# The store's backend under test: "sqlite", or "pg" when tests/run.sh runs
# the suite again on PostgreSQL (CARTREF is then tests/pg-wrap, which
# turns each store path into a database of the test cluster).
BACKEND=${CARTREF_TEST_BACKEND:-sqlite}

# on_pg: true when the stores are PostgreSQL databases.  A check of
# something only the embedded driver has (files, their modes, SQLite's
# own schema) is skipped there: `on_pg && skip "what" "why" || check ...`.
on_pg() {
	[ "$BACKEND" = pg ]
}

# pg_db PATH: the test cluster's database standing for a store path
# (tests/pg-wrap), and psql on it.
pg_db() {
	printf 't_%s' "$(printf '%s' "$1" | md5sum | cut -c1-24)"
}

pg_psql() {
	# lib_pgdb_: not "db", which the tests use for their store
	lib_pgdb_=$1
	shift
	psql -X -q -v ON_ERROR_STOP=1 -d "$CARTREF_PG dbname=$lib_pgdb_" "$@"
}

# A store with geography loaded, made once per script and copied: fast.
fresh_db() {
	if [ ! -f "$WORK/base.db" ]; then
		"$CARTREF" --db "$WORK/base.db" migrate >/dev/null || return 1
	fi
	copy_store "$WORK/base.db" "$1"
}

# copy_store SRC DST: copy a closed store with its audit file (the audit
# trail is a file of its own, SRC-audit), replacing DST's; on PostgreSQL,
# the database (CREATE DATABASE ... TEMPLATE).
copy_store() {
	rm -f "$2" "$2-wal" "$2-shm" "$2-audit" "$2-audit-wal" "$2-audit-shm"
	if on_pg; then
		pg_psql postgres -q \
			-c "SET client_min_messages = warning" \
			-c "DROP DATABASE IF EXISTS $(pg_db "$2") WITH (FORCE)" \
			-c "CREATE DATABASE $(pg_db "$2") TEMPLATE $(pg_db "$1")" \
			>/dev/null || return 1
		: >"$2"
		return
	fi
	cp "$1" "$2" || return 1
	[ ! -f "$1-audit" ] || cp "$1-audit" "$2-audit"
}

# sql DB "query": run a read-only query with the sqlite3 shell, the
# store's audit file attached as cartref attaches it ("aud"), so that
# "audit" names its table; on PostgreSQL with psql, in the same
# "a|b" form (the search path names the audit table too, and a boolean
# column prints 1 or 0).  Write the query in SQL both run: no PRAGMA
# (schema_version below), no bare column beside an aggregate.

# sql_list DB "query": the query's one column, its rows joined by spaces
# (what SQLite's group_concat(x, ' ') gives, which PostgreSQL has not)
sql_list() {
	sql "$1" "$2" | tr '\n' ' ' | sed 's/ $//'
}

# store_sound DB: prints "ok" when the store is sound: SQLite's PRAGMA
# integrity_check; on PostgreSQL, that the database answers (a client
# killed mid-write leaves the server's own recovery to it; what the
# drills check there is all-or-nothing and the audit chain)
store_sound() {
	if on_pg; then
		sql "$1" "SELECT 'ok'"
	else
		sql "$1" "PRAGMA integrity_check"
	fi
}

# schema_version DB: the store's schema version
schema_version() {
	if on_pg; then
		sql "$1" "SELECT version FROM schema_version"
	else
		sql "$1" "PRAGMA user_version"
	fi
}
sql() {
	if on_pg; then
		# the audit trail's schema on the search path, as SQLite's
		# attached file; true and false printed as SQLite prints them
		PGOPTIONS="-c search_path=public,aud" \
			pg_psql "$(pg_db "$1")" -A -t -F '|' -c "$2" |
			sed 's/^t$/1/; s/^f$/0/; s/^t|/1|/; s/^f|/0|/;
			     s/|t$/|1/; s/|f$/|0/; s/|t|/|1|/g; s/|f|/|0|/g'
	elif [ -f "$1-audit" ]; then
		sqlite3 -batch -noheader -cmd "ATTACH '$1-audit' AS aud" "$1" "$2"
	else
		sqlite3 -batch -noheader "$1" "$2"
	fi
}

# sql_file DB FILE: run a file of SQL statements on the store (a
# fixture's rows), in one transaction on PostgreSQL.
sql_file() {
	if on_pg; then
		pg_psql "$(pg_db "$1")" -1 -f "$2"
	else
		sqlite3 -batch "$1" <"$2"
	fi
}

# clock_at TIME: move every cartref this script runs to TIME ("2019-08-15
# 12:00Z"), the clock running on from there (CARTREF_CLOCK_OFFSET,
# src/base/clock.h), so that a fixture's dates are "now" whatever the
# real date.  fnow prints the moved "now" as ISO 8601 UTC; use it as the
# base of relative dates: date -u -d "$(fnow) 4 days ago".
clock_at() {
	CARTREF_CLOCK_OFFSET=$(( $(date -u -d "$1" +%s) - $(date -u +%s) ))
	export CARTREF_CLOCK_OFFSET
}
fnow() {
	date -u -d "@$(( $(date -u +%s) + ${CARTREF_CLOCK_OFFSET:-0} ))" +%Y-%m-%dT%H:%M:%SZ
}

# needs_chromium: a script that is all in the browser ends here, with one
# "ok # skip" line, where Debian's chromium (CHROMIUM) is not installed.
CHROMIUM=/usr/bin/chromium
needs_chromium() {
	if [ ! -x "$CHROMIUM" ]; then
		skip "the browser checks" "$CHROMIUM is not installed (scripts/deps installs chromium)"
		done_testing
		exit 0
	fi
}

# browser_tap NAME SECONDS COMMAND...: a browser script (tests/browser/,
# lib.mjs) whose checks go on from this script's: its TAP printed and
# counted, kept in $WORK/NAME.tap with its errors in $WORK/NAME.err, the
# whole bounded by timeout (killed 5 s after); an exit that is not 0 with
# no "not ok" of its own is one.
browser_tap() {
	bname=$1
	bsecs=$2
	shift 2
	TAP_START=$n TAP_COUNT=$WORK/tap-count timeout -k 5 "$bsecs" "$@" \
		>"$WORK/$bname.tap" 2>"$WORK/$bname.err"
	brc=$?
	cat "$WORK/$bname.tap"
	if [ -s "$WORK/tap-count" ]; then
		n=$(cat "$WORK/tap-count")
	else
		n=$((n + $(grep -c '^\(not \)\{0,1\}ok ' "$WORK/$bname.tap")))
	fi
	if [ "$brc" -ne 0 ] && ! grep -q '^not ok' "$WORK/$bname.tap"; then
		not_ok "the browser run exits 0" "exit $brc: $(tail -20 "$WORK/$bname.err")"
	fi
}

done_testing() {
	echo "1..$n"
}
