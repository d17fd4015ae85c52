/*
 * report.c: the public face of the report layer: parsing format and
 * language names, and report_render(), which has a renderer build the
 * document in memory and then writes it out whole with base/file.h: to
 * standard output, a device or FIFO in place, or a regular file through
 * a temporary file beside it that is renamed over it, so that a reader
 * never sees half a report.
 */
#include "base/compat.h"
#include <unistd.h>
#include "base/buf.h"
#include "base/file.h"
#include "report/report-internal.h"

/* The largest report we build in memory (England-scale HTML is ~5 MB). */
#define REPORT_MAX ((size_t)256 << 20)

static const struct {
	const char *name;
	enum report_format f;
} formats[] = {
	{ "json", REPORT_JSON },
	{ "csv", REPORT_CSV },
	{ "html", REPORT_HTML },
	{ "md", REPORT_MD },
	{ "markdown", REPORT_MD },
	{ "xlsx", REPORT_XLSX },
};

int report_format_parse(const char *s, enum report_format *out)
{
	for (size_t i = 0; s && i < ARRAY_SIZE(formats); i++)
		if (!strcmp(s, formats[i].name)) {
			*out = formats[i].f;
			return 0;
		}
	return ERR_USAGE;
}

const char *report_format_name(enum report_format f)
{
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
		if (formats[i].f == f)
			return formats[i].name;
	return "?";
}

int report_lang_parse(const char *s, enum report_lang *out)
{
	if (s && !strcmp(s, "en")) {
		*out = LANG_EN;
		return 0;
	}
	if (s && !strcmp(s, "cy")) {
		*out = LANG_CY;
		return 0;
	}
	return ERR_USAGE;
}

static bool is_stdout(const char *path)
{
	return !path || !strcmp(path, "-");
}

/*
 * The workbook is written by libxlsxwriter to a private temporary file,
 * then copied to the target with base/file.h's rules, like every report.
 */
static int render_xlsx(const struct review *r,
		       const struct report_release *rel,
		       enum report_lang lang, const char *path,
		       struct err *err)
{
	char *tmp = NULL;
	int rc;

	if (is_stdout(path))
		return err_set(err, ERR_USAGE,
			       "xlsx output needs a file name (-o FILE)");
	rc = file_temp(&tmp, err);
	if (!rc)
		rc = report__render_xlsx(r, rel, lang, tmp, err);
	if (!rc)
		rc = file_copy_out(tmp, path, err);
	if (tmp)
		unlink(tmp);
	free(tmp);
	return rc;
}

static int render_buf(const struct review *r,
		      const struct report_release *rel, enum report_format f,
		      enum report_lang lang, struct buf *out, struct err *err)
{
	int rc;

	if (lang != LANG_EN && lang != LANG_CY)
		return err_set(err, ERR_USAGE, "unknown report language");
	switch (f) {
	case REPORT_JSON:
		rc = report__render_json(r, rel, out, err);
		break;
	case REPORT_CSV:
		rc = report__render_csv(r, rel, lang, out, err);
		break;
	case REPORT_HTML:
		rc = report__render_html(r, rel, lang, out, err);
		break;
	case REPORT_MD:
		rc = report__render_md(r, rel, lang, out, err);
		break;
	case REPORT_XLSX:
		return err_set(err, ERR_USAGE, "xlsx is written to a file");
	default:
		return err_set(err, ERR_USAGE, "unknown report format");
	}
	if (!rc && buf_error(out))
		rc = err_set(err, ERR_TOO_LARGE, "the report is too large");
	return rc;
}

int report_render_buf(const struct review *r, enum report_format f,
		      enum report_lang lang, struct buf *out, struct err *err)
{
	return render_buf(r, NULL, f, lang, out, err);
}

int report_render(const struct review *r, enum report_format f,
		  enum report_lang lang, const char *path, struct err *err)
{
	return report_render_release(r, NULL, f, lang, path, err);
}

int report_render_release(const struct review *r,
			  const struct report_release *rel,
			  enum report_format f, enum report_lang lang,
			  const char *path, struct err *err)
{
	struct buf out = BUF_INIT(REPORT_MAX);
	int rc;

	if (f == REPORT_XLSX && (lang == LANG_EN || lang == LANG_CY))
		return render_xlsx(r, rel, lang, path, err);
	rc = render_buf(r, rel, f, lang, &out, err);
	if (rc)
		goto out;
	rc = file_write_all(path, out.buf, out.len, err);
out:
	buf_release(&out);
	return rc;
}
