#!/usr/bin/env python3
"""check-published.py: no exact count can be worked back from a published
review, in any of its formats; and the workbook is laid out as the
Analysis Function's "Releasing statistics in spreadsheets" asks.

    python3 check-published.py EXACT.json DIR LANG

DIR holds one published review of the same year and scope as EXACT.json
(the exact figures, `cartref review` without --publish) in every format:
pub.json, pub.csv, pub.md, pub.html and pub.xlsx, the human ones in LANG
(en or cy).  Run by tests/t/t0600-review.sh.

For every percentage and ratio a format shows, with the numerator n and
denominator d the review publishes for it (rounded to 5; a register
fact's denominator exact):

  - the value shown must be the one computed from n and d, to the
    decimals shown (no finer: a workbook cell must not hold 0.1160220994
    where the page shows 11.6%);
  - brute force: of every exact pair (n', d') that rounds to (n, d), the
    pairs whose value shows as the same figure must not single out one
    pair other than (n, d) itself, and above all not the true, exact pair
    (which EXACT.json gives).

Counts must be rounded to 5 or suppressed unless they are facts of the
public register (homes open, places) or of the inspectorate's published
reports (ratings, findings, notices: the quality of care's homes' cells,
every kind); every cell of the CSV, Markdown,
HTML and the workbook must show what the JSON holds.  Prints one line per
format checked; exits 1, naming each problem, if any.
"""
import csv
import html.parser
import io
import json
import re
import sys
import zipfile
from fractions import Fraction
from xml.etree import ElementTree as ET

CHANGE_KEY = "missing.periods_change_on_2_years_ago"
PUBLIC_COLS = {"places", "homes_open", "homes"}
PUBLIC_FIGS = {"places.homes_open", "places.places", "places.places_la",
               "places.places_private", "places.places_voluntary",
               "quality.homes_rated", "quality.homes_with_open_notice",
               "quality.median_days_to_meet_notice"}
# homes' ratings and inspection findings: CIW publishes every report
PUBLIC_TABLES = {"quality_ratings", "quality_regulations"}
DEN_PUBLIC_COLS = {"missing_per_place"}
DEN_PUBLIC_FIGS = {"quality.missing_per_place_good_homes",
                   "quality.missing_per_place_poor_homes"}
NA = {"en": "n/a", "cy": "amh."}
NOT_RECORDED = {"en": "not recorded", "cy": "heb ei gofnodi"}
INDICATOR = {"en": "Indicator", "cy": "Dangosydd"}
SHEETS = {"en": ("Cover", "Contents", "Notes", "Table_"),
          "cy": ("Clawr", "Cynnwys", "Nodiadau", "Tabl_")}
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/"
           "relationships"}

problems = []


def problem(fmt, what):
    problems.append(f"{fmt}: {what}")


def decimals(kind):
    return {"percent": 1, "ratio": 2}.get(kind, 1)


def rounded(num, den, kind, change=False):
    """The published value of num / den: half away from zero."""
    scale = 100 if kind == "percent" else 1
    q = Fraction(scale * ((num - den) if change else num), den)
    p = 10 ** decimals(kind)
    q *= p
    sign = -1 if q < 0 else 1
    q = abs(q)
    whole = int(q)
    if q - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(sign * whole, p)


def box(n, exact_den=False):
    """Every exact count that publishes as n."""
    if exact_den:
        return [n]
    if n == 0:
        return [0]
    return [v for v in range(n - 2, n + 3) if v >= 5]


def fmt_fixed(v, d):
    s = f"{v:.{d}f}"
    if s.startswith("-") and set(s[1:]) <= set("0."):
        s = s[1:]
    return s


def fmt_int(n):
    return f"{n:,}"


def fmt_cell(cell, lang):
    """A JSON cell as the report prints it (report__fmt_cell)."""
    if cell is None:
        return NA[lang]
    if cell.get("suppressed"):
        return "*"
    kind, v = cell["kind"], cell["value"]
    if kind == "date":
        if v is None:
            return NOT_RECORDED[lang]
        y, m, d = v.split("-")
        return f"{d}/{m}/{y}"
    if v is None:
        return "\u2013"
    if kind == "count":
        return fmt_int(int(v))
    if kind == "percent":
        return fmt_fixed(v, 1) + "%"
    if kind == "ratio":
        return fmt_fixed(v, 2)
    return fmt_fixed(v, 1)


