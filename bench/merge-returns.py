"""bench/merge-returns.py SRC/903 YEAR ROWS OUT: the synthetic councils'
returns for YEAR (and YEAR - 1) merged into one return of at least ROWS
rows this year (all tables), each child's CHILD prefixed with its
council's number so that they stay apart; OUT/this and OUT/last get one
CSV per table, as the council files are.  Plain Python: no pandas."""
import csv
import os
import sys

src, year, want, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), \
	sys.argv[4]


def rows_of(d):
	n = 0
	for f in os.listdir(d):
		with open(os.path.join(d, f), newline="") as fh:
			n += sum(1 for _ in fh) - 1
	return n


def merge(year_dir_of, dst):
	os.makedirs(dst, exist_ok=True)
	writers, handles = {}, []
	for i, d in year_dir_of:
		if not os.path.isdir(d):
			continue
		for f in sorted(os.listdir(d)):
			with open(os.path.join(d, f), newline="") as fh:
				r = csv.reader(fh)
				head = next(r)
				if f not in writers:
					h = open(os.path.join(dst, f), "w", newline="")
					handles.append(h)
					writers[f] = csv.writer(h, lineterminator="\r\n")
					writers[f].writerow(head)
				c = head.index("CHILD")
				for row in r:
					row[c] = "K%d%s" % (i, row[c])
					writers[f].writerow(row)
	for h in handles:
		h.close()


councils = sorted(os.listdir(src))
chosen, n = [], 0
for i, la in enumerate(councils):
	d = os.path.join(src, la, str(year))
	if not os.path.isdir(d):
		continue
	chosen.append((i, la))
	n += rows_of(d)
	if n >= want:
		break
merge([(i, os.path.join(src, la, str(year))) for i, la in chosen],
      os.path.join(out, "this"))
merge([(i, os.path.join(src, la, str(year - 1))) for i, la in chosen],
      os.path.join(out, "last"))
print("%d councils, %d rows this year" % (len(chosen), n))
