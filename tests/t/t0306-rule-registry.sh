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
# Last year's return is loaded with V_PREV_TABLES only (validate.h): every
# table a rule reads of it (c->last->..., in->prev's tables) must be there.
check "the rules read only the tables of last year's return that are loaded" python3 - src/validate <<'PY'
import glob, re, sys
d = sys.argv[1]
fields = {'h': 'HEADER', 'nh': 'HEADER', 'ep': 'EPISODES', 'nep': 'EPISODES',
          'mis': 'MISSING', 'nmis': 'MISSING', 'oc2': 'OC2', 'noc2': 'OC2',
          'rev': 'REVIEWS', 'nrev': 'REVIEWS', 'uasc': 'UASC', 'nuasc': 'UASC',
          'oc3': 'OC3', 'noc3': 'OC3', 'ad1': 'AD1', 'nad1': 'AD1',
          'pa': 'PLACED_ADOPTION', 'npa': 'PLACED_ADOPTION',
          'pp': 'PREV_PERM', 'npp': 'PREV_PERM', 'sw': 'SW_EPISODES',
          'nsw': 'SW_EPISODES', 'dolo': 'DOLO', 'ndolo': 'DOLO'}
h = open(d + '/validate.h').read()
m = re.search(r'#define V_PREV_TABLES \((.*?)\)\n\n', h, re.S)
allowed = set(re.findall(r'V_TABLE\(S903_(\w+)\)', m.group(1)))
used = {}
for f in glob.glob(d + '/rules-*.c'):
    src = open(f).read()
    for x in re.findall(r'last->(\w+)', src):
        if x in fields:
            used.setdefault(fields[x], f)
    # the return itself: in->prev or v_in(run)->prev with a table named
    for x in re.findall(r'(?:in|\))->prev\b[^;]*?S903_(\w+)', src):
        used.setdefault(x, f)
bad = {t: f for t, f in used.items() if t not in allowed}
assert not bad, 'read of last year but not loaded: %s' % bad
PY
done_testing
