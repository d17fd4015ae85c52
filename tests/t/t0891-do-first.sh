#!/bin/sh
# t0891: "do first" stays a list a person can act on, for every
# organisation of the demo, not only the demo users': the demo for a fixed
# reference date (and the clock moved to it, so the numbers do not drift
# with the real date), one alerts run, then a user for every council
# (social worker and placements officer), every police force, every
# provider in the register and the inspectorate; each signs in over HTTP
# and reads its home page's "do first" count (data-cartref-total).  None
# may be above DO_FIRST_BOUND (the "about 20"), every item shown
# must be a link, and at most 20 are shown.  The counts are printed (as
# TAP notes) for docs and closing notes.
. tests/t/lib.sh

AS_OF=2026-12-07
DO_FIRST_BOUND=25
db=$WORK/do-first.db
log=$WORK/server.log
out=$WORK/server.out
PW="do-first test password"

clock_at "$AS_OF 09:30"
check "the demo as of $AS_OF" "$CARTREF" demo-data --seed 1 --scale wales --as-of "$AS_OF" "$WORK/demo"
fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
check "imported" cr import dir "$WORK/demo"
check "the alerts" cr alerts run

adduser() {
	echo "$PW" | "$CARTREF" --db "$db" user add --email "$1" --name "$1" \
		--role "$2" --org "$3" --password-stdin >/dev/null 2>&1
}
: >"$WORK/people"
nusers=0
for la in $(sql "$db" "SELECT DISTINCT l.code FROM return903 r JOIN la l ON l.id = r.la_id ORDER BY 1"); do
	adduser "sw-$la@t.test" council_social_worker "council:$la" &&
		echo "sw-$la@t.test council $la (social worker)" >>"$WORK/people"
	adduser "pl-$la@t.test" council_placements "council:$la" &&
		echo "pl-$la@t.test council $la (placements)" >>"$WORK/people"
done
for f in dyfed-powys gwent north-wales south-wales; do
	adduser "mp-$f@t.test" police_missing_coordinator "police:$f" &&
		echo "mp-$f@t.test police $f" >>"$WORK/people"
done
i=0
sql "$db" "SELECT DISTINCT p.name FROM provider p JOIN home h ON h.provider_id = p.id ORDER BY 1" >"$WORK/providers"
while IFS= read -r name; do
	i=$((i + 1))
	cr user org-add --kind provider --code "provider-$i" --name-en "$name" \
		--provider "$name" >/dev/null 2>&1 &&
		adduser "hm-$i@t.test" home_manager "provider:provider-$i" &&
		echo "hm-$i@t.test provider $name" >>"$WORK/people"
done <"$WORK/providers"
adduser "insp@t.test" inspector inspectorate:CIW && echo "insp@t.test inspectorate CIW" >>"$WORK/people"
nusers=$(wc -l <"$WORK/people")
nprov=$(wc -l <"$WORK/providers")
check_eq "a user for every council (2 each), force, provider and the inspectorate" \
	$((22 * 2 + 4 + nprov + 1)) "$nusers"

SERVER_PORT_BASE=24000
. tests/t/lib-server.sh

server_up

# home EMAIL: signs in and writes the home page to $WORK/home.b
# (a failed sign-in shows as the home page's status, 303)
home() {
	session_start user "$1" "$PW"
	get home -b "$WORK/user.jar" "$U/home"
	status home
}

over=""
bad=""
max=0
sum=0
while read -r email kind rest; do
	st=$(home "$email")
	total=$(sed -n 's/.*data-cartref-total="\([0-9]*\)".*/\1/p' "$WORK/home.b" | head -1)
	total=${total:-0}
	shown=$(sed -n '/data-cartref="do-first"/,/<\/ul>/p' "$WORK/home.b" | grep -c 'govuk-task-list__item')
	links=$(sed -n '/data-cartref="do-first"/,/<\/ul>/p' "$WORK/home.b" | grep -c 'govuk-task-list__link')
	[ "$st" = 200 ] || bad="$bad $email:$st"
	[ "$shown" -le 20 ] && [ "$shown" = "$links" ] || bad="$bad $email:shown=$shown,links=$links"
	[ "$total" -le "$DO_FIRST_BOUND" ] || over="$over $email($rest):$total"
	[ "$total" -gt "$max" ] && max=$total
	sum=$((sum + total))
	echo "# do first: $total  $kind $rest"
done <"$WORK/people"
check_eq "every home page answers, shows at most 20 items, each a link" "" "$bad"
check_eq "no organisation has more than $DO_FIRST_BOUND things to do first" "" "$over"
echo "# do first, all $nusers: at most $max, $sum in all"
stop_server
check_eq "the server stops cleanly" 0 "$?"
done_testing
