/*
 * ssda903.c: SSDA903 table definitions, field parsing and formatting, and
 * the whole-return consistency checks.  See ssda903.h.
 */
#include "base/compat.h"
#include "base/xalloc.h"
#include "domain/ssda903.h"

#define TXT(st, m, nm, kind, req, list)                                   \
	{ nm, kind, req, offsetof(struct st, m),                          \
	  sizeof(((struct st *)0)->m), list, 0, 0 }
#define NUM(st, m, nm, kind, req, lo, hi)                                 \
	{ nm, kind, req, offsetof(struct st, m),                          \
	  sizeof(((struct st *)0)->m), NULL, lo, hi }

static const struct s903_col header_cols[] = {
	TXT(s903_header, child, "CHILD", S903_ID, true, NULL),
	TXT(s903_header, sex, "SEX", S903_CODE, true, &codes_sex),
	NUM(s903_header, dob, "DOB", S903_DATE, true, 0, 0),
	TXT(s903_header, ethnic, "ETHNIC", S903_CODE, true, &codes_ethnic),
	TXT(s903_header, upn, "UPN", S903_UPN, false, NULL),
	NUM(s903_header, mother, "MOTHER", S903_INT, false, 0, 1),
	NUM(s903_header, mc_dob, "MC_DOB", S903_DATE, false, 0, 0),
};

static const struct s903_col episode_cols[] = {
	TXT(s903_episode, child, "CHILD", S903_ID, true, NULL),
	NUM(s903_episode, decom, "DECOM", S903_DATE, true, 0, 0),
	TXT(s903_episode, rne, "RNE", S903_CODE, true, &codes_rne),
	TXT(s903_episode, ls, "LS", S903_CODE, true, &codes_ls),
	TXT(s903_episode, cin, "CIN", S903_CODE, true, &codes_cin),
	TXT(s903_episode, place, "PLACE", S903_CODE, true, &codes_place),
	TXT(s903_episode, place_provider, "PLACE_PROVIDER", S903_CODE, false,
	    &codes_place_provider),
	NUM(s903_episode, dec, "DEC", S903_DATE, false, 0, 0),
	TXT(s903_episode, rec, "REC", S903_CODE, false, &codes_rec),
	TXT(s903_episode, reason_place_change, "REASON_PLACE_CHANGE",
	    S903_CODE, false, &codes_reason_place_change),
	TXT(s903_episode, home_post, "HOME_POST", S903_POSTCODE, false, NULL),
	TXT(s903_episode, pl_post, "PL_POST", S903_POSTCODE, false, NULL),
	TXT(s903_episode, urn, "URN", S903_URN, false, NULL),
};

static const struct s903_col missing_cols[] = {
	TXT(s903_missing, child, "CHILD", S903_ID, true, NULL),
	NUM(s903_missing, dob, "DOB", S903_DATE, true, 0, 0),
	TXT(s903_missing, missing, "MISSING", S903_CODE, true, &codes_missing),
	NUM(s903_missing, mis_start, "MIS_START", S903_DATE, true, 0, 0),
	NUM(s903_missing, mis_end, "MIS_END", S903_DATE, false, 0, 0),
};

static const struct s903_col oc2_cols[] = {
	TXT(s903_oc2, child, "CHILD", S903_ID, true, NULL),
	NUM(s903_oc2, dob, "DOB", S903_DATE, true, 0, 0),
	NUM(s903_oc2, sdq_score, "SDQ_SCORE", S903_INT, false, 0, 40),
	TXT(s903_oc2, sdq_reason, "SDQ_REASON", S903_CODE, false,
	    &codes_sdq_reason),
	NUM(s903_oc2, convicted, "CONVICTED", S903_INT, false, 0, 1),
	NUM(s903_oc2, health_check, "HEALTH_CHECK", S903_INT, false, 0, 1),
	NUM(s903_oc2, immunisations, "IMMUNISATIONS", S903_INT, false, 0, 1),
	NUM(s903_oc2, teeth_check, "TEETH_CHECK", S903_INT, false, 0, 1),
	NUM(s903_oc2, health_assessment, "HEALTH_ASSESSMENT", S903_INT, false,
	    0, 1),
	NUM(s903_oc2, substance_misuse, "SUBSTANCE_MISUSE", S903_INT, false, 0,
	    1),
	NUM(s903_oc2, intervention_received, "INTERVENTION_RECEIVED", S903_INT,
	    false, 0, 1),
	NUM(s903_oc2, intervention_offered, "INTERVENTION_OFFERED", S903_INT,
	    false, 0, 1),
};

