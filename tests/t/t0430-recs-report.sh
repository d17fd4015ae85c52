#!/bin/sh
# t0430: `cartref recommendations report` (docs/inspections.md, "Reports"):
# the recommendations progress report over a small register written
# straight into the store, every format in English and Welsh, the JSON's
# numbers worked by hand, no child's reference in any output.  And
# `cartref review`'s quality of care figures over inspections written the
# same way.  Dates are relative to today (T).
. tests/t/lib.sh

B=$DATA/review/boundaries
db=$WORK/recs.db
fresh_db "$db"
# children in the store, so that the report could name one if it leaked
check "fixture homes" "$CARTREF" --db "$db" import homes $B/homes.csv
check "fixture 2019" "$CARTREF" --db "$db" import 903 --la W06000015 $B/2019/*.csv

T=$(date -u +%F)
d() { date -u -d "$T $1" +%F; }
at() { date -u -d "$T $1" +%Y-%m-%dT%H:%M:%S.000Z; }

# NR-A (made 9 years ago) to Cardiff, not started.
# NR-B (a year ago) repeats NR-A, to every council: Cardiff done and
#   accepted (its action done), Swansea in progress (updated 10 days ago;
#   an action 60 days overdue, one due in 30 days), South Wales Police in
#   progress (an action 200 days overdue, one done).
# NR-C (30 days ago) to Cardiff and Vale health board, nothing yet.
# So: 3 recommendations, 5 addressees, 1 done and accepted, 2 with an
# overdue action, 2 overdue actions, the oldest due 200 days ago; NR-B
# made twice since NR-A's year.
cat >"$WORK/recs.sql" <<EOF
INSERT INTO recommendation (id, code, source, source_title, made_on, theme,
  text_en, text_cy, all_councils) VALUES
 (1, 'NR-A', 'national_review', 'An earlier review', '$(d "-9 years")',
  'missing', 'Offer every child a return interview.',
  'Cynnig cyfweliad dychwelyd i bob plentyn.', 0),
 (2, 'NR-B', 'national_review', 'The national review', '$(d "-1 year")',
  'missing', 'Offer every child a return interview within 72 hours.',
  'Cynnig cyfweliad dychwelyd i bob plentyn o fewn 72 awr.', 1),
 (3, 'NR-C', 'thematic_review', 'A thematic review', '$(d "-30 days")',
  'stability', 'Keep children close to home.',
  'Cadw plant yn agos at eu cartref.', 0);
INSERT INTO rec_repeat (rec_id, earlier_id) VALUES (2, 1);
INSERT INTO rec_addressee (id, rec_id, kind, code, status, verdict,
  verdict_on, last_update_at) VALUES
 (1, 1, 'council', 'W06000015', 'not_started', '', NULL, NULL),
 (2, 2, 'council', 'W06000015', 'done', 'accepted', '$(d "-5 days")',
  '$(at "-20 days")'),
 (3, 2, 'council', 'W06000011', 'in_progress', '', NULL, '$(at "-10 days")'),
 (4, 2, 'police', 'south-wales', 'in_progress', '', NULL, NULL),
 (5, 3, 'health_board', '7A4', 'not_started', '', NULL, NULL);
INSERT INTO rec_action (addressee_id, what, who, target_on, done_on,
  recorded_at) VALUES
 (2, 'Commission interviews', 'Head of service', '$(d "-100 days")',
  '$(d "-120 days")', '$(at "-300 days")'),
 (3, 'Train staff', 'Principal officer', '$(d "-60 days")', NULL,
  '$(at "-300 days")'),
 (3, 'Audit interviews', 'Principal officer', '$(d "+30 days")', NULL,
  '$(at "-300 days")'),
 (4, 'Joint protocol', 'Missing persons coordinator', '$(d "-200 days")',
  NULL, '$(at "-300 days")'),
 (4, 'Share debriefs', 'Missing persons coordinator', '$(d "-50 days")',
  '$(d "-70 days")', '$(at "-300 days")');
EOF
check "fixture register" sql_file "$db" "$WORK/recs.sql"

R() { "$CARTREF" --db "$db" recommendations report "$@"; }
check "json" R --format json -o "$WORK/r.json"
j() { jq -r "$1" "$WORK/r.json"; }
check_eq "json: as of today" "$T" "$(j .as_of)"
check_eq "json: 3 recommendations" 3 "$(j .totals.recommendations)"
check_eq "json: 5 addressees" 5 "$(j .totals.addressees)"
check_eq "json: 1 done" 1 "$(j .totals.done)"
check_eq "json: 1 accepted" 1 "$(j .totals.accepted)"
check_eq "json: 2 with an overdue action" 2 "$(j .totals.addressees_with_overdue_actions)"
check_eq "json: 2 overdue actions" 2 "$(j .totals.overdue_actions)"
check_eq "json: the oldest due 200 days ago" "$(d "-200 days")" "$(j .totals.oldest_overdue_target_on)"
check_eq "json: made first first" "NR-A NR-B NR-C" "$(j '[.recommendations[].code] | join(" ")')"
check_eq "json: NR-B made twice" 2 "$(j '.recommendations[1].times_made')"
check_eq "json: since NR-A" "$(d "-9 years")" "$(j '.recommendations[1].first_made_on')"
check_eq "json: NR-C made once" 1 "$(j '.recommendations[2].times_made')"
check_eq "json: NR-B's addressees, councils first" "W06000011 W06000015 south-wales" \
	"$(j '[.recommendations[1].addressees[].code] | join(" ")')"
check_eq "json: Swansea's last update 10 days ago" "$(d "-10 days")" \
	"$(j '.recommendations[1].addressees[0].last_update_on')"
check_eq "json: Swansea, 2 actions, 1 overdue" "2 1 $(d "-60 days")" \
	"$(j '.recommendations[1].addressees[0] | "\(.actions) \(.overdue_actions) \(.oldest_overdue_target_on)"')"
check_eq "json: Cardiff done, accepted" "done accepted" \
	"$(j '.recommendations[1].addressees[1] | "\(.status) \(.verdict)"')"
check_eq "json: the police's names" "South Wales Police|Heddlu De Cymru" \
	"$(j '.recommendations[1].addressees[2] | "\(.name_en)|\(.name_cy)"')"
check_eq "json: Cardiff named from the geography" "Cardiff|Caerdydd" \
	"$(j '.recommendations[0].addressees[0] | "\(.name_en)|\(.name_cy)"')"
check_eq "json: no update yet is null" null "$(j '.recommendations[2].addressees[0].last_update_on')"
check "as of a day: nothing overdue before the first target" \
	sh -c "$CARTREF --db $db recommendations report --format json --as-of $(d "-400 days") | jq -e '.totals.overdue_actions == 0' >/dev/null"

check "markdown" R --format md -o "$WORK/r.md"
check_grep "md: title" '^# Recommendations: progress report' "$WORK/r.md"
check_grep "md: repeats" 'Made 2 times since' "$WORK/r.md"
check "markdown in Welsh" R --format md --lang cy -o "$WORK/r-cy.md"
check_grep "Welsh md: title" '^# Argymhellion: adroddiad cynnydd' "$WORK/r-cy.md"
check_grep "Welsh md: repeats" "Wedi'i wneud 2 gwaith ers" "$WORK/r-cy.md"
check_grep "Welsh md: the text in Welsh" 'Cadw plant yn agos' "$WORK/r-cy.md"
check_grep "Welsh md: a status in Welsh" 'Heb ddechrau\|Ar y gweill' "$WORK/r-cy.md"
check "html" R --format html -o "$WORK/r.html"
check "html in Welsh" R --format html --lang cy -o "$WORK/r-cy.html"
check "html is well-formed XML" xmllint --noout "$WORK/r.html"
check "Welsh html is well-formed XML" xmllint --noout "$WORK/r-cy.html"
check_grep "Welsh html says lang=cy" 'lang="cy"' "$WORK/r-cy.html"
check_grep "Welsh html: the health board" 'Bwrdd Iechyd Prifysgol Caerdydd' "$WORK/r-cy.html"
check "no script in the page" sh -c "! grep -qi '<script' $WORK/r.html"
check "xlsx" R --format xlsx -o "$WORK/r.xlsx"
check "xlsx in Welsh" R --format xlsx --lang cy -o "$WORK/r-cy.xlsx"
check_eq "xlsx is a zip" "PK" "$(head -c 2 "$WORK/r.xlsx")"
check "Welsh workbook's sheets" sh -c "unzip -p $WORK/r-cy.xlsx xl/workbook.xml | grep -q 'Crynodeb'"
check "Welsh workbook's words" sh -c "unzip -p $WORK/r-cy.xlsx xl/sharedStrings.xml | grep -q 'Camau gweithredu hwyr'"
check_status "xlsx to stdout is refused" 2 R --format xlsx
check_status "csv is refused" 2 R --format csv
check_status "a bad date is refused" 2 R --as-of 31/12/2020
check_status "an unknown subcommand" 2 "$CARTREF" --db "$db" recommendations nonsense

# no child in any output: none of the store's children's references
unzip -p "$WORK/r.xlsx" >"$WORK/r-xlsx.txt"
unzip -p "$WORK/r-cy.xlsx" >"$WORK/r-cy-xlsx.txt"
refs=$(sql "$db" "SELECT child_ref FROM child")
[ -n "$refs" ] || not_ok "the fixture has children"
leaks=
for f in r.json r.md r-cy.md r.html r-cy.html r-xlsx.txt r-cy-xlsx.txt; do
	for ref in $refs; do
		grep -qw -- "$ref" "$WORK/$f" && leaks="$leaks $f:$ref"
	done
done
check_eq "no child's reference in any output" "" "$leaks"

# ---- the review's quality of care figures -------------------------------
# Two inspections of the fixture's homes in the year 2018-19: W0000001
# Good in every theme, W0000002 Needs improvement in Care and support,
# with a Priority Action Notice met 47 days after the inspection began
# and one not met.  (The fixture's own years: the returns are 2018-19.)
cat >"$WORK/insp.sql" <<EOF
INSERT INTO inspection (id, urn, start_on, end_on, type, r_wellbeing,
  r_care_support, r_environment, r_leadership, recorded_at) VALUES
 (1, 'W0000001', '2018-06-01', '2018-06-02', 'full', 'good', 'good', 'good',
  'good', '2018-06-03T10:00:00.000Z'),
 (2, 'W0000002', '2018-07-01', '2018-07-02', 'full', 'good',
  'needs_improvement', 'good', 'good', '2018-07-03T10:00:00.000Z');
INSERT INTO finding (inspection_id, kind, regulation, text, due_on, status,
  judged_on) VALUES
 (2, 'pan', 'reg 21', 'Return interviews', '2018-08-01', 'met', '2018-08-17'),
 (2, 'pan', 'reg 12', 'Staffing', '2018-09-01', 'not_met', '2019-01-10'),
 (2, 'afi', 'reg 21', 'Records', NULL, 'open', NULL);
EOF
check "fixture inspections" sql_file "$db" "$WORK/insp.sql"
check "review json" "$CARTREF" --db "$db" review --year 2019 --format json -o "$WORK/rv.json"
v() { jq -r "$1" "$WORK/rv.json"; }
check_eq "review: 2 homes rated" 2 "$(v '.indicators["quality.homes_rated"].value')"
check_eq "review: 1 home with a notice not met" 1 "$(v '.indicators["quality.homes_with_open_notice"].value')"
check_eq "review: 47 days to meet a notice" 47 "$(v '.indicators["quality.median_days_to_meet_notice"].value')"
check_eq "review: reg 21's findings" "1 1 2 1" \
	"$(v '.tables.quality_regulations.rows[] | select(.key == "reg 21") | .cells | "\(.areas_for_improvement.value) \(.priority_action_notices.value) \(.findings.value) \(.outstanding.value)"')"
check_eq "review: Wales, care and support: 1 Good, 1 Needs improvement" "1 1" \
	"$(v '.tables.quality_ratings.rows[] | select(.key == "W92000004.care_support") | .cells | "\(.good.value) \(.needs_improvement.value)"')"
check_eq "review: bands" "excellent_good needs_improvement_poor not_rated" \
	"$(v '[.tables.quality_bands.rows[].key] | join(" ")')"
check "review md in Welsh" "$CARTREF" --db "$db" review --year 2019 --format md --lang cy -o "$WORK/rv-cy.md"
check_grep "Welsh review: the section" '^## Ansawdd gofal' "$WORK/rv-cy.md"
check_grep "Welsh review: a theme" 'Gofal a chymorth\|Llesiant' "$WORK/rv-cy.md"
check "review html" "$CARTREF" --db "$db" review --year 2019 --format html -o "$WORK/rv.html"
check_grep "review html: the ratings table" 'latest rating of each theme' "$WORK/rv.html"
check "review html is well-formed XML" xmllint --noout "$WORK/rv.html"
check_eq "review: W0000002's last inspection" 2018-07-02 \
	"$(v '.tables.homes.rows[] | select(.key == "W0000002") | .cells.last_inspection.value')"
check "review of one home" "$CARTREF" --db "$db" review --year 2019 --home W0000002 --format json -o "$WORK/rvh.json"
check_eq "one home: its own row, its notice" "W0000002.wellbeing 1" \
	"$(jq -r '"\(.tables.quality_ratings.rows[0].key) \(.indicators["quality.homes_with_open_notice"].value)"' "$WORK/rvh.json")"
check "review xlsx" "$CARTREF" --db "$db" review --year 2019 --format xlsx -o "$WORK/rv.xlsx"
check "published review" "$CARTREF" --db "$db" review --year 2019 --publish --format json -o "$WORK/rvp.json"
# the children's figures by band: few children here, so suppressed
check_eq "published: children by band suppressed" true \
	"$(jq -r '.tables.quality_bands.rows[0].cells.children_placed.suppressed' "$WORK/rvp.json")"
check_eq "published: the homes' figures exact" 2 \
	"$(jq -r '.indicators["quality.homes_rated"].value' "$WORK/rvp.json")"

done_testing
