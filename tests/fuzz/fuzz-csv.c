/*
 * fuzz-csv.c: libFuzzer target for the CSV reader (make fuzz).
 * Reads every record of the input with small limits, so that long fields,
 * many fields and broken quoting are all reached quickly, and writes each
 * good record back through the writer and re-reads it, which must give
 * the same fields.
 */
#include "base/compat.h"
#include "base/buf.h"
#include "ingest/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct csv_limits lim = { 64, 16, 1000 };
	struct csv_reader *r = csv_open_mem(data, size, &lim);
	struct csv_record rec;
	struct csv_error ce;
	int rc;

	while ((rc = csv_next(r, &rec, &ce, NULL)) != CSV_EOF) {
		struct buf b = BUF_INIT(1 << 20);
		struct csv_reader *r2;
		struct csv_record rec2;
		struct csv_error ce2;
		bool allempty = true;

		if (rc != CSV_RECORD)
			continue;
		for (size_t i = 0; i < rec.nfields; i++) {
			csv_put(&b, rec.fields[i], i == 0);
			allempty &= rec.lens[i] == 0;
		}
		csv_end_record(&b);
		r2 = csv_open_mem(b.buf, b.len, &lim);
		if (!allempty) {
			if (csv_next(r2, &rec2, &ce2, NULL) != CSV_RECORD ||
			    rec2.nfields != rec.nfields)
				abort();
			for (size_t i = 0; i < rec.nfields; i++)
				if (rec.lens[i] != rec2.lens[i] ||
				    memcmp(rec.fields[i], rec2.fields[i],
					   rec.lens[i]))
					abort();
		}
		csv_close(r2);
		buf_release(&b);
	}
	csv_close(r);
	return 0;
}
