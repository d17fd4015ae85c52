"""The peer's side of tests/peer/fixtures.sh and the comparison.

  PYTHON fixtures.py peer PEER STUBS YEAR LA OUT.tsv FILE...
      run the peer validator (a full LacValidator run, as its front end
      does) on its CSV fixture or its XML fixture; write one line per
      flagged row: rule, table, row key, child.
  PYTHON fixtures.py compare NAME RULES.json CARTREF.json PEER.tsv KNOWN.tsv
      [XML]
      print per rule: agree, or differ with examples; exit 1 when a rule
      differs that KNOWN.tsv does not list.

A row's key is what both sides can name: for CSV files the table's 0-based
data row (the peer's RowID, cartref's report line - 2); for XML, which both
sides read one row per element, the line of the row's element in the
indented copy of the fixture (cartref reports that line; the peer's RowID is
mapped to it by walking the file in the peer's own order, ingress.py
read_xml_from_text).
"""
import collections
import contextlib
import io
import json
import logging
import os
import sys
import warnings
import xml.parsers.expat

CSV_NAMES = ["header", "episodes", "missing", "oc2", "oc3", "ad1",
	     "placed_for_adoption", "previous_permanence", "reviews",
	     "sw_episodes", "uasc", "DoLo"]

# The element each XML table's row starts at, as cartref reports it.
XML_ROW = {"EPISODE": "Episodes", "AREVIEW": "Reviews", "AMISSING": "Missing",
	   "OC2": "OC2", "PERMANENCE": "PrevPerm", "AD_PLACED": "PlacedAdoption"}


def xml_rows(path):
	"""Each table's rows as (line, child) in the peer's order.

	The peer makes one Header row per CHILD, and a UASC, OC3 or AD1 row
	when the child holds a non-empty UASC, IN_TOUCH or DATE_INT leaf
	(anywhere under CHILD); the other tables' rows are their elements in
	document order.  cartref names the one-per-child tables' rows by the
	HEADER's line."""
	rows = collections.defaultdict(list)
	st = {"stack": [], "text": ""}
	p = xml.parsers.expat.ParserCreate()

	def start(tag, attrs):
		line = p.CurrentLineNumber
		st["stack"].append(tag)
		st["text"] = ""
		if tag == "CHILD":
			st.update(child=None, header=None, leaves={}, mine=[])
		elif tag == "HEADER" and len(st["stack"]) == 3:
			st["header"] = line
		elif tag in XML_ROW:
			st["mine"].append((XML_ROW[tag], line))

	def chars(s):
		st["text"] += s

	def end(tag):
		st["stack"].pop()
		if tag == "CHILDID":
			st["child"] = st["text"]
		elif tag == "CHILD":
			h, kid, lv = st["header"], st["child"], st["leaves"]
			rows["Header"].append((h, kid))
			for leaf, table in (("UASC", "UASC"), ("IN_TOUCH", "OC3"),
					    ("DATE_INT", "AD1")):
				if lv.get(leaf):
					rows[table].append((h, kid))
			# Under HEADER first, then the episodes: the peer's order.
			for table, line in st["mine"]:
				rows[table].append((line, kid))
		else:
			# the peer's dict keeps the last leaf of a name
			st["leaves"][tag] = st["text"] if st["text"] else None
		st["text"] = ""

	p.StartElementHandler, p.EndElementHandler = start, end
	p.CharacterDataHandler = chars
	with open(path, "rb") as f:
		p.ParseFile(f)
	return rows


