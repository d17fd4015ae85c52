/*
 * release.c: a report's release metadata (report.h, "release metadata"):
 * its defaults, one field set by key (the options of `cartref review`),
 * and a release file of "key = value" lines, read all or nothing with
 * errors as FILE:LINE:COLUMN: RULE: message.
 */
#include "base/compat.h"
#include "base/file.h"
#include "base/parse.h"
#include "base/utf8.h"
#include "report/report-internal.h"

/* The producer's address for enquiries, when none is given. */
#define DEFAULT_EMAIL "ciw@gov.wales"
#define RELEASE_FILE_MAX (64 * 1024)
#define RELEASE_LINE_MAX 1024

static const char *const status_keys[REPORT_STATUS_N] = {
	[REPORT_STATUS_MANAGEMENT] = "management_information",
	[REPORT_STATUS_IN_DEVELOPMENT] = "official_statistics_in_development",
	[REPORT_STATUS_OFFICIAL] = "official_statistics",
	[REPORT_STATUS_ACCREDITED] = "accredited_official_statistics",
};

const char *report_status_key(enum report_status s)
{
	if ((unsigned)s >= REPORT_STATUS_N)
		BUG("status %d", (int)s);
	return status_keys[s];
}

void report_release_init(struct report_release *rel)
{
	memset(rel, 0, sizeof(*rel));
	rel->date = DATE_NONE;
	rel->status = REPORT_STATUS_MANAGEMENT;
	rel->next_update = DATE_NONE;
	str_copy(rel->contact_email, sizeof(rel->contact_email),
		 DEFAULT_EMAIL);
}

const char *report__producer(const struct report_release *rel,
			     enum report_lang lang)
{
	unsigned l = lang == LANG_CY ? LANG_CY : LANG_EN;

	if (rel->producer[l][0])
		return rel->producer[l];
	/* a name given in English only is the name in Welsh too */
	if (rel->producer[LANG_EN][0])
		return rel->producer[LANG_EN];
	return report__ui(UI_PUBLISHER, lang);
}

const char *report__contact_name(const struct report_release *rel,
				 enum report_lang lang)
{
	unsigned l = lang == LANG_CY ? LANG_CY : LANG_EN;

	if (rel->contact_name[l][0])
		return rel->contact_name[l];
	if (rel->contact_name[LANG_EN][0])
		return rel->contact_name[LANG_EN];
	return report__producer(rel, lang);
}

/* "contact-name" and "contact_name" are the same key. */
static void norm_key(char *out, size_t cap, const char *key)
{
	size_t i;

	for (i = 0; key[i] && i + 1 < cap; i++)
		out[i] = key[i] == '-' ? '_' : key[i];
	out[i] = '\0';
}

/* Text by base/utf8.h's rule (UTF-8, no control or bidi characters), and
 * one line of it: no TAB either. */
static bool clean_text(const char *s)
{
	return !strchr(s, '\t') &&
	       utf8_text_check(s, strlen(s), 0, NULL, NULL) == UTF8_OK;
}

static int set_text(char *dst, const char *key, const char *value,
		    struct err *err)
{
	if (!*value)
		return err_set(err, ERR_INVALID, "release-text: %s is empty",
			       key);
	if (strlen(value) >= REPORT_TEXT_MAX)
		return err_set(err, ERR_INVALID,
			       "release-text: %s is longer than %d bytes", key,
			       REPORT_TEXT_MAX - 1);
	if (!clean_text(value))
		return err_set(err, ERR_INVALID,
			       "release-text: %s is not UTF-8 text without "
			       "control characters", key);
	str_copy(dst, REPORT_TEXT_MAX, value);
	return 0;
}

/* name@domain.tld: one '@', no spaces, a dot in the domain. */
static bool email_ok(const char *s)
{
	const char *at = strchr(s, '@'), *dot;

	if (!at || at == s || strchr(at + 1, '@'))
		return false;
	dot = strrchr(at + 1, '.');
	if (!dot || dot == at + 1 || !dot[1])
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || strchr("@.-_+'", *s)))
			return false;
	return true;
}

/* "yyyy-mm-dd", or "yyyy-mm" when month_ok (the 1st, *month set). */
static int parse_day_or_month(const char *s, bool month_ok, int32_t *day,
			      bool *month)
{
	char tmp[16];
	int y, m;

	if (!parse_date_iso(s, day)) {
		*month = false;
		return 0;
	}
	if (!month_ok || strlen(s) != 7 || s[4] != '-')
		return ERR_INVALID;
	memcpy(tmp, s, 4);
	tmp[4] = '\0';
	if (parse_int(tmp, DATE_MIN_YEAR, DATE_MAX_YEAR, &y) ||
	    parse_int(s + 5, 1, 12, &m) || s[5] == '+' || s[5] == '-')
		return ERR_INVALID;
	*day = date_from_ymd(y, m, 1);
	*month = true;
	return 0;
}

