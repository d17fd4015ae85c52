#!/bin/sh
# t0860: many concurrent audited reads through a running server all land
# in the audit trail, one row each, in one unbroken hash chain.  The
# server appends the rows of views of children through its audit writer
# (group commit, src/auth/audit.h): each read waits for the commit that
# holds its row, so once every answer is in, every row is too.  The CLI
# appends rows to the same store meanwhile (another process, its own
# transactions), so the writer must extend whatever head it finds.  A
# token revoked, or a user disabled, while the server runs stops working
# at the next request.
. tests/t/lib.sh

db=$WORK/load.db
log=$WORK/server.log
out=$WORK/server.out
B=$DATA/review/boundaries
D=demo.cartref.wales
SW=social-worker@$D
WORKERS=16
EACH=25

fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
check "fixture homes" cr import homes $B/homes.csv
check "fixture 2019" cr import 903 --la W06000015 $B/2019/*.csv
check "one demo user per role" cr user demo
tok=$(cr user token "$SW" --label t0860 2>&1 | grep '^cartref_')
check_eq "an API token" 51 "${#tok}"

SERVER_PORT_BASE=21000
. tests/t/lib-server.sh

if ! start_server; then
	not_ok "server starts" "$(cat "$log")"
	done_testing
	exit 1
fi
ok "server starts on 127.0.0.1:$port with 8 threads"

views() {
	sql "$db" "SELECT count(*) FROM audit WHERE actor = '$SW' AND subject_kind = 'child' AND action IN ('view', 'view-denied')"
}
before=$(views)

# each worker: EACH reads on one kept-alive connection, one in five of a
# child that does not exist (404, audited as view-denied)
worker() {
	set --
	j=0
	while [ "$j" -lt "$EACH" ]; do
		if [ $((j % 5)) -eq 4 ]; then
			set -- "$@" -o /dev/null "$U/api/v1/children/W06000015/NOPE$j"
		else
			set -- "$@" -o /dev/null "$U/api/v1/children/W06000015/C01"
		fi
		j=$((j + 1))
	done
	curl -s -w '%{http_code}\n' -H "Authorization: Bearer $tok" "$@"
}
w=0
while [ "$w" -lt "$WORKERS" ]; do
	worker >"$WORK/worker-$w" 2>&1 &
	w=$((w + 1))
done
# meanwhile, another process appends to the same trail
k=0
while [ "$k" -lt 5 ]; do
	cr user token "$SW" --label "t0860 cli $k" >/dev/null 2>&1 || echo "cli $k failed" >>"$WORK/cli-errors"
	k=$((k + 1))
done
wait_workers() {
	for f in "$WORK"/worker-*; do
		while [ "$(wc -l <"$f")" -lt "$EACH" ] && kill -0 "$pid" 2>/dev/null; do
			sleep 0.1
		done
	done
}
wait_workers
reads=$((WORKERS * EACH))
check_eq "every read answered: 200 for the child" $((reads * 4 / 5)) "$(cat "$WORK"/worker-* | grep -c '^200$')"
check_eq "every read answered: 404 for no such child" $((reads / 5)) "$(cat "$WORK"/worker-* | grep -c '^404$')"
check "the CLI wrote its rows meanwhile" test ! -e "$WORK/cli-errors"
after=$(views)
check_eq "one audit row per read ($reads)" "$reads" $((after - before))
check_eq "the reads that found nothing are audited as such" $((reads / 5)) \
	"$(sql "$db" "SELECT count(*) FROM audit WHERE actor = '$SW' AND action = 'view-denied' AND detail = 'no such child'")"
check_eq "ids run without gaps" "$(sql "$db" "SELECT max(id) FROM audit")" \
	"$(sql "$db" "SELECT count(*) FROM audit")"
check "the audit trail is intact (cartref audit verify)" cr audit verify

# revoked and disabled, while serving: the next request is refused
code() {
	curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" "$U/api/v1/children/W06000015/C01"
}
tok2=$(cr user token "$SW" --label "t0860 revoke" 2>&1 | grep '^cartref_')
check_eq "a second token works" 200 "$(code "$tok2")"
tid=$(cr user tokens "$SW" | awk '$0 ~ /t0860 revoke/ { print $1 }')
check "revoke it" cr user revoke-token "$tid"
check_eq "revoked: refused at the next request" 401 "$(code "$tok2")"
check_eq "the first token still works" 200 "$(code "$tok")"
check "disable the user" cr user disable "$SW"
check_eq "disabled: refused at the next request" 401 "$(code "$tok")"

stop_server
check_eq "the server stops cleanly" 0 "$status"
# the reads above and the two that worked after them
check_grep "the writer wrote every view it was given" \
	"cartref: audit: $((reads + 2)) views of children written in" "$log"
check "the audit trail is still intact" cr audit verify
done_testing