class Review:
    """A review's cells by (table, row, column); indicators as table
    "indicators" with column ""."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.doc = json.load(f)
        self.cells = {}
        for key, c in self.doc["indicators"].items():
            self.cells[("indicators", key, "")] = c
        self.cols = {}
        for tkey, t in self.doc["tables"].items():
            self.cols[tkey] = t["columns"]
            rows = list(t["rows"])
            if t.get("total"):
                rows.append(t["total"])
            for row in rows:
                for col in t["columns"]:
                    self.cells[(tkey, row["key"], col)] = \
                        row["cells"].get(col)


def is_public(key):
    """A fact about homes the public already has: shown exact."""
    return key[0] in PUBLIC_TABLES or key[2] in PUBLIC_COLS or \
        key[1] in PUBLIC_FIGS


def singled_out(fmt, where, key, shown, n, d, kind, exact):
    """The brute force of one shown percentage or ratio."""
    table, _, col = key
    change = key[1] == CHANGE_KEY
    den_public = col in DEN_PUBLIC_COLS or key[1] in DEN_PUBLIC_FIGS
    want = rounded(n, d, kind, change) if d > 0 else None
    if want is None or Fraction(shown).limit_denominator(10 ** 6) != want:
        problem(fmt, f"{where}: shows {shown}, but {n} / {d} published "
                     f"gives {None if want is None else float(want)}")
    label = fmt_fixed(shown, decimals(kind))
    matches = [(a, b) for a in box(n) for b in box(d, den_public)
               if b > 0 and fmt_fixed(float(rounded(a, b, kind, change)),
                                      decimals(kind)) == label]
    if len(matches) == 1 and matches[0] != (n, d):
        problem(fmt, f"{where}: {label} singles out {matches[0]}")
    if exact and matches == [exact] and exact != (n, d):
        problem(fmt, f"{where}: {label} gives the exact {exact} away")


class Checker:
    def __init__(self, exact, pub, lang):
        self.exact, self.pub, self.lang = exact, pub, lang
        self.checked = 0

    def exact_pair(self, key):
        c = self.exact.cells.get(key)
        if c and c.get("numerator") is not None and \
                c.get("denominator") is not None:
            return (c["numerator"], c["denominator"])
        return None

    def value(self, fmt, where, key, shown):
        """A number a format shows for cell key (None: not a number)."""
        c = self.pub.cells.get(key)
        self.checked += 1
        if c is None or c.get("suppressed") or shown is None:
            return
        kind = c["kind"]
        if is_public(key):
            return
        if kind in ("percent", "ratio"):
            n, d = c.get("numerator"), c.get("denominator")
            if n is None or d is None:
                if c["value"] is not None:
                    problem(fmt, f"{where}: a {kind} without its parts")
                return
            singled_out(fmt, where, key, shown, n, d, kind,
                        self.exact_pair(key))
        elif kind in ("mean", "median"):
            if Fraction(shown).limit_denominator(10 ** 6) * 10 % 1:
                problem(fmt, f"{where}: {shown} finer than 1 decimal")
        elif kind == "count":
            public = is_public(key)
            if shown % 5 and not public:
                problem(fmt, f"{where}: count {shown} not rounded to 5")
            if 1 <= shown <= 4 and not public:
                problem(fmt, f"{where}: count {shown} not suppressed")

    def text(self, fmt, where, key, text):
        """A cell as text: what the JSON holds, printed."""
        c = self.pub.cells.get(key, None)
        want = fmt_cell(c, self.lang)
        if text != want:
            problem(fmt, f"{where}: shows {text!r}, the JSON {want!r}")
            return
        if c is None or c.get("suppressed") or c["value"] is None or \
                c["kind"] == "date":
            self.checked += 1
            return
        self.value(fmt, where, key, c["value"] if c["kind"] != "count"
                   else int(c["value"]))


def check_json(ch):
    for key, c in ch.pub.cells.items():
        if c is None:
            continue
        where = "/".join(k for k in key if k)
        if c.get("suppressed"):
            if c["value"] is not None or "numerator" in c or \
                    "denominator" in c:
                problem("json", f"{where}: suppressed but shows a number")
            ch.checked += 1
            continue
        if c["value"] is None or c["kind"] == "date":
            ch.checked += 1
            continue
        ch.value("json", where, key, c["value"])
        if c["kind"] in ("percent", "ratio", "mean", "median") and \
                c.get("denominator") is not None and \
                c["denominator"] % 5 and key[2] not in DEN_PUBLIC_COLS \
                and key[1] not in DEN_PUBLIC_FIGS and not is_public(key):
            problem("json", f"{where}: denominator {c['denominator']} "
                            "not rounded")
    if not ch.pub.doc.get("published"):
        problem("json", "not published")
    rel = ch.pub.doc.get("release") or {}
    for k in ("date", "status", "producer_en", "producer_cy", "contact"):
        if not rel.get(k):
            problem("json", f"release.{k} missing")


class CsvNames:
    """Names for people, from the CSV: (table, row_name) -> row key,
    (table, column_name) -> column key."""

    def __init__(self, rows):
        self.rows, self.cols, self.tables = {}, {}, {}
        for r in rows:
            t = r["table"]
            if t == "review":
                continue
            self.rows.setdefault((t, r["row_name"]), set()).add(r["row"])
            if t != "indicators":
                self.cols[(t, r["column_name"])] = r["column"]
                self.tables.setdefault(t, set()).add(r["column_name"])


def check_csv(ch, path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if r["table"] == "review":
            continue
        key = (r["table"], r["row"], r["column"])
        c = ch.pub.cells.get(key)
        where = f"{r['table']}/{r['row']}/{r['column']}"
        if c is None:
            problem("csv", f"{where}: not in the JSON")
            continue
        if c.get("suppressed"):
            if r["value"] != "*" or r["numerator"] or r["denominator"]:
                problem("csv", f"{where}: suppressed but {r['value']!r}")
            ch.checked += 1
            continue
        for part in ("numerator", "denominator"):
            want = c.get(part)
            if (str(want) if want is not None else "") != r[part]:
                problem("csv", f"{where}: {part} {r[part]!r}, JSON {want}")
        if c["value"] is None or c["kind"] == "date":
            ch.checked += 1
            continue
        v = float(r["value"])
        if v != float(c["value"]):
            problem("csv", f"{where}: {r['value']} is not {c['value']}")
        ch.value("csv", where, key, int(v) if c["kind"] == "count" else v)
    return CsvNames(rows)


def find_table(names, header, row_names):
    """The CSV table whose columns hold every header label."""
    found = [t for t, cols in names.tables.items() if set(header) <= cols
             and all((t, r) in names.rows or r in ("Wales", "Cymru")
                     for r in row_names)]
    return found


def check_grid(ch, fmt, names, header, rows, lang):
    """One table as text: header labels, rows of cells (row name first)."""
    if not header:
        return
    if header[0] == INDICATOR[lang]:
        for r in rows:
            keys = names.rows.get(("indicators", r[0]), set())
            if len(keys) != 1:
                problem(fmt, f"indicator {r[0]!r} not in the CSV")
                continue
            key = ("indicators", next(iter(keys)), "")
            ch.text(fmt, f"{key[1]}", key, r[1])
            c = ch.pub.cells.get(key)
            if c and c["kind"] in ("percent", "ratio") and \
                    not c.get("suppressed") and c["value"] is not None:
                for i, part in ((2, "numerator"), (3, "denominator")):
                    if r[i] != fmt_int(c[part]):
                        problem(fmt, f"{key[1]}: {part} {r[i]!r}")
        return
    urn = 1 if len(header) > 1 and header[1] in ("URN", "Cyfeirnod") else 0
    data_cols = header[4:] if urn else header[1:]
    tables = find_table(names, data_cols, [] if urn else [r[0] for r in rows])
    if len(tables) != 1:
        problem(fmt, f"table {header[:3]}... matches {tables}")
        return
    t = tables[0]
    for r in rows:
        if urn:
            row = r[1]
        elif r[0] in ("Wales", "Cymru", "All councils", "Pob cyngor"):
            row = ch.pub.doc["tables"][t]["total"]["key"]
        else:
            keys = names.rows.get((t, r[0]), set())
            if len(keys) != 1:
                problem(fmt, f"{t}: row {r[0]!r} is not one row")
                continue
            row = next(iter(keys))
        for label, text in zip(data_cols, r[4 if urn else 1:]):
            col = names.cols[(t, label)]
            ch.text(fmt, f"{t}/{row}/{col}", (t, row, col), text)


def md_unescape(s):
    s = re.sub(r"\\(.)", r"\1", s.strip())
    return s[2:-2] if s.startswith("**") and s.endswith("**") else s


def check_md(ch, path, names, lang):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].startswith("|"):
            i += 1
            continue
        block = []
        while i < len(lines) and lines[i].startswith("|"):
            block.append(lines[i])
            i += 1
        cells = [[md_unescape(c) for c in
                  re.split(r"(?<!\\)\|", row.strip())[1:-1]]
                 for row in block]
        header, body = cells[0], cells[2:]
        if "URN" in header[:1] or "Cyfeirnod" in header[:1]:
            # homes: URN first in Markdown; put the name first
            header = [header[1], header[0]] + header[2:]
            body = [[r[1], r[0]] + r[2:] for r in body]
        check_grid(ch, "md", names, header, body, lang)


class HtmlTables(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.cur, self.row, self.text = [], None, None, None
        self.depth_svg = 0

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.depth_svg += 1
        if self.depth_svg:
            return
        if tag == "table":
            self.cur = {"header": [], "rows": []}
        elif tag == "tr" and self.cur is not None:
            self.row = []
        elif tag in ("th", "td") and self.row is not None:
            self.text = ""

    def handle_endtag(self, tag):
        if tag == "svg":
            self.depth_svg -= 1
        if self.depth_svg:
            return
        if tag in ("th", "td") and self.text is not None:
            self.row.append(self.text.strip())
            self.text = None
        elif tag == "tr" and self.row is not None:
            if not self.cur["header"]:
                self.cur["header"] = self.row
            else:
                self.cur["rows"].append(self.row)
            self.row = None
        elif tag == "table" and self.cur is not None:
            self.tables.append(self.cur)
            self.cur = None

    def handle_data(self, data):
        if self.text is not None and not self.depth_svg:
            self.text += data


def check_html(ch, path, names, lang):
    p = HtmlTables()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    for t in p.tables:
        check_grid(ch, "html", names, t["header"], t["rows"], lang)
    return len(p.tables)


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


class Sheet:
    def __init__(self, z, path, strings):
        self.root = ET.fromstring(z.read(path))
        self.cells = {}
        for c in self.root.iter(f"{{{NS['m']}}}c"):
            ref, t = c.get("r"), c.get("t")
            v = c.find("m:v", NS)
            if v is None:
                continue
            row = int(re.search(r"\d+", ref).group(0)) - 1
            if t == "s":
                self.cells[(row, col_index(ref))] = ("s",
                                                     strings[int(v.text)])
            else:
                self.cells[(row, col_index(ref))] = ("n", v.text)
        rels = path.replace("worksheets/", "worksheets/_rels/") + ".rels"
        self.tables = []
        if rels in z.namelist():
            for rel in ET.fromstring(z.read(rels)):
                if rel.get("Type").endswith("/table"):
                    self.tables.append(ET.fromstring(z.read(
                        "xl/" + rel.get("Target").replace("../", ""))))

    def text(self, row, col):
        c = self.cells.get((row, col))
        return c[1] if c and c[0] == "s" else None


def check_xlsx(ch, path, names, lang):
    fmt = "xlsx"
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")):
            strings.append("".join(t.text or "" for t in
                                   si.iter(f"{{{NS['m']}}}t")))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in
            ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    sheets = [(s.get("name"), "xl/" + rels[s.get(f"{{{NS['r']}}}id")])
              for s in wb.find("m:sheets", NS)]
    cover, contents, notes, prefix = SHEETS[lang]
    names_only = [s[0] for s in sheets]
    if names_only[:3] != [cover, contents, notes] or not all(
            n == f"{prefix}{i + 1}" for i, n in enumerate(names_only[3:])):
        problem(fmt, f"sheets {names_only}")
        return len(sheets)
    loaded = {n: Sheet(z, p, strings) for n, p in sheets}
    for n, s in loaded.items():
        if not s.text(0, 0):
            problem(fmt, f"{n}: no title in A1")
        if s.root.find("m:mergeCells", NS) is not None:
            problem(fmt, f"{n}: merged cells")
        for (r, c), v in s.cells.items():
            if v == ("s", "*"):
                problem(fmt, f"{n}: '*' where the shorthand is [c]")
    all_text = " ".join(v[1] for s in loaded.values()
                        for v in s.cells.values() if v[0] == "s")
    for short in ("[c]", "[x]", "[z]"):
        if not any(v[1].startswith(short + " ") for v in
                   loaded[cover].cells.values() if v[0] == "s"):
            problem(fmt, f"the cover does not explain {short}")
        if not any(v[1].startswith(short + " ") for v in
                   loaded[notes].cells.values() if v[0] == "s"):
            problem(fmt, f"the notes do not explain {short}")
    if "[c]" not in [v[1] for s in list(loaded.values())[3:]
                     for v in s.cells.values()]:
        problem(fmt, "no [c] in any table of a published workbook")
    # no developer's words ("cartref" is Welsh for home: English only)
    for bad in ("docs/", "src/", "--", ".md", ".c ") + \
            (("cartref",) if lang == "en" else ()):
        if bad in all_text:
            problem(fmt, f"the workbook says {bad!r} to its readers")
    # contents: a linked row per sheet after it
    con = loaded[contents]
    links = {h.get("ref"): h.get("location") for h in
             con.root.iter(f"{{{NS['m']}}}hyperlink")}
    targets = sorted(re.sub(r"^'?(.*?)'?!A1$", r"\1", v)
                     for v in links.values() if v)
    if targets != sorted(names_only[2:]):
        problem(fmt, f"contents links to {targets}")
    # every sheet but the cover: one table, header row, no blank rows
    for n in names_only[1:]:
        s = loaded[n]
        if len(s.tables) != 1:
            problem(fmt, f"{n}: {len(s.tables)} tables, not one")
            continue
        ref = s.tables[0].get("ref")
        m = re.match(r"A(\d+):([A-Z]+)(\d+)$", ref)
        first, last_col, last = int(m.group(1)) - 1, col_index(
            m.group(2)), int(m.group(3)) - 1
        header = [s.text(first, c) for c in range(last_col + 1)]
        cols = [c.get("name") for c in s.tables[0].iter(
            f"{{{NS['m']}}}tableColumn")]
        if header != cols or not all(header):
            problem(fmt, f"{n}: header {header} is not the table's {cols}")
        for r in range(first + 1, last + 1):
            if (r, 0) not in s.cells:
                problem(fmt, f"{n}: row {r + 1} is blank in column A")
        for (r, c) in s.cells:
            if r > last or (r < first and c > 0):
                problem(fmt, f"{n}: a cell outside the table at {r + 1}/"
                             f"{c + 1}")
        if n in (contents, notes):
            continue
        rows = []
        for r in range(first + 1, last + 1):
            rows.append([s.cells.get((r, c)) for c in range(last_col + 1)])
        check_sheet(ch, n, names, header, rows, lang)
    return len(names_only)


def xl_text(cell, kind, lang):
    """A workbook cell, as the HTML would print it, and its number."""
    if cell is None:
        return None, None
    t, v = cell
    if t == "s":
        return {"[c]": "*", "[z]": NA[lang]}.get(v, v), None
    x = float(v)
    if kind == "percent":
        # the nearest double to a fraction of 3 decimals (11.6% is
        # 0.116), never 0.1160220994
        if abs(x * 1000 - round(x * 1000)) > 1e-6:
            return f"stored {v}", None
        return fmt_fixed(x * 100, 1) + "%", round(x * 1000) / 10
    if kind == "ratio":
        return fmt_fixed(x, 2), x
    if kind in ("mean", "median"):
        return fmt_fixed(x, 1), x
    return v, x


def check_sheet(ch, name, names, header, rows, lang):
    fmt = f"xlsx {name}"
    if header[0] == INDICATOR[lang]:
        for r in rows:
            label = r[0][1]
            keys = names.rows.get(("indicators", label), set())
            if len(keys) != 1:
                problem(fmt, f"indicator {label!r} not in the CSV")
                continue
            key = ("indicators", next(iter(keys)), "")
            check_xl_cell(ch, fmt, key, r[2], lang)
        return
    urn = header[1] in ("URN", "Cyfeirnod")
    data = header[4:] if urn else header[1:]
    tables = find_table(names, data, [] if urn else
                        [r[0][1] for r in rows if r[0]])
    if len(tables) != 1:
        problem(fmt, f"table {header[:3]} matches {tables}")
        return
    t = tables[0]
    for r in rows:
        label = r[1][1] if urn else r[0][1]
        if urn:
            row = label
        elif label in ("Wales", "Cymru", "All councils", "Pob cyngor"):
            row = ch.pub.doc["tables"][t]["total"]["key"]
        else:
            keys = names.rows.get((t, label), set())
            if len(keys) != 1:
                problem(fmt, f"{t}: row {label!r} is not one row")
                continue
            row = next(iter(keys))
        for lab, cell in zip(data, r[4 if urn else 1:]):
            check_xl_cell(ch, fmt, (t, row, names.cols[(t, lab)]), cell,
                          lang)


def check_xl_cell(ch, fmt, key, cell, lang):
    c = ch.pub.cells.get(key)
    where = "/".join(k for k in key if k)
    if cell is None:
        problem(fmt, f"{where}: a blank cell")
        return
    if c is None:
        if cell != ("s", "[z]"):
            problem(fmt, f"{where}: {cell} where [z] is due")
        return
    if c.get("suppressed"):
        if cell != ("s", "[c]"):
            problem(fmt, f"{where}: {cell} where [c] is due")
        ch.checked += 1
        return
    if c["value"] is None:
        if cell != ("s", "[x]"):
            problem(fmt, f"{where}: {cell} where [x] is due")
        ch.checked += 1
        return
    if cell[0] != "n":
        problem(fmt, f"{where}: {cell[1]!r} stored as text")
        return
    if c["kind"] == "date":
        ch.checked += 1
        return
    text, x = xl_text(cell, c["kind"], lang)
    if text != fmt_cell(c, lang).replace(",", "") and \
            c["kind"] != "count":
        problem(fmt, f"{where}: {text} is not {fmt_cell(c, lang)}")
    if c["kind"] == "count" and float(cell[1]) != c["value"]:
        problem(fmt, f"{where}: {cell[1]} is not {c['value']}")
    ch.value(fmt, where, key, int(x) if c["kind"] == "count" else x)


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in ("en", "cy"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    exact = Review(sys.argv[1])
    d, lang = sys.argv[2], sys.argv[3]
    pub = Review(f"{d}/pub.json")
    ch = Checker(exact, pub, lang)
    check_json(ch)
    print(f"json: {ch.checked} cells")
    n = ch.checked
    names = check_csv(ch, f"{d}/pub.csv")
    print(f"csv: {ch.checked - n} cells")
    n = ch.checked
    check_md(ch, f"{d}/pub.md", names, lang)
    print(f"md: {ch.checked - n} cells")
    n = ch.checked
    tables = check_html(ch, f"{d}/pub.html", names, lang)
    print(f"html: {ch.checked - n} cells in {tables} tables")
    n = ch.checked
    sheets = check_xlsx(ch, f"{d}/pub.xlsx", names, lang)
    print(f"xlsx: {ch.checked - n} cells in {sheets} sheets")
    for p in problems[:200]:
        print(f"problem: {p}")
    if len(problems) > 200:
        print(f"... and {len(problems) - 200} more")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