static const struct s903_col reviews_cols[] = {
	TXT(s903_review, child, "CHILD", S903_ID, true, NULL),
	NUM(s903_review, dob, "DOB", S903_DATE, true, 0, 0),
	NUM(s903_review, review, "REVIEW", S903_DATE, false, 0, 0),
	TXT(s903_review, review_code, "REVIEW_CODE", S903_TEXT, false, NULL),
};
static const struct s903_col uasc_cols[] = {
	TXT(s903_uasc, child, "CHILD", S903_ID, true, NULL),
	TXT(s903_uasc, sex, "SEX", S903_TEXT, false, NULL),
	NUM(s903_uasc, dob, "DOB", S903_DATE, true, 0, 0),
	NUM(s903_uasc, duc, "DUC", S903_DATE, false, 0, 0),
};
static const struct s903_col oc3_cols[] = {
	TXT(s903_oc3, child, "CHILD", S903_ID, true, NULL),
	NUM(s903_oc3, dob, "DOB", S903_DATE, true, 0, 0),
	TXT(s903_oc3, in_touch, "IN_TOUCH", S903_TEXT, false, NULL),
	TXT(s903_oc3, activ, "ACTIV", S903_TEXT, false, NULL),
	TXT(s903_oc3, accom, "ACCOM", S903_TEXT, false, NULL),
};
static const struct s903_col ad1_cols[] = {
	TXT(s903_ad1, child, "CHILD", S903_ID, true, NULL),
	NUM(s903_ad1, dob, "DOB", S903_DATE, true, 0, 0),
	NUM(s903_ad1, date_int, "DATE_INT", S903_DATE, false, 0, 0),
	NUM(s903_ad1, date_match, "DATE_MATCH", S903_DATE, false, 0, 0),
	TXT(s903_ad1, foster_care, "FOSTER_CARE", S903_TEXT, false, NULL),
	TXT(s903_ad1, nb_adoptr, "NB_ADOPTR", S903_TEXT, false, NULL),
	TXT(s903_ad1, sex_adoptr, "SEX_ADOPTR", S903_TEXT, false, NULL),
	TXT(s903_ad1, ls_adoptr, "LS_ADOPTR", S903_TEXT, false, NULL),
};
static const struct s903_col placed_adoption_cols[] = {
	TXT(s903_placed_adoption, child, "CHILD", S903_ID, true, NULL),
	NUM(s903_placed_adoption, dob, "DOB", S903_DATE, true, 0, 0),
	NUM(s903_placed_adoption, date_placed, "DATE_PLACED", S903_DATE,
	    false, 0, 0),
	NUM(s903_placed_adoption, date_placed_ceased, "DATE_PLACED_CEASED",
	    S903_DATE, false, 0, 0),
	TXT(s903_placed_adoption, reason_placed_ceased,
	    "REASON_PLACED_CEASED", S903_TEXT, false, NULL),
};
static const struct s903_col prev_perm_cols[] = {
	TXT(s903_prev_perm, child, "CHILD", S903_ID, true, NULL),
	NUM(s903_prev_perm, dob, "DOB", S903_DATE, true, 0, 0),
	TXT(s903_prev_perm, prev_perm, "PREV_PERM", S903_TEXT, false, NULL),
	TXT(s903_prev_perm, la_perm, "LA_PERM", S903_TEXT, false, NULL),
	TXT(s903_prev_perm, date_perm, "DATE_PERM", S903_TEXT, false, NULL),
};
static const struct s903_col sw_episodes_cols[] = {
	TXT(s903_sw_episode, child, "CHILD", S903_ID, true, NULL),
	NUM(s903_sw_episode, dob, "DOB", S903_DATE, true, 0, 0),
	TXT(s903_sw_episode, sw_id, "SW_ID", S903_TEXT, false, NULL),
	NUM(s903_sw_episode, sw_decom, "SW_DECOM", S903_DATE, false, 0, 0),
	NUM(s903_sw_episode, sw_dec, "SW_DEC", S903_DATE, false, 0, 0),
	TXT(s903_sw_episode, sw_reason, "SW_REASON", S903_TEXT, false, NULL),
};
static const struct s903_col dolo_cols[] = {
	TXT(s903_dolo, child, "CHILD", S903_ID, true, NULL),
	NUM(s903_dolo, dob, "DOB", S903_DATE, true, 0, 0),
	NUM(s903_dolo, dolo_start, "DOLO_START", S903_DATE, false, 0, 0),
	NUM(s903_dolo, dolo_end, "DOLO_END", S903_DATE, false, 0, 0),
};

#define TABLE(id, name, file, cols, st)                                   \
	[id] = { id, name, file, cols, ARRAY_SIZE(cols), sizeof(struct st), \
		 offsetof(struct st, line) }

