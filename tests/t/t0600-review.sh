#!/bin/sh
# t0600: `cartref review` end to end on the hand-worked fixture and on the
# synthetic Wales data: every format, both languages, disclosure control,
# and the published review as a publication (issue 9): release metadata,
# key points, notes for readers, nothing exact recoverable from any
# published cell, the workbook's layout, the page in a browser.
. tests/t/lib.sh

B=$DATA/review/boundaries
db=$WORK/review.db
fresh_db "$db"
check "fixture homes" "$CARTREF" --db "$db" import homes $B/homes.csv
check "fixture 2018" "$CARTREF" --db "$db" import 903 --la W06000015 $B/2018/*.csv
check "fixture 2019" "$CARTREF" --db "$db" import 903 --la W06000015 $B/2019/*.csv
# the live records (missing episodes, strategy meetings, alerts), as the
# recording pages write them
check "fixture live records" sql_file "$db" "$B/live.sql"

check "json" "$CARTREF" --db "$db" review --year 2019 --format json -o "$WORK/r.json"
check_grep "json: looked after at 31 March" '"stability.looked_after_31_march"' "$WORK/r.json"
check "default year is the latest imported" sh -c "$CARTREF --db $db review --format json | grep -q '\"year\": *2019'"
check "markdown" "$CARTREF" --db "$db" review --year 2019 --format md -o "$WORK/r.md"
check "csv" "$CARTREF" --db "$db" review --year 2019 --format csv -o "$WORK/r.csv"
# the response to going missing, worked in EXPECT
check_grep "csv: 6 returns" '^indicators,missing_response.returns,.*,count,6,6,,$' "$WORK/r.csv"
check_grep "csv: 2 of 6 interviews within 72 hours" '^indicators,missing_response.return_interview_within_72_hours,.*,percent,33.33333333,2,6,$' "$WORK/r.csv"
check_grep "csv: 1 meeting per repeat missing child" '^indicators,missing_response.strategy_meetings_per_repeat_child,.*,ratio,1,2,2,$' "$WORK/r.csv"
check_grep "csv: median 5 hours to acknowledge" '^indicators,missing_response.median_hours_to_acknowledge,.*,median,5,,4,$' "$WORK/r.csv"
check_grep "csv: 2 of 3 arrested or charged" '^indicators,missing_response.arrested_or_charged_percent,.*,percent,66.66666667,2,3,$' "$WORK/r.csv"
check_grep "csv: Bryn Dau's median" '^homes,W0000002,.*,median_hours_to_acknowledge,.*,median,13,,2,$' "$WORK/r.csv"
check "Welsh csv" "$CARTREF" --db "$db" review --year 2019 --format csv --lang cy -o "$WORK/r-cy.csv"
check_grep "Welsh csv: return interviews" 'Cyfweliadau dychwelyd' "$WORK/r-cy.csv"
check "html in English" "$CARTREF" --db "$db" review --year 2019 --format html -o "$WORK/r.html"
check "html in Welsh" "$CARTREF" --db "$db" review --year 2019 --format html --lang cy -o "$WORK/r-cy.html"
check "English html is well-formed HTML" xmllint --html --noout "$WORK/r.html"
check "Welsh html is well-formed HTML" xmllint --html --noout "$WORK/r-cy.html"
check_grep "Welsh html says lang=cy" 'lang="cy"' "$WORK/r-cy.html"
check_grep "Welsh html names Caerdydd" 'Caerdydd' "$WORK/r-cy.html"
check "no script in the report" sh -c "! grep -qi '<script' $WORK/r.html"
check "xlsx" "$CARTREF" --db "$db" review --year 2019 --format xlsx -o "$WORK/r.xlsx"
check_eq "xlsx is a zip" "PK" "$(head -c 2 "$WORK/r.xlsx")"
check_status "xlsx to stdout is refused" 2 "$CARTREF" --db "$db" review --format xlsx
check "council scope" "$CARTREF" --db "$db" review --year 2019 --la W06000015 --format json -o "$WORK/c.json"
check_grep "council scope names the council" '"Cardiff"' "$WORK/c.json"
check "home scope" "$CARTREF" --db "$db" review --year 2019 --home W0000002 --format md -o "$WORK/h.md"
check_status "unknown council" 1 "$CARTREF" --db "$db" review --year 2019 --la W06000099
check_status "unknown home" 1 "$CARTREF" --db "$db" review --year 2019 --home NOPE
check_status "bad format" 2 "$CARTREF" --db "$db" review --format pdf
check_status "bad language" 2 "$CARTREF" --db "$db" review --lang fr

# --publish: 2 children went missing (suppressed), 5 looked after at 31 March
# (exactly 5 is shown), 6 during the year (rounded to 5)
check "published json" "$CARTREF" --db "$db" review --year 2019 --publish --format json -o "$WORK/p.json"
check_grep "published flag" '"published": *true' "$WORK/p.json"
check_grep "suppressed cells marked" '"suppressed": *true' "$WORK/p.json"
check "published markdown" "$CARTREF" --db "$db" review --year 2019 --publish --format md -o "$WORK/p.md"
check "published markdown shows * (escaped)" grep -qF '| \* |' "$WORK/p.md"

# --- a publication (issue 9): release metadata, key points, notes ---
# dates relative to today, never a fixed year
rd=$(date -d '+3 days' +%Y-%m-%d)
nu=$(date -d '+1 year' +%Y-%m)
cat >"$WORK/release.txt" <<EOF
# the release of the national review
date = $rd
status = official_statistics_in_development
producer = Care Inspectorate Wales
contact_name = Statistics team
contact_name_cy = Tîm ystadegau
next_update = $nu
EOF
check "a release file and options" "$CARTREF" --db "$db" review --year 2019 --publish --format json \
	--release-file "$WORK/release.txt" --status official-statistics --contact-email stats@example.org -o "$WORK/rel.json"
release() { python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["release"]; print(eval(sys.argv[2]))' "$@"; }
check_eq "release date from the file" "$rd" "$(release "$WORK/rel.json" 'r["date"]')"
check_eq "an option over the file's status" official_statistics "$(release "$WORK/rel.json" 'r["status"]')"
check_eq "contact from the file and an option" "Statistics team Tîm ystadegau stats@example.org" \
	"$(release "$WORK/rel.json" 'r["contact"]["name_en"] + " " + r["contact"]["name_cy"] + " " + r["contact"]["email"]')"
check_eq "next update, a month" "$nu" "$(release "$WORK/rel.json" 'r["next_update"]')"
before=$(TZ=Europe/London date +%Y-%m-%d)
"$CARTREF" --db "$db" review --year 2019 --publish --format json -o "$WORK/rel0.json" 2>/dev/null
after=$(TZ=Europe/London date +%Y-%m-%d)
got=$(release "$WORK/rel0.json" 'r["date"] + " " + r["status"] + " " + str(r["next_update"])')
check "by default released today (UK), management information, next update to be confirmed" \
	test "$got" = "$before management_information None" -o "$got" = "$after management_information None"
printf 'date = %s\nstatus = nope\n' "$rd" >"$WORK/bad-release.txt"
check_status "a bad release file is refused" 1 "$CARTREF" --db "$db" review --release-file "$WORK/bad-release.txt" -o "$WORK/none.md"
check "naming file, line, column and rule" sh -c "$CARTREF --db $db review --release-file $WORK/bad-release.txt 2>&1 | grep -q 'bad-release.txt:2:10: release-status'"
check "and nothing is written" test ! -e "$WORK/none.md"
check_status "a bad --release-date is refused" 2 "$CARTREF" --db "$db" review --release-date 10/12/2026
check_status "a bad --contact-email is refused" 2 "$CARTREF" --db "$db" review --contact-email nobody
check "release metadata in Markdown" "$CARTREF" --db "$db" review --year 2019 --release-file "$WORK/release.txt" --format md -o "$WORK/rel.md"
check_grep "status in words" '^\*\*Status:\*\* Official statistics in development' "$WORK/rel.md"
check "release metadata in Welsh HTML" "$CARTREF" --db "$db" review --year 2019 --release-file "$WORK/release.txt" --lang cy --format html -o "$WORK/rel-cy.html"
check_grep "Welsh status and contact" "Ystadegau swyddogol sy&#39;n cael eu datblygu.*Tîm ystadegau" "$WORK/rel-cy.html"
check_grep "release rows in CSV" '^review,status,Management information,,,text,management_information,,,$' "$WORK/r.csv"
# key points, worked by hand from EXPECT: 4 looked after at 31 March 2018
# (C02, C03, C04, C07), 5 in 2019; 3 homes with 9 places in 2018 (W0000003
# closed 01/01/2019), 2 with 7 in 2019
check_grep "key point: looked after, exact" 'looked after at 31 March rose from 4 to 5 (up 25.0%)\.' "$WORK/r.md"
check_grep "key point: homes" "homes open at 31 March fell from 3 to 2 (down 33.3%)\." "$WORK/r.md"
check_grep "key point: places" "places in children's homes fell from 9 to 7 (down 22.2%)\." "$WORK/r.md"
check_grep "published: 4 is suppressed, so only this year's 5" '^- The number of children looked after at 31 March was 5\.$' "$WORK/p.md"
check "published: never the suppressed 4" sh -c "! grep -q 'from 4 to' $WORK/p.md"
check_grep "published: the register's homes as they are" "homes open at 31 March fell from 3 to 2" "$WORK/p.md"
check "Welsh key points" "$CARTREF" --db "$db" review --year 2019 --lang cy --format md -o "$WORK/r-cy.md"
check_grep "Welsh key point" "Cododd nifer y plant sy'n derbyn gofal ar 31 Mawrth o 4 i 5 (cynnydd o 25.0%)\." "$WORK/r-cy.md"
# notes for readers: no options, files or code names
for f in r.md p.md r-cy.md rel.md; do
	check "$f: notes name no option or file" sh -c "! grep -n -E -e '--[a-z]|docs/|src/|\.md\b|\.c\b' $WORK/$f"
done
check "English notes do not name the program" sh -c "! grep -n -i -w cartref $WORK/r.md $WORK/p.md"

# the synthetic Wales data: the report a CIW analyst reads
w=$WORK/wales
"$CARTREF" demo-data --seed 1 --scale wales "$w" >/dev/null
latest=$(ls "$w/903/W06000015" | tail -1)
wdb=$WORK/wales.db
fresh_db "$wdb"
check "import the Wales demo" "$CARTREF" --db "$wdb" import dir "$w"
check "Wales html report, the latest year" "$CARTREF" --db "$wdb" review --format html -o "$WORK/wales.html"
check "it is the latest year's" sh -c "$CARTREF --db $wdb review --format json | grep -q '\"year\": *$latest'"
check "Wales html is well-formed" xmllint --html --noout "$WORK/wales.html"
check_eq "map of Wales has a path per council" 22 "$(grep -o '<path ' "$WORK/wales.html" | wc -l)"
check "Welsh Wales html report" "$CARTREF" --db "$wdb" review --format html --lang cy -o "$WORK/wales-cy.html"
check "Welsh Wales html is well-formed" xmllint --html --noout "$WORK/wales-cy.html"
check_grep "Welsh council names on the map" 'Ynys Môn' "$WORK/wales-cy.html"

# published, every format: nothing exact can be worked back from any cell
# (tests/data/review/check-published.py); the workbook as the Analysis
# Function asks; the latest year (no --year: the demo's years move)
check "Wales exact JSON" "$CARTREF" --db "$wdb" review --format json -o "$WORK/wales-exact.json"
for lang in en cy; do
	mkdir -p "$WORK/pub-$lang"
	for f in json csv md html xlsx; do
		"$CARTREF" --db "$wdb" review --publish --lang $lang --format $f -o "$WORK/pub-$lang/pub.$f" 2>/dev/null
	done
	check "published Wales ($lang): no exact count recoverable, workbook laid out" \
		python3 $DATA/review/check-published.py "$WORK/wales-exact.json" "$WORK/pub-$lang" $lang
done
cf=W06000015
"$CARTREF" --db "$wdb" review --la $cf --format json -o "$WORK/council-exact.json" 2>/dev/null
mkdir -p "$WORK/pub-council"
for f in json csv md html xlsx; do
	"$CARTREF" --db "$wdb" review --la $cf --publish --format $f -o "$WORK/pub-council/pub.$f" 2>/dev/null
done
check "published council: no exact count recoverable" \
	python3 $DATA/review/check-published.py "$WORK/council-exact.json" "$WORK/pub-council" en
# the Wales row is the national figures (published the same way)
check "the councils table's Wales row is the national figures" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
tot = r["tables"]["councils"]["total"]
assert tot["key"] == "W92000004" and tot["name_en"] == "Wales", tot["key"]
same = {"looked_after_31_march": "stability.looked_after_31_march",
        "children_in_homes": "places.children_in_homes",
        "places": "places.places", "homes_open": "places.homes_open",
        "missing_children": "missing.children",
        "missing_percent": "missing.percent_of_looked_after",
        "three_or_more_placements": "stability.three_or_more_placements",
        "over_20_miles": "distance.over_20_miles",
        "arrested_or_charged": "missing_response.arrested_or_charged"}
for col, fig in same.items():
    a, b = tot["cells"][col], r["indicators"][fig]
    assert a.get("value") == b.get("value") and a.get("suppressed") == b.get("suppressed"), (col, a, b)
' "$WORK/pub-en/pub.json"
check "register facts are not rounded: homes and places as on the register" python3 -c '
import json, sys
e, p = (json.load(open(f)) for f in sys.argv[1:])
for k in ("places.homes_open", "places.places", "places.places_la"):
    assert e["indicators"][k]["value"] == p["indicators"][k]["value"], k
' "$WORK/wales-exact.json" "$WORK/pub-en/pub.json"

# the page as a reader sees it: no table overflows the screen or the
# printed page, the distance chart's series share a scale, the map's
# classes contrast with the page (chromium, as t0850)
if [ -x "$CHROMIUM" ] && [ -f node_modules/playwright-core/package.json ]; then
	browser_tap layout 120 node $DATA/review/layout.mjs \
		"$WORK/pub-en/pub.html" "${TEST_OUT:-$WORK}/review-layout"
else
	skip "the review's layout in the browser" "chromium or playwright-core is not installed (scripts/deps, make assets)"
fi
done_testing
