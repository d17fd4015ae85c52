"""bench/peer-validate.py PEER THIS LAST YEAR LA: the peer validator
(csc-validator-be-903) over one return (THIS/*.csv) with last year's
(LAST/*.csv), the rule set of YEAR (cartref's naming: the year the return
ends), as its front end runs it.  Prints the rules run and the (rule,
row) pairs flagged.  Needs pandas (Debian: python3-pandas)."""
import contextlib
import io
import logging
import os
import sys
import warnings

peer, this, last, year, la = sys.argv[1:6]
year = int(year)
sys.path.insert(0, peer)
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)),
			     "..", "tests", "peer", "stubs"))
logging.disable(logging.CRITICAL)
warnings.filterwarnings("ignore")

from lac_validator import lac_validator  # noqa: E402
from lac_validator.report import Report  # noqa: E402
from lac_validator.rules.ruleset_utils import get_year_ruleset  # noqa: E402
from lac_validator.types import UploadedFile  # noqa: E402


def files(d, what):
	out = []
	for n in sorted(os.listdir(d)):
		with open(os.path.join(d, n), "rb") as f:
			out.append(UploadedFile(name=n, description=what,
						file_content=f.read()))
	return out


up = files(this, "This year") + files(last, "Prev year")
reg = get_year_ruleset(str(min(max(year, 2023), 2027)))
with contextlib.redirect_stdout(io.StringIO()):
	v = lac_validator.LacValidator(
		metadata={"collectionYear": str(year), "localAuthority": la},
		files=up, registry=reg, selected_rules=None)
	rep = Report(v.ds_results, reg).report
flags = sum(int((rep[c] == True).sum())  # noqa: E712
	    for c in rep.columns if c.startswith("ERR_"))
print("peer: %d rules run, %d skipped; %d (rule, row) pairs flagged"
      % (len(v.dones), len(v.skips), flags))