int report_release_set(struct report_release *rel, const char *key,
		       const char *value, struct err *err)
{
	char k[32];
	bool month;

	norm_key(k, sizeof(k), key);
	if (!strcmp(k, "date")) {
		if (parse_day_or_month(value, false, &rel->date, &month))
			return err_set(err, ERR_INVALID,
				       "release-date: date \"%s\" is not a "
				       "date yyyy-mm-dd", value);
		return 0;
	}
	if (!strcmp(k, "next_update")) {
		if (parse_day_or_month(value, true, &rel->next_update,
				       &rel->next_update_month))
			return err_set(err, ERR_INVALID,
				       "release-date: next_update \"%s\" is not "
				       "a date yyyy-mm-dd or a month yyyy-mm",
				       value);
		return 0;
	}
	if (!strcmp(k, "status")) {
		char v[64];

		norm_key(v, sizeof(v), value);
		for (int s = 0; s < REPORT_STATUS_N; s++)
			if (!strcmp(v, status_keys[s])) {
				rel->status = (enum report_status)s;
				return 0;
			}
		return err_set(err, ERR_INVALID,
			       "release-status: status \"%s\" is not one of "
			       "management_information, "
			       "official_statistics_in_development, "
			       "official_statistics, "
			       "accredited_official_statistics", value);
	}
	if (!strcmp(k, "producer"))
		return set_text(rel->producer[LANG_EN], k, value, err);
	if (!strcmp(k, "producer_cy"))
		return set_text(rel->producer[LANG_CY], k, value, err);
	if (!strcmp(k, "contact_name"))
		return set_text(rel->contact_name[LANG_EN], k, value, err);
	if (!strcmp(k, "contact_name_cy"))
		return set_text(rel->contact_name[LANG_CY], k, value, err);
	if (!strcmp(k, "contact_phone"))
		return set_text(rel->contact_phone, k, value, err);
	if (!strcmp(k, "contact_email")) {
		if (!email_ok(value) || strlen(value) >= REPORT_TEXT_MAX)
			return err_set(err, ERR_INVALID,
				       "release-email: contact_email \"%s\" is "
				       "not an email address", value);
		str_copy(rel->contact_email, sizeof(rel->contact_email),
			 value);
		return 0;
	}
	return err_set(err, ERR_INVALID,
		       "release-key: unknown key \"%s\" (date, status, "
		       "producer, producer_cy, contact_name, contact_name_cy, "
		       "contact_email, contact_phone, next_update)", key);
}

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* One line (no newline): ignored, or key = value set into rel. */
static int load_line(struct report_release *rel, char *line,
		     const char *path, int lineno, unsigned *seen,
		     struct err *err)
{
	static const char *const keys[] = {
		"date", "status", "producer", "producer_cy", "contact_name",
		"contact_name_cy", "contact_email", "contact_phone",
		"next_update",
	};
	struct err e = ERR_INIT;
	char *p = line, *key, *eq, *end, *value;
	size_t ki;

	while (blank(*p))
		p++;
	if (!*p || *p == '#')
		return 0;
	key = p;
	while (*p && !blank(*p) && *p != '=')
		p++;
	end = p;
	while (blank(*p))
		p++;
	if (*p != '=')
		return err_set(err, ERR_INVALID,
			       "%s:%d:%d: release-syntax: expected "
			       "\"key = value\"", path, lineno,
			       (int)(p - line) + 1);
	eq = p;
	*end = '\0';
	for (p = eq + 1; blank(*p); p++)
		;
	value = p;
	end = value + strlen(value);
	while (end > value && blank(end[-1]))
		*--end = '\0';
	for (ki = 0; ki < ARRAY_SIZE(keys); ki++) {
		char k[32];

		norm_key(k, sizeof(k), key);
		if (!strcmp(k, keys[ki]))
			break;
	}
	if (ki < ARRAY_SIZE(keys) && (*seen & (1u << ki)))
		return err_set(err, ERR_INVALID,
			       "%s:%d:%d: release-duplicate: %s is given more "
			       "than once", path, lineno,
			       (int)(key - line) + 1, key);
	if (report_release_set(rel, key, value, &e))
		return err_set(err, ERR_INVALID, "%s:%d:%d: %s", path, lineno,
			       (int)((ki < ARRAY_SIZE(keys) ? value : key) -
				     line) + 1,
			       err_text(&e));
	*seen |= 1u << ki;
	return 0;
}

int report_release_load(struct report_release *rel, const char *path,
			struct err *err)
{
	struct report_release tmp = *rel;
	char line[RELEASE_LINE_MAX + 2];
	unsigned seen = 0;
	long total = 0;
	int lineno = 0, rc = 0;
	FILE *f;

	rc = file_open_input(&f, path, err);	/* regular files only */
	if (rc)
		return rc;
	while (!rc && fgets(line, sizeof(line), f)) {
		size_t len = strlen(line);

		lineno++;
		total += (long)len;
		if (total > RELEASE_FILE_MAX) {
			rc = err_set(err, ERR_INVALID,
				     "%s:%d:1: release-syntax: the file is "
				     "larger than %d bytes", path, lineno,
				     RELEASE_FILE_MAX);
			break;
		}
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		else if (!feof(f)) {
			rc = err_set(err, ERR_INVALID,
				     "%s:%d:%d: release-syntax: the line is "
				     "longer than %d bytes", path, lineno,
				     RELEASE_LINE_MAX + 1, RELEASE_LINE_MAX);
			break;
		}
		if (len && line[len - 1] == '\r')
			line[--len] = '\0';
		if (strlen(line) != len) {
			rc = err_set(err, ERR_INVALID,
				     "%s:%d:%zu: release-text: a NUL byte",
				     path, lineno, strlen(line) + 1);
			break;
		}
		rc = load_line(&tmp, line, path, lineno, &seen, err);
	}
	if (!rc && ferror(f))
		rc = err_errno(err, ERR_IO, "reading %s", path);
	fclose(f);
	if (!rc)
		*rel = tmp;
	return rc;
}
