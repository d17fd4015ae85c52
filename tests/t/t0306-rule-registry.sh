#!/bin/sh
# t0306: the DfE rule registry covers the peer validator's latest rule set
# (tests/peer/peer-rules.txt: every code has a row, checked, at import,
# England only with why, or not yet with why), and docs/validation.md
# holds the registry's own table (scripts/rules-doc writes it).
. tests/t/lib.sh

"$CARTREF" rules --format json >"$WORK/rules.json"
check "every peer rule has a row, each with its status and reason" python3 - \
	"$WORK/rules.json" tests/peer/peer-rules.txt <<'PY'
import json, sys
reg = json.load(open(sys.argv[1]))
peer = [l.split()[0] for l in open(sys.argv[2])
        if l.strip() and not l.startswith('#')]
codes = {r['rule'] for r in reg}
missing = [c for c in peer if c not in codes]
assert not missing, 'no row for ' + ' '.join(missing)
for r in reg:
    assert r['message'] and r['message_cy'], r['rule']
    assert r['status'] in ('checked', 'at import', 'England only',
                           'not yet'), r
    if r['status'] != 'checked':
        assert r['why'], r['rule'] + ': no reason given'
PY
"$CARTREF" rules --format md >"$WORK/rules.md"
sed -n '/^<!-- rules:begin -->$/,/^<!-- rules:end -->$/p' docs/validation.md |
	sed '1d;$d' >"$WORK/doc.md"
check "docs/validation.md has the registry's table (scripts/rules-doc)" \
	cmp "$WORK/rules.md" "$WORK/doc.md"
check_grep "rules --year: only the rows in force" "^226 *2026-" \
	"$(sh -c '"$CARTREF" rules --year 2026 >"$WORK/y.txt"; echo "$WORK/y.txt"')"
done_testing
