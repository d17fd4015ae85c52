/*
 * fuzz-rules.c: libFuzzer target for the SSDA903 readers and the DfE
 * rules (make fuzz).  The input is up to twelve tables as CSV, separated
 * by a line holding only "%%" (or, when it starts with '<', one DfE XML
 * file); they are read as `import 903` reads them, checked, and every
 * rule in force runs over the rows that loaded, for a year and nation
 * taken from the input's length, with the same return as last year's
 * too.  Nothing may crash, leak or read out of bounds whatever the rows
 * say: a rule sees what the import let through.
 */
#include "base/compat.h"
#include <unistd.h>
#include "ingest/s903-io.h"
#include "ingest/s903-xml.h"
#include "validate/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(const struct s903_problem *p, void *ctx)
{
	(void)p;
	(void)ctx;
}

/* data[0..n) to a temporary file; its name in path (PATH_MAX). */
static bool to_file(const uint8_t *data, size_t n, char *path, size_t cap,
		    const char *ext)
{
	int fd;

	snprintf(path, cap, "/tmp/fuzz-rules-XXXXXX%s", ext);
	fd = mkstemps(path, (int)strlen(ext));
	if (fd < 0)
		return false;
	if (n && write(fd, data, n) != (ssize_t)n) {
		close(fd);
		unlink(path);
		return false;
	}
	close(fd);
	return true;
}

static void read_into(const uint8_t *data, size_t size, struct s903_return *r)
{
	struct diags d = DIAGS_INIT;
	struct err err = ERR_INIT;
	char path[64];

	if (size && data[0] == '<') {
		if (to_file(data, size, path, sizeof(path), ".xml")) {
			s903_read_xml(path, r, &d, &err);
			unlink(path);
		}
	} else {
		size_t start = 0;
		unsigned seen = 0;

		while (start <= size) {
			const uint8_t *p = data + start;
			size_t n = size - start, len = n;
			size_t colpos[S903_MAX_COLS] = { 0 };
			int t = -1;

			for (size_t i = 0; i + 3 <= n; i++)
				if (!memcmp(p + i, "%%\n", 3) &&
				    (i == 0 || p[i - 1] == '\n')) {
					len = i;
					break;
				}
			if (to_file(p, len, path, sizeof(path), ".csv")) {
				s903_read_file(path, r, &t, seen, colpos, &d,
					       &err);
				if (t >= 0)
					seen |= 1u << t;
				unlink(path);
			}
			start += len + 3;
		}
	}
	diags_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct s903_return r = S903_RETURN_INIT, prev = S903_RETURN_INIT;
	struct v_input in = { 0 };
	struct v_result res = V_RESULT_INIT;

	if (size > 1 << 16)
		return 0;
	snprintf(r.la, sizeof(r.la), "%s", size & 1 ? "W06000015" : "E09000001");
	r.year = 2022 + (int)(size % 7);	/* 2022 to 2028 */
	read_into(data, size, &r);
	read_into(data, size, &prev);
	snprintf(prev.la, sizeof(prev.la), "%s", r.la);
	prev.year = r.year - 1;
	s903_check(&r, ignore, NULL);
	s903_check(&prev, ignore, NULL);
	in.r = &r;
	in.prev = &prev;
	in.year = r.year;
	in.nation = v_nation_of(r.la);
	validate_return(&in, NULL, &res);
	v_result_release(&res);
	s903_return_release(&r);
	s903_return_release(&prev);
	return 0;
}
