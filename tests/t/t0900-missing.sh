#!/bin/sh
# t0900: missing from care, recorded live (issue 5; docs/missing.md):
# `cartref missing` end to end as each kind of user, on the boundaries
# fixture (Cardiff's 2018 and 2019 returns; C01 is placed at W0000002,
# The Meadow Trust's home in Swansea, South Wales Police's area).
. tests/t/lib.sh

db=$WORK/missing.db
fresh_db "$db"
cr() { "$CARTREF" --db "$db" "$@"; }
B=$DATA/review/boundaries
M=$DATA/missing
NOW=2019-03-30T23:00:00Z
C01=W06000015/C01
pw='a long enough password'

cr import homes $B/homes.csv >/dev/null &&
cr import 903 --la W06000015 $B/2018/*.csv >/dev/null &&
cr import 903 --la W06000015 $B/2019/*.csv >/dev/null
check_eq "fixture loaded" 0 $?
adduser() { echo "$pw" | cr user add --email "$1" --name "$1" --role "$2" --org "$3" --password-stdin >/dev/null; }
cr user org-add --kind provider --code meadow --name-en "The Meadow Trust" --provider "The Meadow Trust" >/dev/null
cr user org-add --kind provider --code orchard --name-en "Orchard Care" --provider "Orchard Care Ltd" >/dev/null
adduser home@t.org home_manager provider:meadow
adduser orchard@t.org home_manager provider:orchard
adduser sw@t.org council_social_worker council:W06000015
adduser swansea@t.org council_social_worker council:W06000011
adduser police@t.org police_missing_coordinator police:south-wales
adduser gwent@t.org police_missing_coordinator police:gwent
adduser insp@t.org inspector inspectorate:CIW
adduser analyst@t.org analyst inspectorate:CIW
check_eq "eight users" 8 "$(sql "$db" "SELECT count(*) FROM app_user")"
m() { who=$1; shift; cr missing "$@" --as "$who" --now "$NOW"; }

# ---- report ----------------------------------------------------------------
check "missing --help" sh -c "$CARTREF missing --help | grep -q 'missing report'"
check_status "--as required" 2 cr missing list
check_status "the council may not report" 1 m sw@t.org report --child $C01 --started 2019-03-30T21:15
check_status "another provider's home: no such child" 1 m orchard@t.org report --child $C01 --started 2019-03-30T21:15
m orchard@t.org report --child $C01 --started 2019-03-30T21:15 >"$WORK/o.out" 2>&1
check_grep "and says so, as for an unknown child" "no such child" "$WORK/o.out"
check_status "started in the future refused" 1 m home@t.org report --child $C01 --started 2019-03-31T09:00
check_status "last seen after started refused" 1 m home@t.org report --child $C01 --started 2019-03-30T21:15 --last-seen 2019-03-30T22:00
check_status "a bad time refused" 2 m home@t.org report --child $C01 --started yesterday
check "the home reports C01 missing" m home@t.org report --child $C01 --started 2019-03-30T21:15 --last-seen 2019-03-30T20:40 --last-seen-place "Swansea bus station" --circumstances "did not come back from college" --actions "searched, rang friends, called police" --exploitation yes --associates "older males in a car" --health "asthma: inhaler"
check_eq "stored with the home it is placed at" "1|M|W0000002|1" "$(sql "$db" "SELECT id, kind, urn, exploitation FROM mfc_episode")"
check_status "one open episode per child" 1 m home@t.org report --child $C01 --started 2019-03-30T22:00
check_eq "a change audited" 1 "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'change' AND subject_id = '$C01'")"

# ---- who sees it -------------------------------------------------------------
for who in home@t.org sw@t.org police@t.org insp@t.org; do
	check "$who sees episode 1" m $who show 1
done
for who in orchard@t.org swansea@t.org gwent@t.org; do
	m $who show 1 >"$WORK/nf.out" 2>&1
	check_eq "$who: no such missing episode" "cartref: no such missing episode" "$(cat "$WORK/nf.out")"
done
m nobody show 2 >/dev/null 2>&1
check_status "an analyst is denied" 1 m analyst@t.org show 1
m analyst@t.org show 1 >"$WORK/an.out" 2>&1
check_grep "with a reason" "aggregate" "$WORK/an.out"
m police@t.org list >"$WORK/pl.out"
check_grep "on the police's needs-attention list" "^1	$C01	12	M	W0000002	2019-03-30T21:15:00.000Z	1h" "$WORK/pl.out"
m sw@t.org list >"$WORK/sl.out"
check_grep "on the council's list" "^1	$C01" "$WORK/sl.out"
m gwent@t.org list >"$WORK/gl.out"
check_grep "not on another force's" "^0 open" "$WORK/gl.out"

# ---- police -------------------------------------------------------------------
check_status "the home may not grade" 1 m home@t.org police 1 --grade high
check_status "another force: not found" 1 m gwent@t.org police 1 --grade high
check_status "a bad grade" 2 m police@t.org police 1 --grade severe
check "the police grade it" m police@t.org police 1 --grade high --ref SWP-19-0042
check_status "the child's alerts were evaluated after the change" 0 test "$(sql "$db" "SELECT count(*) FROM alert")" -gt 0
m sw@t.org show 1 >"$WORK/s1.out"
check_grep "the council sees the grade" "^risk grade *high" "$WORK/s1.out"

# ---- grab pack -----------------------------------------------------------------
check_status "the council may not write the grab pack" 1 m sw@t.org grab-pack --child $C01 --description x
check "the home writes the grab pack" m home@t.org grab-pack --child $C01 --description "slim, 5ft, dark hair" --photo "CF-PH-118" --places "Swansea marina"
m police@t.org grab-pack --child $C01 >"$WORK/gp.out"
check_grep "the police see it while the child is missing" "Swansea marina" "$WORK/gp.out"
check_status "another force does not" 1 m gwent@t.org grab-pack --child $C01
check_eq "the police's read audited as a grab-pack view" 1 "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'view' AND subject_kind = 'grab-pack' AND actor = 'police@t.org'")"

# ---- return, interview, strategy meeting ----------------------------------------
check_status "returned before it started" 1 m police@t.org return 1 --returned 2019-03-30T20:00
check "the police record the return" m police@t.org return 1 --returned 2019-03-30T22:40 --place "Swansea marina"
check_status "the grab pack is no longer the police's" 1 m police@t.org grab-pack --child $C01
check_eq "that refusal audited too" 1 "$(sql "$db" "SELECT count(*) FROM audit WHERE action = 'view-denied' AND subject_kind = 'grab-pack' AND actor = 'police@t.org'")"
check "the home still reads it" m home@t.org grab-pack --child $C01
check_status "the police may not record the interview" 1 m police@t.org interview 1 --offered 2019-03-30T22:50
check_status "interview held before the return refused" 1 m sw@t.org interview 1 --held 2019-03-30T22:00
check "the council records the interview" m sw@t.org interview 1 --offered 2019-03-30T22:50 --by "Independent advocate" --independent yes --outcome accepted --summary "met a man at the station"
m police@t.org show 1 >"$WORK/p1.out"
check_grep "the police do not see the interview's summary" "^ri summary *$" "$WORK/p1.out"
m sw@t.org show 1 >"$WORK/s2.out"
check_grep "the council does" "^ri summary *met a man" "$WORK/s2.out"
check_status "the home may not record a strategy meeting" 1 m home@t.org strategy --child $C01 --held 2019-03-30
check_status "Swansea's council: not its child" 1 m swansea@t.org strategy --child $C01 --held 2019-03-30
check "the council records a strategy meeting" m sw@t.org strategy --child $C01 --held 2019-03-30 --episode 1 --agencies "council, police, home" --decisions "safety plan" --review 2019-04-30
m sw@t.org show --child $C01 >"$WORK/ch.out"
check_grep "the child's live chronology: the episode" "^episode	1	M	W0000002	2019-03-30T21:15:00.000Z	2019-03-30T22:40:00.000Z	high" "$WORK/ch.out"
check_grep "and the meeting" "^meeting	1	2019-03-30	2019-04-30	council, police, home" "$WORK/ch.out"
m police@t.org list >"$WORK/pl2.out"
check_grep "returned: off the list" "^0 open" "$WORK/pl2.out"

# ---- export ------------------------------------------------------------------------
check "export 903 2019" cr export 903 --la W06000015 --year 2019 "$WORK/exp"
check_grep "the live episode is in the Missing table" "^C01,01/06/2006,M,30/03/2019,30/03/2019" "$WORK/exp/missing.csv"
check_eq "nothing else added: header, 6 rows of the return, 1 live" 8 "$(wc -l <"$WORK/exp/missing.csv" | tr -d ' ')"

# ---- import ------------------------------------------------------------------------
check "import a good file" cr missing import --now $NOW $M/good.csv $M/meetings.csv
check_eq "its episodes stored" 3 "$(sql "$db" "SELECT count(*) FROM mfc_episode")"
check_eq "its meeting names its episode" 1 "$(sql "$db" "SELECT count(*) FROM strategy_meeting s JOIN mfc_episode e ON e.id = s.episode_id WHERE e.started_at = '2018-07-02T09:00:00.000Z'")"
cr missing import --now $NOW $M/bad.csv 2>"$WORK/bad.err"
check_eq "a bad file fails" 1 $?
check_eq "every problem as FILE:LINE:COLUMN: RULE: message" "$(cat $M/bad.expect)" "$(sed "s|$M/||" "$WORK/bad.err")"
check_eq "all or nothing" 3 "$(sql "$db" "SELECT count(*) FROM mfc_episode")"
cr export 903 --la W06000015 --year 2019 "$WORK/exp2" >/dev/null
check_eq "an episode the return has is not repeated" 1 "$(grep -c '^C04,01/01/2004,M,02/07/2018' "$WORK/exp2/missing.csv")"
check "audit trail intact" cr audit verify
done_testing