const struct s903_table_def s903_tables[S903_NTABLES] = {
	TABLE(S903_HEADER, "Header", "header.csv", header_cols, s903_header),
	TABLE(S903_EPISODES, "Episodes", "episodes.csv", episode_cols,
	      s903_episode),
	TABLE(S903_MISSING, "Missing", "missing.csv", missing_cols,
	      s903_missing),
	TABLE(S903_OC2, "OC2", "oc2.csv", oc2_cols, s903_oc2),
	TABLE(S903_REVIEWS, "Reviews", "reviews.csv", reviews_cols,
	      s903_review),
	TABLE(S903_UASC, "UASC", "uasc.csv", uasc_cols, s903_uasc),
	TABLE(S903_OC3, "OC3", "oc3.csv", oc3_cols, s903_oc3),
	TABLE(S903_AD1, "AD1", "ad1.csv", ad1_cols, s903_ad1),
	TABLE(S903_PLACED_ADOPTION, "PlacedAdoption", "placed_adoption.csv",
	      placed_adoption_cols, s903_placed_adoption),
	TABLE(S903_PREV_PERM, "PrevPerm", "prev_perm.csv", prev_perm_cols,
	      s903_prev_perm),
	TABLE(S903_SW_EPISODES, "SWEpisodes", "sw_episodes.csv",
	      sw_episodes_cols, s903_sw_episode),
	TABLE(S903_DOLO, "DoLo", "dolo.csv", dolo_cols, s903_dolo),
};

void s903_return_release(struct s903_return *r)
{
	free(r->header);
	free(r->episodes);
	free(r->missing);
	free(r->oc2);
	free(r->reviews);
	free(r->uasc);
	free(r->oc3);
	free(r->ad1);
	free(r->placed);
	free(r->prev_perm);
	free(r->sw);
	free(r->dolo);
	free(r->dropped);
	*r = (struct s903_return)S903_RETURN_INIT;
}

void s903_note_dropped(struct s903_return *r, const char *child)
{
	if (!*child)
		return;
	ALLOC_GROW(r->dropped, r->ndropped + 1, r->adropped);
	snprintf(r->dropped[r->ndropped++], S903_CHILD_MAX + 1, "%s", child);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(a, b);
}

bool s903_was_dropped(const struct s903_return *r, const char *child)
{
	return r->ndropped &&
	       bsearch(child, r->dropped, r->ndropped, sizeof(*r->dropped),
		       cmp_str);
}

/* Blank every date and integer of a fresh row, following its columns. */
static void row_blank(enum s903_table t, void *row)
{
	const struct s903_table_def *d = &s903_tables[t];

	memset(row, 0, d->rowsize);
	for (size_t i = 0; i < d->ncols; i++) {
		int32_t *p = (int32_t *)((char *)row + d->cols[i].off);

		if (d->cols[i].kind == S903_DATE)
			*p = DATE_NONE;
		else if (d->cols[i].kind == S903_INT)
			*p = -1;
	}
}

#define ADDER(fn, type, t, arr, n, a)                                     \
	type *fn(struct s903_return *r)                                   \
	{                                                                 \
		ALLOC_GROW(r->arr, r->n + 1, r->a);                       \
		row_blank(t, &r->arr[r->n]);                              \
		return &r->arr[r->n++];                                   \
	}
ADDER(s903_add_header, struct s903_header, S903_HEADER, header, nheader,
      aheader)
struct s903_episode *s903_add_episode(struct s903_return *r)
{
	struct s903_episode *e;

	ALLOC_GROW(r->episodes, r->nepisodes + 1, r->aepisodes);
	e = &r->episodes[r->nepisodes++];
	row_blank(S903_EPISODES, e);
	e->pl_distance = -1;
	return e;
}
ADDER(s903_add_missing, struct s903_missing, S903_MISSING, missing, nmissing,
      amissing)
ADDER(s903_add_oc2, struct s903_oc2, S903_OC2, oc2, noc2, aoc2)
static ADDER(add_review, struct s903_review, S903_REVIEWS, reviews, nreviews,
	     areviews)
static ADDER(add_uasc, struct s903_uasc, S903_UASC, uasc, nuasc, auasc)
static ADDER(add_oc3, struct s903_oc3, S903_OC3, oc3, noc3, aoc3)
static ADDER(add_ad1, struct s903_ad1, S903_AD1, ad1, nad1, aad1)
static ADDER(add_placed, struct s903_placed_adoption, S903_PLACED_ADOPTION,
	     placed, nplaced, aplaced)
static ADDER(add_prev_perm, struct s903_prev_perm, S903_PREV_PERM, prev_perm,
	     nprev_perm, aprev_perm)
static ADDER(add_sw, struct s903_sw_episode, S903_SW_EPISODES, sw, nsw, asw)
static ADDER(add_dolo, struct s903_dolo, S903_DOLO, dolo, ndolo, adolo)

void *s903_add_row(struct s903_return *r, enum s903_table t)
{
	switch (t) {
	case S903_HEADER: return s903_add_header(r);
	case S903_EPISODES: return s903_add_episode(r);
	case S903_MISSING: return s903_add_missing(r);
	case S903_OC2: return s903_add_oc2(r);
	case S903_REVIEWS: return add_review(r);
	case S903_UASC: return add_uasc(r);
	case S903_OC3: return add_oc3(r);
	case S903_AD1: return add_ad1(r);
	case S903_PLACED_ADOPTION: return add_placed(r);
	case S903_PREV_PERM: return add_prev_perm(r);
	case S903_SW_EPISODES: return add_sw(r);
	case S903_DOLO: return add_dolo(r);
	case S903_NTABLES: break;
	}
	BUG("s903_add_row for table %d", t);
}

