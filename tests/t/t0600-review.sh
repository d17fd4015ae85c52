#!/bin/sh
# t0600: `cartref review` end to end on the hand-worked fixture and on the
# synthetic Wales data: every format, both languages, disclosure control.
. tests/t/lib.sh

B=$DATA/review/boundaries
db=$WORK/review.db
fresh_db "$db"
check "fixture homes" "$CARTREF" --db "$db" import homes $B/homes.csv
check "fixture 2018" "$CARTREF" --db "$db" import 903 --la W06000015 $B/2018/*.csv
check "fixture 2019" "$CARTREF" --db "$db" import 903 --la W06000015 $B/2019/*.csv
# the live records (missing episodes, strategy meetings, alerts), as the
# recording pages write them
check "fixture live records" sh -c "sqlite3 -batch $db < $B/live.sql"

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

# the synthetic Wales data: the report a CIW analyst reads
w=$WORK/wales
"$CARTREF" demo-data --seed 1 --scale wales "$w" >/dev/null
wdb=$WORK/wales.db
fresh_db "$wdb"
check "import the Wales demo" "$CARTREF" --db "$wdb" import dir "$w"
check "Wales html report" "$CARTREF" --db "$wdb" review --year 2019 --format html -o "$WORK/wales.html"
check "Wales html is well-formed" xmllint --html --noout "$WORK/wales.html"
check_eq "map of Wales has a path per council" 22 "$(grep -o '<path ' "$WORK/wales.html" | wc -l)"
check "Welsh Wales html report" "$CARTREF" --db "$wdb" review --year 2019 --format html --lang cy -o "$WORK/wales-cy.html"
check "Welsh Wales html is well-formed" xmllint --html --noout "$WORK/wales-cy.html"
check_grep "Welsh council names on the map" 'Ynys Môn' "$WORK/wales-cy.html"
done_testing
