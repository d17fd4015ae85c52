/*
 * fuzz-quality.c: libFuzzer target for the inspections register's reader
 * and writer (src/ingest/quality-io.c; make fuzz).
 *
 * The input is inspections.csv, then a NUL byte and findings.csv (no NUL:
 * no findings file); it is also read as notifications.csv.  Whatever
 * reads without a problem is written, read again (which must find none)
 * and written again, which must give the same bytes: the export's round
 * trip.
 */
#include "base/compat.h"
#include "base/buf.h"
#include "ingest/quality-io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct qio_env env = { NULL, NULL, 22000, 22000LL * 86400000 };

static void number(struct qio_inspections *q)
{
	for (size_t k = 0; k < q->ninsp; k++)
		q->insp[k].id = (int64_t)k + 1;
	for (size_t k = 0; k < q->nf; k++)
		q->f[k].id = (int64_t)k + 1;
}

/* Write q into ib, fb; NUL between them for the next read. */
static void write_pair(struct qio_inspections *q, struct buf *ib,
		       struct buf *fb)
{
	struct err err = ERR_INIT;

	number(q);
	if (qio_format_inspections(ib, fb, q->insp, q->ninsp, q->f, q->nf,
				   &err))
		abort();
}

static void inspections(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t ilen = nul ? (size_t)(nul - data) : size;
	struct qio_inspections q = QIO_INSPECTIONS_INIT;
	struct diags d = DIAGS_INIT;
	struct buf ib = BUF_INIT(1 << 24), fb = BUF_INIT(1 << 24);
	struct buf ib2 = BUF_INIT(1 << 24), fb2 = BUF_INIT(1 << 24);

	qio_read_inspections_mem("i", data, ilen, "f", nul ? nul + 1 : NULL,
				 nul ? size - ilen - 1 : 0, &env, &q, &d, NULL);
	if (d.n)
		goto out;
	write_pair(&q, &ib, &fb);
	qio_inspections_release(&q);
	qio_read_inspections_mem("i", ib.buf, ib.len, "f", fb.buf, fb.len,
				 &env, &q, &d, NULL);
	if (d.n)
		abort();
	write_pair(&q, &ib2, &fb2);
	if (ib.len != ib2.len || memcmp(ib.buf, ib2.buf, ib.len) ||
	    fb.len != fb2.len || memcmp(fb.buf, fb2.buf, fb.len))
		abort();
out:
	qio_inspections_release(&q);
	diags_release(&d);
	buf_release(&ib);
	buf_release(&fb);
	buf_release(&ib2);
	buf_release(&fb2);
}

static void notifications(const uint8_t *data, size_t size)
{
	struct q_notification *v = NULL, *v2 = NULL;
	struct diags d = DIAGS_INIT;
	struct buf b = BUF_INIT(1 << 24), b2 = BUF_INIT(1 << 24);
	size_t n = 0, n2 = 0;

	qio_read_notifications_mem("n", data, size, &env, &v, &n, NULL, &d,
				   NULL);
	if (d.n)
		goto out;
	qio_format_notifications(&b, v, n);
	qio_read_notifications_mem("n", b.buf, b.len, &env, &v2, &n2, NULL,
				   &d, NULL);
	if (d.n || n2 != n)
		abort();
	qio_format_notifications(&b2, v2, n2);
	if (b.len != b2.len || memcmp(b.buf, b2.buf, b.len))
		abort();
out:
	free(v);
	free(v2);
	diags_release(&d);
	buf_release(&b);
	buf_release(&b2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	inspections(data, size);
	notifications(data, size);
	return 0;
}