/* Where table t's array and count live in r. */
static void table_slot(const struct s903_return *r, enum s903_table t,
		       void **rows, size_t **n)
{
	struct s903_return *w = (struct s903_return *)r;

	switch (t) {
#define SLOT(id, arr, cnt) case id: *rows = w->arr; *n = &w->cnt; return;
	SLOT(S903_HEADER, header, nheader)
	SLOT(S903_EPISODES, episodes, nepisodes)
	SLOT(S903_MISSING, missing, nmissing)
	SLOT(S903_OC2, oc2, noc2)
	SLOT(S903_REVIEWS, reviews, nreviews)
	SLOT(S903_UASC, uasc, nuasc)
	SLOT(S903_OC3, oc3, noc3)
	SLOT(S903_AD1, ad1, nad1)
	SLOT(S903_PLACED_ADOPTION, placed, nplaced)
	SLOT(S903_PREV_PERM, prev_perm, nprev_perm)
	SLOT(S903_SW_EPISODES, sw, nsw)
	SLOT(S903_DOLO, dolo, ndolo)
#undef SLOT
	case S903_NTABLES:
		break;
	}
	BUG("table_slot for table %d", t);
}

void *s903_rows(const struct s903_return *r, enum s903_table t, size_t *n)
{
	void *rows;
	size_t *cnt;

	table_slot(r, t, &rows, &cnt);
	*n = *cnt;
	return rows;
}

#define SHRINK(arr, n, a)                                                 \
	do {                                                              \
		if (r->a > r->n && r->n) {                                \
			r->arr = xreallocarray(r->arr, r->n, sizeof(*r->arr)); \
			r->a = r->n;                                      \
		}                                                         \
	} while (0)

void s903_shrink(struct s903_return *r)
{
	SHRINK(header, nheader, aheader);
	SHRINK(episodes, nepisodes, aepisodes);
	SHRINK(missing, nmissing, amissing);
	SHRINK(oc2, noc2, aoc2);
	SHRINK(reviews, nreviews, areviews);
	SHRINK(uasc, nuasc, auasc);
	SHRINK(oc3, noc3, aoc3);
	SHRINK(ad1, nad1, aad1);
	SHRINK(placed, nplaced, aplaced);
	SHRINK(prev_perm, nprev_perm, aprev_perm);
	SHRINK(sw, nsw, asw);
	SHRINK(dolo, ndolo, adolo);
}
#undef SHRINK

void s903_drop_row(struct s903_return *r, enum s903_table t)
{
	void *rows;
	size_t *cnt;

	table_slot(r, t, &rows, &cnt);
	if (!*cnt)
		BUG("s903_drop_row on empty table %d", t);
	(*cnt)--;
	s903_note_dropped(r, (const char *)rows +
			  *cnt * s903_tables[t].rowsize);
}

int s903_detect(const char *const *names, size_t n)
{
	int best = -1;
	size_t best_hits = 0, best_ncols = 0;

	for (int t = 0; t < S903_NTABLES; t++) {
		const struct s903_table_def *d = &s903_tables[t];
		size_t hits = 0;

		for (size_t i = 0; i < d->ncols; i++)
			for (size_t j = 0; j < n; j++)
				if (!strcmp(d->cols[i].name, names[j])) {
					hits++;
					break;
				}
		/* prefer more shared columns, then the tighter table */
		if (hits * 2 < d->ncols)
			continue;
		if (hits > best_hits ||
		    (hits == best_hits && d->ncols < best_ncols)) {
			best = t;
			best_hits = hits;
			best_ncols = d->ncols;
		}
	}
	return best;
}

static bool id_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '/';
}

static bool upn_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 3 && s[0] == 'U' && s[1] == 'N' && s[2] >= '1' && s[2] <= '5')
		return true;
	if (n != 13 || s[0] < 'A' || s[0] > 'Z')
		return false;
	for (size_t i = 1; i < 12; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return (s[12] >= '0' && s[12] <= '9') || (s[12] >= 'A' && s[12] <= 'Z');
}