def peer(argv):
	peer_dir, stubs, year, la, out = argv[:5]
	files = argv[5:]
	sys.path.insert(0, peer_dir)
	# the stand-ins only where the real packages are not installed
	sys.path.append(stubs)
	logging.disable(logging.CRITICAL)
	warnings.filterwarnings("ignore")
	from lac_validator import lac_validator
	from lac_validator.report import Report
	from lac_validator.rules.ruleset_utils import get_year_ruleset
	from lac_validator.types import UploadedFile

	if os.environ.get("PEER_DEEP_COPY"):
		# Each rule its own deep copy of the tables: without the side
		# effects of rules that write into the shared (shallow-copied)
		# data store, e.g. 365 closing every open episode.
		def deep(ds):
			return {k: v if k == "metadata" else v.copy(deep=True)
				for k, v in ds.items()}
		lac_validator.copy_datastore = deep
	up = []
	for path in files:
		with open(path, "rb") as f:
			up.append(UploadedFile(name=os.path.basename(path),
					       description="This year",
					       file_content=f.read()))
	# the peer's rule sets start at 2023; earlier years use the first
	reg = get_year_ruleset(str(min(max(int(year), 2023), 2027)))
	with contextlib.redirect_stdout(io.StringIO()):
		v = lac_validator.LacValidator(
			metadata={"collectionYear": str(year),
				  "localAuthority": la},
			files=up, registry=reg, selected_rules=None)
	rep = Report(v.ds_results, reg).report
	xmlmap = None
	if len(files) == 1 and files[0].endswith(".xml"):
		xmlmap = xml_rows(files[0])
	with open(out, "w") as o:
		o.write("#rules\t" + " ".join(str(c) for c in reg) + "\n")
		for col in [c for c in rep.columns if c.startswith("ERR_")]:
			hit = rep[rep[col] == True]
			for _, row in hit.iterrows():
				key = int(row["RowID"])
				if xmlmap is not None:
					rs = xmlmap.get(row["Table"], [])
					# a row the peer made up (.loc enlargement)
					key = rs[key][0] if key < len(rs) else -1 - key
				o.write(f"{col[4:]}\t{row['Table']}\t{key}\t"
					f"{row['CHILD']}\n")


def compare(argv):
	name, rules_json, cartref_json, peer_tsv, known_tsv = argv[:5]
	is_xml = len(argv) > 5 and argv[5] == "xml"
	checked = [r["rule"] for r in json.load(open(rules_json))
		   if r["status"] == "checked"]
	known = {}
	with open(known_tsv) as f:
		for line in f:
			if line.strip() and not line.startswith("#"):
				code, _, why = line.rstrip("\n").partition("\t")
				known[code] = why
	prows = collections.defaultdict(dict)
	peer_rules = set()
	with open(peer_tsv) as f:
		for line in f:
			a = line.rstrip("\n").split("\t")
			if a[0] == "#rules":
				peer_rules = set(a[1].split())
				continue
			prows[a[0]][(a[1], int(a[2]))] = a[3]
	crows = collections.defaultdict(dict)
	for p in json.load(open(cartref_json))["problems"]:
		key = p["line"] if is_xml else p["line"] - 2
		crows[p["rule"]][(p["table"], key)] = p["child"]
	both = [c for c in checked if c in peer_rules]
	agree, bad, knowndiff = [], [], []
	for c in both:
		po, co = set(prows[c]) - set(crows[c]), set(crows[c]) - set(prows[c])
		if not po and not co:
			agree.append(c)
			continue
		isknown = c in known
		(knowndiff if isknown else bad).append(c)

		def ex(s, rows):
			return ", ".join(f"{t}:{k} ({rows[(t, k)]})"
					 for t, k in sorted(s)[:4])
		print(f"{name}: {c}: differ{' (known)' if isknown else ''}: "
		      f"peer {len(prows[c])} rows, cartref {len(crows[c])}; "
		      f"peer only {len(po)}"
		      + (f" e.g. {ex(po, prows[c])}" if po else "")
		      + f"; cartref only {len(co)}"
		      + (f" e.g. {ex(co, crows[c])}" if co else ""))
		if isknown:
			print(f"{name}: {c}:   known: {known[c]}")
	print(f"{name}: {len(checked)} rules checked by cartref, "
	      f"{len(both)} also in the peer's rule set: {len(agree)} agree "
	      f"exactly, {len(knowndiff)} differ as known, {len(bad)} differ "
	      f"otherwise" + (f" ({' '.join(bad)})" if bad else ""))
	return 1 if bad else 0


if __name__ == "__main__":
	if sys.argv[1] == "peer":
		peer(sys.argv[2:])
	elif sys.argv[1] == "compare":
		sys.exit(compare(sys.argv[2:]))
	else:
		sys.exit("usage: see the docstring")
