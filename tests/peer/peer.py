"""Run the DfE 903 peer validator (csc-validator-be-903) on cartref's demo
returns: every council, every year, with the ruleset of that year and the
previous year's return uploaded beside it.  Prints one line per (rule, row)
the peer flags: council, year, rule, table, row, child (tab-separated).

Usage: python3 peer.py PEER_DIR DEMO_DIR   (DEMO_DIR holds 903/<council>/<year>/)
"""
import contextlib
import io
import logging
import os
import sys

peer, demo = sys.argv[1], sys.argv[2]
sys.path.insert(0, peer)
# the reference-data packages if installed, else the stand-ins beside this
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
			     "stubs"))
logging.disable(logging.CRITICAL)

import warnings  # noqa: E402

warnings.filterwarnings("ignore")

from lac_validator import lac_validator  # noqa: E402
from lac_validator.report import Report  # noqa: E402
from lac_validator.rules.ruleset_utils import get_year_ruleset  # noqa: E402
from lac_validator.types import UploadedFile  # noqa: E402

FIRST, LAST = 2023, 2027	# the peer's rule folders lac2022_23 .. lac2026_27


def files(d, what):
	out = []
	for n in sorted(os.listdir(d)):
		if n.endswith(".csv"):
			with open(os.path.join(d, n), "rb") as f:
				out.append(UploadedFile(name=n, description=what,
							file_content=f.read()))
	return out


root = os.path.join(demo, "903")
for la in sorted(os.listdir(root)):
	years = sorted(int(y) for y in os.listdir(os.path.join(root, la)))
	for y in years:
		up = files(os.path.join(root, la, str(y)), "This year")
		if y - 1 in years:
			up += files(os.path.join(root, la, str(y - 1)), "Prev year")
		ry = min(max(y, FIRST), LAST)
		reg = get_year_ruleset(str(ry))
		with contextlib.redirect_stdout(io.StringIO()):
			v = lac_validator.LacValidator(
				metadata={"collectionYear": str(y),
					  "localAuthority": la},
				files=up, registry=reg, selected_rules=None)
			r = Report(v.ds_results, reg)
		rep = r.report
		for col in [c for c in rep.columns if c.startswith("ERR_")]:
			hit = rep[rep[col] == True]  # noqa: E712
			for _, row in hit.iterrows():
				print(f"{la}\t{y}\t{col[4:]}\t{row['Table']}\t"
				      f"{row['RowID']}\t{row['CHILD']}")