const char *s903_parse_field(const struct s903_col *col, const char *text,
			     void *row, char *msg, size_t msgsize)
{
	char *dst = (char *)row + col->off;
	int32_t *num = (int32_t *)dst;
	size_t len = strlen(text);

	msg[0] = '\0';
	if (!len) {
		if (col->required) {
			snprintf(msg, msgsize, "%s must not be blank",
				 col->name);
			return "required";
		}
		return NULL;	/* row_blank() already set the blank */
	}
	switch (col->kind) {
	case S903_ID:
		for (size_t i = 0; i < len; i++)
			if (!id_char(text[i]))
				goto bad_id;
		if (len >= col->size)
			goto bad_id;
		memcpy(dst, text, len + 1);
		return NULL;
	bad_id:
		snprintf(msg, msgsize,
			 "%s must be 1 to %zu letters, digits, '-', '_' or '/'",
			 col->name, col->size - 1);
		return "id";
	case S903_DATE:
		if (parse_date_dmy(text, num)) {
			snprintf(msg, msgsize,
				 "%s \"%.16s\" is not a valid date written dd/mm/yyyy",
				 col->name, text);
			return "date";
		}
		return NULL;
	case S903_CODE:
		if (code_find(col->codes, text) < 0) {
			snprintf(msg, msgsize,
				 "%s \"%.16s\" is not in the %s code list "
				 "(DfE rule %s)",
				 col->name, text, col->codes->name,
				 col->codes->dfe_rule);
			return "code";
		}
		memcpy(dst, text, len + 1);
		return NULL;
	case S903_INT:
		if (parse_int(text, col->min, col->max, num)) {
			snprintf(msg, msgsize,
				 "%s \"%.16s\" is not a whole number from %d to %d",
				 col->name, text, col->min, col->max);
			return "integer";
		}
		return NULL;
	case S903_POSTCODE:
		if (postcode_normalise(text, dst) == POSTCODE_BAD) {
			snprintf(msg, msgsize,
				 "%s \"%.16s\" is not a UK postcode or postcode district",
				 col->name, text);
			return "postcode";
		}
		return NULL;
	case S903_UPN:
		if (!upn_ok(text)) {
			snprintf(msg, msgsize,
				 "%s \"%.16s\" is not a unique pupil number "
				 "(letter and 12 characters) or UN1 to UN5",
				 col->name, text);
			return "upn";
		}
		memcpy(dst, text, len + 1);
		return NULL;
	case S903_URN:
		for (size_t i = 0; i < len; i++)
			if (!id_char(text[i]) || text[i] == '/' ||
			    text[i] == '_')
				goto bad_urn;
		if (len >= col->size)
			goto bad_urn;
		memcpy(dst, text, len + 1);
		return NULL;
	bad_urn:
		snprintf(msg, msgsize,
			 "%s must be 1 to %zu letters, digits or '-'",
			 col->name, col->size - 1);
		return "urn";
	case S903_TEXT:
		for (size_t i = 0; i < len; i++)
			if (text[i] < 0x20 || text[i] > 0x7e)
				goto bad_text;
		if (len >= col->size)
			goto bad_text;
		memcpy(dst, text, len + 1);
		return NULL;
	bad_text:
		snprintf(msg, msgsize,
			 "%s must be 1 to %zu printable ASCII characters",
			 col->name, col->size - 1);
		return "text";
	}
	return NULL;
}

void s903_format_field(const struct s903_col *col, const void *row, char *out,
		       size_t outsize)
{
	const char *src = (const char *)row + col->off;
	int32_t num;

	out[0] = '\0';
	switch (col->kind) {
	case S903_DATE:
		memcpy(&num, src, sizeof(num));
		if (num != DATE_NONE && outsize >= DATE_STR_MAX)
			date_fmt_dmy(num, out);
		break;
	case S903_INT:
		memcpy(&num, src, sizeof(num));
		if (num >= 0)
			snprintf(out, outsize, "%d", (int)num);
		break;
	default:
		snprintf(out, outsize, "%s", src);
		break;
	}
}

/* ---- whole-return checks ---------------------------------------------- */

