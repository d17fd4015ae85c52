#!/bin/sh
# t0005: the test harness itself (issue 10, test hygiene).  A check that
# did not run is counted as skipped, not passed (lib.sh's skip, "ok N #
# skip" in TAP, and tests/run.sh's summary); html_ok (lib-server.sh)
# fails, never passes, when it cannot look (no xmllint, an empty page).
. tests/t/lib.sh
. tests/t/lib-server.sh

root=$(pwd)

# a tree with one script that passes one check and skips one
mkdir -p "$WORK/tree/tests/t"
cp tests/t/lib.sh "$WORK/tree/tests/t/"
cat >"$WORK/tree/tests/t/t0001-one.sh" <<'SH'
. tests/t/lib.sh
ok "this one ran"
skip "this one did not" "no such tool here"
done_testing
SH
(cd "$WORK/tree" && TEST_OUT="$WORK/tree/out" sh "$root/tests/run.sh" e2e-sqlite) \
	>"$WORK/run.out" 2>&1
check_eq "run.sh: one passed, one skipped" "1 passed, 0 failed, 1 skipped" \
	"$(tail -n 1 "$WORK/run.out")"
check_grep "the script's line says so" "t0001-one: 1 checks, 1 skipped" "$WORK/run.out"
check_grep "skip prints TAP's skip" "^ok 2 # skip this one did not: no such tool here" \
	"$WORK/tree/out/t0001-one.log"

# a skipped check alone does not make a script pass
cat >"$WORK/tree/tests/t/t0001-one.sh" <<'SH'
. tests/t/lib.sh
skip "nothing ran" "on purpose"
not_ok "and this failed"
done_testing
SH
(cd "$WORK/tree" && TEST_OUT="$WORK/tree/out" sh "$root/tests/run.sh" e2e-sqlite) \
	>"$WORK/run2.out" 2>&1
check_eq "a failure beside a skip still fails" "0 passed, 1 failed, 1 skipped" \
	"$(tail -n 1 "$WORK/run2.out")"

# a browser script where chromium is not installed: one skip, not a pass
(cd "$WORK/tree" && sh -c '. tests/t/lib.sh; CHROMIUM=/nonexistent/chromium; needs_chromium; ok "never here"') \
	>"$WORK/nochromium.out" 2>&1
check_eq "needs_chromium without chromium: one skip and the plan" \
	"ok 1 # skip the browser checks: /nonexistent/chromium is not installed (scripts/deps installs chromium)
1..1" "$(cat "$WORK/nochromium.out")"

# html_ok cannot pass when it cannot look
printf '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p>x</p></body></html>\n' \
	>"$WORK/good.b"
check "html_ok: a page that parses" html_ok good
printf '<html><body><p>x</b></i></body>\n' >"$WORK/bad.b"
check_status "html_ok: a page that does not" 1 html_ok bad
: >"$WORK/empty.b"
check_status "html_ok: an empty page fails" 1 html_ok empty
mkdir -p "$WORK/bin"
for t in grep sh; do ln -sf "$(command -v $t)" "$WORK/bin/$t"; done
check_status "html_ok: no xmllint fails, not passes" 1 \
	env PATH="$WORK/bin" sh -c ". '$root/tests/t/lib-server.sh'; WORK='$WORK'; html_ok good"

done_testing
