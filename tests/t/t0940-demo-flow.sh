#!/bin/sh
# t0940-demo-flow: the walk-through `make demo` prints works on the demo
# store itself (seed 1, Wales), not only on a fixture: `cartref demo-child`
# picks a Cardiff child placed today at a home of the demo provider in
# South Wales Police's area, under 18 and not missing; the demo home
# manager reports it missing, the demo police coordinator and the demo
# Cardiff social worker see the same episode, and the rules raise and
# clear alerts as it moves through its steps.  The data is as of a fixed
# Tuesday, and every step happens in the days after it (--now), so the
# test repeats whatever today is.
. "$(dirname "$0")/lib.sh"

D=demo.cartref.wales
db="$WORK/demo.db"
cr() { "$CARTREF" --db "$db" "$@"; }
AS_OF=2026-07-14
NOW=${AS_OF}T12:00:00Z

check "demo data, seed 1, as of $AS_OF" "$CARTREF" demo-data --seed 1 --scale wales --as-of $AS_OF "$WORK/dd"
check "import it" cr import dir "$WORK/dd"
check "demo users" cr user demo
check "the rules, once" cr alerts run --now "$NOW"

check_status "demo-child before the demo users' store exists" 1 \
	"$CARTREF" --db "$WORK/empty.db" demo-child --now "$NOW"
cr demo-child --now "$NOW" >"$WORK/kid.txt"
check_eq "demo-child finds a child" 0 $?
kid=$(cut -f1 "$WORK/kid.txt")
urn=$(cut -f2 "$WORK/kid.txt")
la=$(cut -f4 "$WORK/kid.txt")
age=$(cut -f6 "$WORK/kid.txt")
ref=${kid#*/}
check_eq "a Cardiff child" W06000015 "${kid%/*}"
check "under 18" test "$age" -ge 0 -a "$age" -lt 18
case $la in
W06000011|W06000012|W06000013|W06000014|W06000015|W06000016|W06000024)
	ok "placed in South Wales Police's area ($la)" ;;
*)	not_ok "placed in South Wales Police's area" "$la" ;;
esac
check_eq "placed at that home in the open episode of the last return" 1 \
	"$(sql "$db" "SELECT count(*) FROM episode e JOIN child c ON c.id = e.child_id
	  JOIN return903 r ON r.id = e.return_id
	  WHERE c.child_ref = '$ref' AND r.la_id = c.la_id AND e.dec IS NULL
	  AND e.urn = '$urn' AND r.year = (SELECT max(year) FROM return903)")"
check_eq "with a home of the demo provider" 1 \
	"$(sql "$db" "SELECT count(*) FROM home h JOIN provider p ON p.id = h.provider_id
	  JOIN org o ON o.kind = 'provider' AND o.provider_id = p.id
	  JOIN app_user u ON u.org_id = o.id
	  WHERE h.urn = '$urn' AND u.email = 'home-manager@$D'")"
check_eq "and not missing" 0 \
	"$(sql "$db" "SELECT count(*) FROM mfc_episode m JOIN child c ON c.id = m.child_id
	  WHERE c.child_ref = '$ref' AND m.returned_at IS NULL")"

check "the home manager reports $kid missing" \
	cr missing report --as home-manager@$D --child "$kid" \
	--started ${AS_OF}T08:00Z --circumstances "did not come back from school" \
	--exploitation yes --now ${AS_OF}T09:00Z
cr missing list --as police@$D >"$WORK/police.txt"
check_grep "it is on the police coordinator's list" "$kid" "$WORK/police.txt"
id=$(awk -F'\t' -v k="$kid" '$2 == k { print $1 }' "$WORK/police.txt")
check "it has an id" test -n "$id"
next=$(cr demo-child --now ${AS_OF}T09:30Z | cut -f1)
check "missing now, it is no longer the walk-through child ($next)" test "$next" != "$kid"
cr missing list --as social-worker@$D >"$WORK/sw.txt"
check_grep "and on the Cardiff social worker's" "$kid" "$WORK/sw.txt"
check "the police grade it high" \
	cr missing police "$id" --as police@$D --ref SWP-1 --grade high \
	--now ${AS_OF}T10:00Z
cr alerts list --tsv --as social-worker@$D >"$WORK/a1.txt"
check_grep "high risk and no strategy meeting: an alert for the council" \
	"long-or-high-risk.*$ref" "$WORK/a1.txt"
check "the police record the return" \
	cr missing return "$id" --as police@$D --returned ${AS_OF}T20:00Z \
	--place "Cardiff Central" --now ${AS_OF}T20:30Z
check "the rules when the interview is overdue" \
	cr alerts run --now 2026-07-17T21:00Z
cr alerts list --tsv --as social-worker@$D >"$WORK/a2.txt"
check_grep "no interview 72 hours after: an alert" "ri-72h.*$ref" \
	"$WORK/a2.txt"
alert=$(awk -F'\t' -v r="$ref" '$2 == "ri-72h" && $5 == r { print $1; exit }' \
	"$WORK/a2.txt")
check "it names the child" test -n "$alert"
check "the social worker records the late interview" \
	cr missing interview "$id" --as social-worker@$D \
	--held 2026-07-17T21:30Z --by "Independent advocate" \
	--independent yes --outcome accepted --now 2026-07-17T22:00Z
check "and acknowledges the alert" \
	cr alerts ack "$alert" --as social-worker@$D --note "interview held late" \
	--now 2026-07-17T22:10Z
cr alerts list --tsv --as social-worker@$D >"$WORK/a3.txt"
check "the alert is acknowledged" \
	grep -q "^$alert	ri-72h	acknowledged	" "$WORK/a3.txt"
check "the audit trail is intact" cr audit verify
done_testing