static int cmp_header(const void *a, const void *b)
{
	const struct s903_header *x = a, *y = b;
	int c = strcmp(x->child, y->child);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* By child, then by source line: the order a council wrote them in. */
static int cmp_episode_line(const void *a, const void *b)
{
	const struct s903_episode *x = a, *y = b;
	int c = strcmp(x->child, y->child);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int cmp_episode(const void *a, const void *b)
{
	const struct s903_episode *x = a, *y = b;
	int c = strcmp(x->child, y->child);

	if (c)
		return c;
	if (x->decom != y->decom)
		return x->decom < y->decom ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static int cmp_missing(const void *a, const void *b)
{
	const struct s903_missing *x = a, *y = b;
	int c = strcmp(x->child, y->child);

	if (c)
		return c;
	if (x->mis_start != y->mis_start)
		return x->mis_start < y->mis_start ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static int cmp_oc2(const void *a, const void *b)
{
	const struct s903_oc2 *x = a, *y = b;
	int c = strcmp(x->child, y->child);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* The later tables: by child, then a date, then the line. */
#define CMP_BY(fn, st, when)                                              \
	static int fn(const void *a, const void *b)                       \
	{                                                                 \
		const struct st *x = a, *y = b;                           \
		int c = strcmp(x->child, y->child);                       \
                                                                          \
		if (c)                                                    \
			return c;                                         \
		if (x->when != y->when)                                   \
			return x->when < y->when ? -1 : 1;                \
		return (x->line > y->line) - (x->line < y->line);         \
	}
CMP_BY(cmp_review, s903_review, review)
CMP_BY(cmp_uasc, s903_uasc, duc)
CMP_BY(cmp_oc3, s903_oc3, dob)
CMP_BY(cmp_ad1, s903_ad1, date_int)
CMP_BY(cmp_placed, s903_placed_adoption, date_placed)
CMP_BY(cmp_prev_perm, s903_prev_perm, dob)
CMP_BY(cmp_sw, s903_sw_episode, sw_decom)
CMP_BY(cmp_dolo, s903_dolo, dolo_start)
#undef CMP_BY

/*
 * qsort unless already in order: a return is sorted by s903_check() and
 * loaded sorted from the store, then sorted again by the DfE rules' run;
 * checking is one pass, sorting 150,000 rows is not.
 */
static void sort_rows(void *rows, size_t n, size_t size,
		      int (*cmp)(const void *, const void *))
{
	const char *p = rows;

	for (size_t i = 1; i < n; i++)
		if (cmp(p + (i - 1) * size, p + i * size) > 0) {
			qsort(rows, n, size, cmp);
			return;
		}
}

void s903_sort(struct s903_return *r)
{
	static int (*const cmp[S903_NTABLES])(const void *, const void *) = {
		[S903_HEADER] = cmp_header, [S903_EPISODES] = cmp_episode,
		[S903_MISSING] = cmp_missing, [S903_OC2] = cmp_oc2,
		[S903_REVIEWS] = cmp_review, [S903_UASC] = cmp_uasc,
		[S903_OC3] = cmp_oc3, [S903_AD1] = cmp_ad1,
		[S903_PLACED_ADOPTION] = cmp_placed,
		[S903_PREV_PERM] = cmp_prev_perm,
		[S903_SW_EPISODES] = cmp_sw, [S903_DOLO] = cmp_dolo,
	};

	for (int t = 0; t < S903_NTABLES; t++) {
		size_t n;
		void *rows = s903_rows(r, (enum s903_table)t, &n);

		sort_rows(rows, n, s903_tables[t].rowsize, cmp[t]);
	}
}

static int cmp_episode_ptr(const void *a, const void *b)
{
	return cmp_episode(*(const struct s903_episode *const *)a,
			   *(const struct s903_episode *const *)b);
}

size_t s903_rpc_to_ending(struct s903_return *r, size_t *dropped)
{
	struct s903_episode **by;
	size_t n = r->nepisodes, moved = 0;

	*dropped = 0;
	if (!n)
		return 0;
	by = xcalloc(n, sizeof(*by));
	for (size_t i = 0; i < n; i++)
		by[i] = &r->episodes[i];
	qsort(by, n, sizeof(*by), cmp_episode_ptr);
	/*
	 * Forwards, each episode takes its successor's reason before the
	 * successor gives up its own: the reason for the change into episode
	 * i+1 describes why episode i ended.  A child's first episode in the
	 * return has no earlier one here to take its reason (that episode
	 * ended in the previous year's return): it is dropped.
	 */
	for (size_t i = 0; i < n; i++) {
		struct s903_episode *e = by[i];
		bool last = i + 1 == n || strcmp(by[i + 1]->child, e->child);

		if ((i == 0 || strcmp(by[i - 1]->child, e->child)) &&
		    e->reason_place_change[0])
			(*dropped)++;
		if (last) {
			e->reason_place_change[0] = '\0';
			continue;
		}
		memcpy(e->reason_place_change, by[i + 1]->reason_place_change,
		       sizeof(e->reason_place_change));
		moved += e->reason_place_change[0] != '\0';
	}
	free(by);
	return moved;
}

int s903_infer_year(const struct s903_return *r)
{
	int32_t last = DATE_NONE;

#define LATEST(v) do { if ((v) != DATE_NONE && (v) > last) last = (v); } while (0)
	for (size_t i = 0; i < r->nepisodes; i++) {
		LATEST(r->episodes[i].decom);
		LATEST(r->episodes[i].dec);
	}
	for (size_t i = 0; i < r->nmissing; i++) {
		LATEST(r->missing[i].mis_start);
		LATEST(r->missing[i].mis_end);
	}
#undef LATEST
	return last == DATE_NONE ? 0 : year_of_day(last);
}

struct checker {
	s903_problem_fn *fn;
	void *ctx;
	size_t n;
};

static void problem(struct checker *c, enum s903_table t, uint32_t line,
		    const char *column, const char *rule, const char *fmt, ...)
	PRINTF_LIKE(6, 7);

static void problem(struct checker *c, enum s903_table t, uint32_t line,
		    const char *column, const char *rule, const char *fmt, ...)
{
	struct s903_problem p = { t, line, column, rule, "" };
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p.msg, sizeof(p.msg), fmt, ap);
	va_end(ap);
	c->fn(&p, c->ctx);
	c->n++;
}

static const struct s903_header *find_child(const struct s903_return *r,
					    const char *child)
{
	size_t lo = 0, hi = r->nheader;

	/* header is sorted by child then line: find the first match */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(r->header[mid].child, child) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < r->nheader && !strcmp(r->header[lo].child, child))
		return &r->header[lo];
	return NULL;
}

static void check_header(struct checker *c, struct s903_return *r)
{
	int32_t end = r->year ? year_end(r->year) : DATE_NONE;
	char d[DATE_STR_MAX];

	for (size_t i = 0; i < r->nheader; i++) {
		const struct s903_header *h = &r->header[i];

		if (i && !strcmp(h->child, r->header[i - 1].child))
			problem(c, S903_HEADER, h->line, "CHILD",
				"child-duplicate",
				"child %s is already in Header at line %u",
				h->child, r->header[i - 1].line);
		if (end != DATE_NONE && h->dob > end) {
			date_fmt_dmy(end, d);
			problem(c, S903_HEADER, h->line, "DOB", "year-range",
				"DOB is after the end of the return year (%s)",
				d);
		}
	}
}

static void check_episodes(struct checker *c, struct s903_return *r)
{
	int32_t start = r->year ? year_start(r->year) : DATE_NONE;
	int32_t end = r->year ? year_end(r->year) : DATE_NONE;
	char d1[DATE_STR_MAX], d2[DATE_STR_MAX];

	if (r->nepisodes)
		qsort(r->episodes, r->nepisodes, sizeof(*r->episodes),
		      cmp_episode_line);
	for (size_t i = 0; i < r->nepisodes; i++) {
		const struct s903_episode *e = &r->episodes[i];
		const struct s903_episode *p = i ? &r->episodes[i - 1] : NULL;

		if (p && strcmp(p->child, e->child))
			p = NULL;
		if (!p && !r->incomplete[S903_HEADER] &&
		    !find_child(r, e->child) && !s903_was_dropped(r, e->child))
			problem(c, S903_EPISODES, e->line, "CHILD",
				"child-not-in-header",
				"child %s has episodes but is not in Header",
				e->child);
		if (e->dec != DATE_NONE && e->dec < e->decom) {
			date_fmt_dmy(e->decom, d1);
			problem(c, S903_EPISODES, e->line, "DEC",
				"episode-dates",
				"DEC is before DECOM (%s)", d1);
		}
		if (end != DATE_NONE && e->decom > end) {
			date_fmt_dmy(end, d1);
			problem(c, S903_EPISODES, e->line, "DECOM",
				"year-range",
				"DECOM is after the end of the return year (%s)",
				d1);
		}
		if (start != DATE_NONE && e->dec != DATE_NONE &&
		    (e->dec < start || e->dec > end)) {
			date_fmt_dmy(start, d1);
			date_fmt_dmy(end, d2);
			problem(c, S903_EPISODES, e->line, "DEC", "year-range",
				"DEC is outside the return year (%s to %s)",
				d1, d2);
		}
		if (!p)
			continue;
		date_fmt_dmy(p->decom, d1);
		if (e->decom < p->decom) {
			problem(c, S903_EPISODES, e->line, "DECOM",
				"episode-order",
				"episodes of child %s are out of order: this one "
				"starts before the one at line %u (%s)",
				e->child, p->line, d1);
		} else if (p->dec == DATE_NONE) {
			problem(c, S903_EPISODES, e->line, "DECOM",
				"episode-overlap",
				"child %s's episode at line %u (from %s) is still "
				"open when this one starts",
				e->child, p->line, d1);
		} else if (e->decom < p->dec) {
			date_fmt_dmy(p->dec, d2);
			problem(c, S903_EPISODES, e->line, "DECOM",
				"episode-overlap",
				"overlaps child %s's episode at line %u "
				"(%s to %s)",
				e->child, p->line, d1, d2);
		} else if (e->rne[0] != 'S' && e->decom != p->dec) {
			date_fmt_dmy(p->dec, d2);
			problem(c, S903_EPISODES, e->line, "DECOM",
				"episode-continuity",
				"RNE %s continues a period of care, so DECOM must "
				"equal the previous episode's DEC (%s, line %u)",
				e->rne, d2, p->line);
		}
	}
	/* every child in Header needs an episode in the return */
	for (size_t i = 0; !r->incomplete[S903_EPISODES] && i < r->nheader;
	     i++) {
		const struct s903_header *h = &r->header[i];
		size_t lo = 0, hi = r->nepisodes;

		if ((i && !strcmp(h->child, r->header[i - 1].child)) ||
		    s903_was_dropped(r, h->child))
			continue;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (strcmp(r->episodes[mid].child, h->child) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo >= r->nepisodes || strcmp(r->episodes[lo].child, h->child))
			problem(c, S903_HEADER, h->line, "CHILD",
				"child-no-episode",
				"child %s is in Header but has no episode",
				h->child);
	}
}

static void check_missing(struct checker *c, struct s903_return *r)
{
	int32_t start = r->year ? year_start(r->year) : DATE_NONE;
	int32_t end = r->year ? year_end(r->year) : DATE_NONE;
	char d1[DATE_STR_MAX], d2[DATE_STR_MAX];

	if (r->nmissing)
		qsort(r->missing, r->nmissing, sizeof(*r->missing),
		      cmp_missing);
	for (size_t i = 0; i < r->nmissing; i++) {
		const struct s903_missing *m = &r->missing[i];
		const struct s903_missing *p = i ? &r->missing[i - 1] : NULL;
		const struct s903_header *h;

		if (p && strcmp(p->child, m->child))
			p = NULL;
		h = find_child(r, m->child);
		if (!h) {
			if (!p && !r->incomplete[S903_HEADER] &&
			    !s903_was_dropped(r, m->child))
				problem(c, S903_MISSING, m->line, "CHILD",
					"child-not-in-header",
					"child %s has missing periods but is "
					"not in Header", m->child);
		} else if (h->invalid) {
			/* its DOB was already reported */
		} else if (h->dob != m->dob) {
			date_fmt_dmy(h->dob, d1);
			problem(c, S903_MISSING, m->line, "DOB",
				"dob-mismatch",
				"DOB differs from Header (%s, line %u)", d1,
				h->line);
		} else if (m->mis_start < h->dob) {
			problem(c, S903_MISSING, m->line, "MIS_START",
				"missing-dates",
				"MIS_START is before the child's DOB");
		}
		if (m->mis_end != DATE_NONE && m->mis_end < m->mis_start)
			problem(c, S903_MISSING, m->line, "MIS_END",
				"missing-dates",
				"MIS_END is before MIS_START");
		if (end != DATE_NONE &&
		    (m->mis_start > end ||
		     (m->mis_end != DATE_NONE && m->mis_end < start))) {
			date_fmt_dmy(start, d1);
			date_fmt_dmy(end, d2);
			problem(c, S903_MISSING, m->line, "MIS_START",
				"year-range",
				"missing period is outside the return year "
				"(%s to %s)", d1, d2);
		}
		if (!p)
			continue;
		date_fmt_dmy(p->mis_start, d1);
		if (p->mis_end == DATE_NONE)
			problem(c, S903_MISSING, m->line, "MIS_START",
				"missing-overlap",
				"child %s's missing period at line %u (from %s) "
				"has no end, so none can follow it",
				m->child, p->line, d1);
		else if (m->mis_start < p->mis_end) {
			date_fmt_dmy(p->mis_end, d2);
			problem(c, S903_MISSING, m->line, "MIS_START",
				"missing-overlap",
				"overlaps child %s's missing period at line %u "
				"(%s to %s)", m->child, p->line, d1, d2);
		}
	}
}

static void check_oc2(struct checker *c, struct s903_return *r)
{
	char d1[DATE_STR_MAX];

	if (r->noc2)
		qsort(r->oc2, r->noc2, sizeof(*r->oc2), cmp_oc2);
	for (size_t i = 0; i < r->noc2; i++) {
		const struct s903_oc2 *o = &r->oc2[i];
		const struct s903_header *h = find_child(r, o->child);

		if (i && !strcmp(o->child, r->oc2[i - 1].child))
			problem(c, S903_OC2, o->line, "CHILD",
				"child-duplicate",
				"child %s already has an OC2 row at line %u",
				o->child, r->oc2[i - 1].line);
		if (!h) {
			if (!r->incomplete[S903_HEADER] &&
			    !s903_was_dropped(r, o->child))
				problem(c, S903_OC2, o->line, "CHILD",
				"child-not-in-header",
				"child %s has an OC2 row but is not in Header",
				o->child);
		} else if (!h->invalid && h->dob != o->dob) {
			date_fmt_dmy(h->dob, d1);
			problem(c, S903_OC2, o->line, "DOB", "dob-mismatch",
				"DOB differs from Header (%s, line %u)", d1,
				h->line);
		}
	}
}

/*
 * The later tables: every CHILD must be in Header, as in the others (the
 * store links each row to its child).  Their DOB and SEX are kept as
 * written; the DfE's rules compare them with Header.
 */
static void check_later(struct checker *c, struct s903_return *r)
{
	if (r->incomplete[S903_HEADER])
		return;
	for (int t = S903_REVIEWS; t < S903_NTABLES; t++) {
		const struct s903_table_def *d = &s903_tables[t];
		size_t n;
		const char *rows = s903_rows(r, (enum s903_table)t, &n);

		for (size_t i = 0; i < n; i++) {
			const char *row = rows + i * d->rowsize;
			uint32_t line;

			if (find_child(r, row) || s903_was_dropped(r, row))
				continue;
			memcpy(&line, row + d->line_off, sizeof(line));
			problem(c, (enum s903_table)t, line, "CHILD",
				"child-not-in-header",
				"child %s has a %s row but is not in Header",
				row, d->name);
		}
	}
}

size_t s903_check(struct s903_return *r, s903_problem_fn *fn, void *ctx)
{
	struct checker c = { fn, ctx, 0 };

	if (r->ndropped)
		qsort(r->dropped, r->ndropped, sizeof(*r->dropped), cmp_str);
	if (r->nheader)
		qsort(r->header, r->nheader, sizeof(*r->header), cmp_header);
	check_header(&c, r);
	check_episodes(&c, r);
	check_missing(&c, r);
	check_oc2(&c, r);
	check_later(&c, r);
	s903_sort(r);
	return c.n;
}
