#!/bin/sh
# t0350: files on disk and bad input (issue 10, items 2, 10, 11 and 13;
# docs/security.md, "Hardening (issue 10): files on disk and bad input"):
# private modes, the refusal of a world-readable store, output that never
# replaces a FIFO, device or symlink, UTF-8 text in every import, regular
# files only as input, and CSV cells a spreadsheet will not run.
. tests/t/lib.sh

# the usual umask, under which files used to come out 0644
umask 022
mode() { stat -c %a "$1"; }
kind() { stat -c %F "$1"; }

# ---- item 2: modes ---------------------------------------------------------
db=$WORK/files.db
check "a new store" "$CARTREF" --db "$db" migrate
# (on PostgreSQL the store is the server's, not a file of ours: its
# checks are skipped, the exports' and reports' still run)
nofile="the store is a PostgreSQL database, not a file"
if on_pg; then skip "the store is made 0600" "$nofile"; else
check_eq "the store is made 0600 whatever the umask" 600 "$(mode "$db")"; fi
check "homes import" "$CARTREF" --db "$db" import homes $DATA/homes/valid.csv
check "903 import" "$CARTREF" --db "$db" import 903 --la W06000015 $DATA/903/valid/*.csv
if on_pg; then skip "still 0600 after writing" "$nofile"; else
check_eq "still 0600 after writing" 600 "$(mode "$db")"; fi
check "export homes" "$CARTREF" --db "$db" export homes "$WORK/homes.csv"
check_eq "the homes export is 0600" 600 "$(mode "$WORK/homes.csv")"
check "export 903" "$CARTREF" --db "$db" export 903 --la W06000015 --year 2019 "$WORK/e903/a/b"
check_eq "its new directories are 0700" "700 700" "$(mode "$WORK/e903/a") $(mode "$WORK/e903/a/b")"
check_eq "its files are 0600" "600 600 600 600" "$(cd "$WORK/e903/a/b" && stat -c %a header.csv episodes.csv missing.csv oc2.csv | tr '\n' ' ' | sed 's/ $//')"
for f in md csv html json xlsx; do
	check "review -o as $f" "$CARTREF" --db "$db" review --year 2019 --format $f -o "$WORK/review.$f"
	check_eq "the $f report is 0600" 600 "$(mode "$WORK/review.$f")"
done
echo "an old report" >"$WORK/old.md"
chmod 644 "$WORK/old.md"
check "review over an existing 0644 file" "$CARTREF" --db "$db" review --year 2019 -o "$WORK/old.md"
check_eq "the report replacing it is 0600" 600 "$(mode "$WORK/old.md")"
check "demo-data" "$CARTREF" demo-data --seed 1 --as-of 2019-06-01 "$WORK/demo"
check_eq "demo-data's directory and files are private" "700 600 600 600" \
	"$(stat -c %a "$WORK/demo" "$WORK/demo/homes.csv" "$WORK/demo/missing-live.csv" "$WORK/demo/903/W06000015/2019/header.csv" | tr '\n' ' ' | sed 's/ $//')"

gdb=$WORK/group.db
check "--group-readable store" "$CARTREF" --group-readable --db "$gdb" migrate
if on_pg; then skip "with --group-readable the store is 0640" "$nofile"; else
check_eq "with --group-readable the store is 0640" 640 "$(mode "$gdb")"; fi
check "--group-readable export" "$CARTREF" --group-readable --db "$gdb" export homes "$WORK/ghomes.csv"
check_eq "and an export is 0640" 640 "$(mode "$WORK/ghomes.csv")"
check "CARTREF_GROUP_READABLE=1 export 903" env CARTREF_GROUP_READABLE=1 "$CARTREF" --db "$db" export 903 --la W06000015 --year 2019 "$WORK/g903"
check_eq "directory 0750, files 0640" "750 640" "$(stat -c %a "$WORK/g903" "$WORK/g903/header.csv" | tr '\n' ' ' | sed 's/ $//')"

# a store every account can read is refused, naming it and its mode
if on_pg; then
	skip "a world-readable store file is refused" "$nofile"
else
	chmod 644 "$db"
	"$CARTREF" --db "$db" stats >"$WORK/stats.out" 2>"$WORK/stats.err"
	check_eq "a world-readable store is refused" 1 $?
	check_grep "the refusal names the file and its mode" "$db has mode 0644" "$WORK/stats.err"
	check_grep "in Welsh too" "mae gan $db fodd 0644" "$WORK/stats.err"
	check_eq "and prints nothing of the store" "" "$(cat "$WORK/stats.out")"
	check "--allow-world-readable opens it" "$CARTREF" --allow-world-readable --db "$db" stats
	check_eq "without changing its mode" 644 "$(mode "$db")"
	chmod 602 "$db"
	check_status "world-writable is refused too" 1 "$CARTREF" --db "$db" stats
	chmod 640 "$db"
	check "a group-readable store opens" "$CARTREF" --db "$db" stats
	chmod 600 "$db"
	: >"$db-wal"
	chmod 644 "$db-wal"
	"$CARTREF" --db "$db" stats >/dev/null 2>"$WORK/wal.err"
	check_eq "a world-readable -wal is refused" 1 $?
	check_grep "naming the -wal" "$db-wal has mode 0644" "$WORK/wal.err"
	rm -f "$db-wal"
fi
check "the private store opens again" "$CARTREF" --db "$db" stats

# ---- item 13: -o never replaces a FIFO, device or symlink ------------------
"$CARTREF" --db "$db" review --year 2019 >"$WORK/want.md"
mkfifo "$WORK/fifo"
timeout 30 cat "$WORK/fifo" >"$WORK/fifo.out" &
reader=$!
check "review -o FIFO" "$CARTREF" --db "$db" review --year 2019 -o "$WORK/fifo"
wait $reader
check "the FIFO's reader gets the report" cmp "$WORK/want.md" "$WORK/fifo.out"
check_eq "the FIFO stays a FIFO" fifo "$(kind "$WORK/fifo")"
timeout 30 cat "$WORK/fifo" >"$WORK/fifo2.out" &
reader=$!
check "export homes -> FIFO" "$CARTREF" --db "$db" export homes "$WORK/fifo"
wait $reader
check "the FIFO's reader gets the register" cmp "$WORK/homes.csv" "$WORK/fifo2.out"
check_eq "still a FIFO" fifo "$(kind "$WORK/fifo")"
timeout 30 cat "$WORK/fifo" >"$WORK/fifo3.out" &
reader=$!
check "review --format xlsx -o FIFO" "$CARTREF" --db "$db" review --year 2019 --format xlsx -o "$WORK/fifo"
wait $reader
# (a workbook records when it was made, so its bytes differ from run to
# run: check that a whole zip came through, from its first local header
# to the end-of-central-directory record that closes it)
check_eq "the FIFO's reader gets a whole workbook" "P K 003 004 P K 005 006" \
	"$(head -c 4 "$WORK/fifo3.out" | od -An -c | tr -s ' ' | sed 's/^ //;s/ $//') $(tail -c 22 "$WORK/fifo3.out" | head -c 4 | od -An -c | tr -s ' ' | sed 's/^ //;s/ $//')"

# A character device: our own null device in WORK when we may make one
# (root), so that a failure here could never replace the machine's
# /dev/null; else /dev/null itself, which a non-root run cannot replace.
null=
if mknod "$WORK/null" c 1 3 2>/dev/null; then
	null=$WORK/null
elif [ "$(id -u)" != 0 ]; then
	null=/dev/null
fi
if [ -n "$null" ]; then
	before=$(kind "$null")
	check "review -o a character device" "$CARTREF" --db "$db" review --year 2019 -o "$null"
	check "review --format xlsx -o a character device" "$CARTREF" --db "$db" review --year 2019 --format xlsx -o "$null"
	check "export homes to a character device" "$CARTREF" --db "$db" export homes "$null"
	check_eq "the device is still a character device" "character special file character special file" "$before $(kind "$null")"
	check_eq "no temporary file is left beside it" "" "$(ls -A "$(dirname "$null")" | grep '\.tmp-' || true)"
else
	ok "# skip a character device: cannot make one and running as root"
fi

# a symlink is written through: the link stays, its target gets the report
echo old >"$WORK/target.md"
ln -s target.md "$WORK/link.md"
check "review -o a symlink" "$CARTREF" --db "$db" review --year 2019 -o "$WORK/link.md"
check_eq "the link stays a link" "symbolic link" "$(kind "$WORK/link.md")"
check "its target has the report" cmp "$WORK/want.md" "$WORK/target.md"
check_eq "and is private" 600 "$(mode "$WORK/target.md")"
ln -s nowhere.md "$WORK/dangling.md"
"$CARTREF" --db "$db" review --year 2019 -o "$WORK/dangling.md" 2>"$WORK/dangling.err"
check_eq "a dangling symlink is refused" 1 $?
check_grep "saying so" "symbolic link to nothing" "$WORK/dangling.err"
check_eq "nothing made at its target" "symbolic link no" "$(kind "$WORK/dangling.md") $([ -e "$WORK/nowhere.md" ] && echo yes || echo no)"
check "review -o - writes standard output" sh -c "'$CARTREF' --db '$db' review --year 2019 -o - | cmp '$WORK/want.md' -"

# ---- item 10: every import field is UTF-8 text; regular files only -------
idb=$WORK/text.db
fresh_db "$idb"
check "a good register" "$CARTREF" --db "$idb" import homes $DATA/homes/valid.csv
hdr=$(head -1 $DATA/homes/valid.csv)
row() { # URN NAME-bytes (printf format)
	printf '%s\n' "$hdr" >"$WORK/$1.csv"
	printf "W9000001,$2,Orchard Care Ltd,private,W06000011,SA1 1AA,6,11,17,mixed,15/03/2010,\n" >>"$WORK/$1.csv"
	printf 'W9000002,Good,Orchard Care Ltd,private,W06000011,SA1 1AA,6,11,17,mixed,15/03/2010,\n' >>"$WORK/$1.csv"
}
for t in "latin1 Caf\351:text-utf8" "overlong \300\257x:text-utf8" \
	"surrogate \355\240\200x:text-utf8" "rlo Home\342\200\256gpj.exe:text-bidi" \
	"escape a\033[31mred:text-control" "c0 a\001b:text-control" \
	"del a\177b:text-control" "c1 a\302\205b:text-control" \
	"truncated T\305:text-utf8"; do
	name=${t%% *}
	rest=${t#* }
	row "$name" "${rest%:*}"
	"$CARTREF" --db "$idb" import homes "$WORK/$name.csv" 2>"$WORK/$name.err"
	check_eq "$name: refused" 1 $?
	check_grep "$name: FILE:LINE:COLUMN: RULE" "$name.csv:2:2: ${rest##*:}: " "$WORK/$name.err"
done
check_eq "nothing written from any of them" "4 0" "$(sql "$idb" "SELECT count(*) FROM home") $(sql "$idb" "SELECT count(*) FROM home WHERE urn LIKE 'W900000%'")"
row tab "a\tb"
check "a TAB in a field is text, not refused by the text rule" sh -c "! '$CARTREF' --db '$idb' import homes --check '$WORK/tab.csv' 2>&1 | grep -q 'text-'"

cp -r $DATA/903/valid "$WORK/v903"
printf 'C999,1,12/05/2005,WBRI,A12345678901\351,,\n' >>"$WORK/v903/header.csv"
"$CARTREF" --db "$idb" import 903 --la W06000015 "$WORK"/v903/*.csv 2>"$WORK/903.err"
check_eq "an SSDA903 return with Latin-1 is refused" 1 $?
check_grep "at its line and field" "header.csv:$(wc -l <"$WORK/v903/header.csv" | tr -d ' '):5: text-utf8: " "$WORK/903.err"
check_eq "and nothing of it written" 0 "$(sql "$idb" "SELECT count(*) FROM child")"

printf 'LA,CHILD,KIND,URN,STARTED_AT\nW06000015,C\342\200\256X,M,W0000001,2018-07-02T09:00:00Z\n' >"$WORK/mfc.csv"
"$CARTREF" --db "$idb" missing import "$WORK/mfc.csv" 2>"$WORK/mfc.err"
check_eq "a live missing file with U+202E is refused" 1 $?
check_grep "at its line and field" "mfc.csv:2:2: text-bidi: " "$WORK/mfc.err"
check_eq "and nothing of it written" 0 "$(sql "$idb" "SELECT count(*) FROM mfc_episode")"

# input that is not a regular file is refused at once, never read
mkfifo "$WORK/infifo"
for src in /dev/zero "$WORK/infifo"; do
	timeout 20 "$CARTREF" --db "$idb" import homes "$src" 2>"$WORK/special.err"
	check_eq "import homes $src is refused (not read or waited on)" 1 $?
	check_grep "saying it is not a regular file" "not a regular file" "$WORK/special.err"
done
timeout 20 "$CARTREF" --db "$idb" import 903 --la W06000015 /dev/zero 2>"$WORK/special.err"
check_eq "import 903 /dev/zero is refused" 1 $?
timeout 20 "$CARTREF" --db "$idb" missing import "$WORK/infifo" 2>"$WORK/special.err"
check_eq "missing import FIFO is refused" 1 $?
timeout 20 "$CARTREF" --db "$idb" review --release-file /dev/zero -o "$WORK/r.md" 2>"$WORK/special.err"
check_eq "review --release-file /dev/zero is refused" 1 $?
check_grep "saying it is not a regular file" "not a regular file" "$WORK/special.err"

# ---- item 11: CSV cells a spreadsheet would run are defused ---------------
fdb=$WORK/formula.db
fresh_db "$fdb"
{
	printf '%s\n' "$hdr"
	printf '%s\n' 'W8000001,"=HYPERLINK(""http://x.invalid/"",""Home"")",+Provider,private,W06000011,SA1 1AA,6,11,17,mixed,15/03/2010,'
	printf '%s\n' 'W8000002,@SUM(A1),-Provider,private,W06000011,SA1 1AA,6,11,17,mixed,15/03/2010,'
	printf '%s\n' 'W8000003,Plain = fine,Orchard Care Ltd,private,W06000011,SA1 1AA,6,11,17,mixed,15/03/2010,'
} >"$WORK/formula.csv"
check "a register with formula-like names imports" "$CARTREF" --db "$fdb" import homes "$WORK/formula.csv"
check "export homes" "$CARTREF" --db "$fdb" export homes "$WORK/formula-out.csv"
check_grep "=HYPERLINK is written as text" "^W8000001,\"'=HYPERLINK(\"\"http://x.invalid/\"\",\"\"Home\"\")\",\"'+Provider\"," "$WORK/formula-out.csv"
check_grep "@ and - too" "^W8000002,\"'@SUM(A1)\",\"'-Provider\"," "$WORK/formula-out.csv"
check_grep "= inside a cell is left alone" "^W8000003,Plain = fine,Orchard Care Ltd," "$WORK/formula-out.csv"
check_eq "no cell of the export starts a formula" "" "$(grep -E '(^|,)[=+@-]' "$WORK/formula-out.csv" | grep -v '^URN' || true)"
done_testing
