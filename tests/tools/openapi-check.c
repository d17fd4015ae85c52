/*
 * openapi-check.c: check live API answers against docs/openapi.json, the
 * API's OpenAPI 3.0 description (tests/t/t0820-api.sh runs it).
 *
 *	openapi-check SPEC lint
 *		the description itself: every $ref resolves, every schema
 *		uses only the keywords below and says whether an object may
 *		have other members, every operation has a JSON schema for each
 *		answer and, unless it needs no token, a 401
 *	openapi-check SPEC routes
 *		"GET /api/v1/..." for every operation, one a line
 *	openapi-check SPEC response METHOD PATH STATUS FILE
 *		FILE (a JSON body) is a valid answer of the operation whose
 *		path template matches PATH (a concrete path; a query is
 *		ignored) with STATUS: the status must be documented and the
 *		body must match its schema
 *	openapi-check SPEC schema NAME FILE
 *		FILE matches components.schemas.NAME (answers that belong to
 *		no operation, such as a 405 for a method there is none of)
 *
 * A small validator of the OpenAPI 3.0 schema subset the description
 * uses: $ref (local), type, nullable, required, properties,
 * additionalProperties (false or a schema), items, enum, format "date"
 * (yyyy-mm-dd, a real day), minimum, maximum, minItems, anyOf, allOf,
 * and the annotations description, title and example.  A schema keyword
 * it does not know is an error rather than silently unchecked.  Exit 0
 * valid, 1 not valid (each problem on standard error with the JSON
 * pointer of the value), 2 for a usage or input error.
 */
#include "base/compat.h"
#include <strings.h>
#include <jansson.h>
#include "base/parse.h"

#define DEPTH_MAX 64
#define PTR_MAX 1024

struct ctx {
	json_t *spec;
	const char *what;	/* the file being checked, for messages */
	long errors;
	int quiet;		/* inside anyOf: count, do not print */
	char ptr[PTR_MAX];	/* JSON pointer of the value checked */
	size_t plen;
};

static void problem(struct ctx *c, const char *fmt, ...) PRINTF_LIKE(2, 3);

static void problem(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	c->errors++;
	if (c->quiet)
		return;
	fprintf(stderr, "openapi-check: %s: %s: ", c->what,
		c->plen ? c->ptr : "/");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Append "/name" (or "/index") to the pointer; returns the old length. */
static size_t ptr_push(struct ctx *c, const char *name)
{
	size_t old = c->plen;
	int n = snprintf(c->ptr + c->plen, sizeof(c->ptr) - c->plen, "/%s",
			 name);

	if (n > 0 && (size_t)n < sizeof(c->ptr) - c->plen)
		c->plen += (size_t)n;
	else
		c->ptr[c->plen] = '\0';
	return old;
}

static void ptr_pop(struct ctx *c, size_t old)
{
	c->plen = old;
	c->ptr[old] = '\0';
}

static const char *type_of(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "object";
	case JSON_ARRAY:
		return "array";
	case JSON_STRING:
		return "string";
	case JSON_INTEGER:
		return "integer";
	case JSON_REAL:
		return "number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "boolean";
	case JSON_NULL:
		return "null";
	}
	return "?";
}

/* A local reference "#/a/b" (with ~0 and ~1 escapes), or NULL. */
static json_t *resolve(json_t *spec, const char *ref)
{
	json_t *at = spec;
	char tok[256];

	if (strncmp(ref, "#/", 2))
		return NULL;
	ref += 2;
	while (at && *ref) {
		size_t n = 0;

		while (*ref && *ref != '/') {
			char ch = *ref++;

			if (ch == '~' && (*ref == '0' || *ref == '1'))
				ch = *ref++ == '0' ? '~' : '/';
			if (n + 1 >= sizeof(tok))
				return NULL;
			tok[n++] = ch;
		}
		tok[n] = '\0';
		if (*ref == '/')
			ref++;
		at = json_object_get(at, tok);
	}
	return at;
}

/* x itself, or what its "$ref" names (NULL if that does not resolve). */
static const json_t *deref(struct ctx *c, const json_t *x)
{
	const json_t *ref = json_object_get(x, "$ref");

	if (!ref)
		return x;
	return json_is_string(ref) ? resolve(c->spec, json_string_value(ref))
				   : NULL;
}

static const char *const known_keywords[] = {
	"$ref", "type", "nullable", "required", "properties",
	"additionalProperties", "items", "enum", "format", "minimum",
	"maximum", "minItems", "anyOf", "allOf", "description", "title",
	"example", NULL
};

static bool keyword_known(const char *k)
{
	for (size_t i = 0; known_keywords[i]; i++)
		if (!strcmp(k, known_keywords[i]))
			return true;
	return false;
}

static bool type_matches(const char *type, const json_t *v)
{
	if (!strcmp(type, "object"))
		return json_is_object(v);
	if (!strcmp(type, "array"))
		return json_is_array(v);
	if (!strcmp(type, "string"))
		return json_is_string(v);
	if (!strcmp(type, "integer"))
		return json_is_integer(v);
	if (!strcmp(type, "number"))
		return json_is_number(v);
	if (!strcmp(type, "boolean"))
		return json_is_boolean(v);
	return false;
}

static bool date_ok(const char *s)
{
	int32_t day;

	return strlen(s) == 10 && !parse_date_iso(s, &day);
}

static void validate(struct ctx *c, const json_t *schema, const json_t *v,
		     int depth);

/* Every keyword of schema is known (else a problem), in both modes. */
static void check_keywords(struct ctx *c, const json_t *schema)
{
	const char *k;
	json_t *x;

	json_object_foreach((json_t *)schema, k, x) {
		if (!keyword_known(k))
			problem(c, "schema keyword \"%s\" is not checked by "
				"openapi-check", k);
	}
	(void)x;
}

static void validate_object(struct ctx *c, const json_t *schema,
			    const json_t *v, int depth)
{
	const json_t *props = json_object_get(schema, "properties");
	const json_t *extra = json_object_get(schema, "additionalProperties");
	const json_t *req = json_object_get(schema, "required");
	const char *k;
	json_t *m;
	size_t i;

	json_array_foreach(req, i, m) {
		if (json_is_string(m) &&
		    !json_object_get(v, json_string_value(m)))
			problem(c, "required member \"%s\" is missing",
				json_string_value(m));
	}
	json_object_foreach((json_t *)v, k, m) {
		const json_t *sub = props ? json_object_get(props, k) : NULL;
		size_t old = ptr_push(c, k);

		if (sub)
			validate(c, sub, m, depth + 1);
		else if (json_is_false(extra))
			problem(c, "member not in the schema");
		else if (json_is_object(extra))
			validate(c, extra, m, depth + 1);
		ptr_pop(c, old);
	}
}

static void validate(struct ctx *c, const json_t *schema, const json_t *v,
		     int depth)
{
	const json_t *ref, *type, *en, *fmt, *any, *all, *x;
	size_t i;

	if (depth > DEPTH_MAX) {
		problem(c, "nested too deep");
		return;
	}
	if (!json_is_object(schema)) {
		problem(c, "the schema is not an object");
		return;
	}
	ref = json_object_get(schema, "$ref");
	if (ref) {
		const json_t *to = json_is_string(ref) ?
			resolve(c->spec, json_string_value(ref)) : NULL;

		if (!to) {
			problem(c, "$ref %s does not resolve",
				json_is_string(ref) ? json_string_value(ref)
						    : "(not a string)");
			return;
		}
		validate(c, to, v, depth + 1);
		return;
	}
	check_keywords(c, schema);
	if (json_is_null(v)) {
		if (json_is_true(json_object_get(schema, "nullable")))
			return;
		if (json_object_get(schema, "type")) {
			problem(c, "null where the schema does not allow it");
			return;
		}
	}
	type = json_object_get(schema, "type");
	if (type && (!json_is_string(type) ||
		     !type_matches(json_string_value(type), v))) {
		problem(c, "expected %s, got %s",
			json_is_string(type) ? json_string_value(type) : "?",
			type_of(v));
		return;
	}
	en = json_object_get(schema, "enum");
	if (en) {
		bool found = false;

		json_array_foreach(en, i, x) {
			if (json_equal((json_t *)x, (json_t *)v))
				found = true;
		}
		if (!found)
			problem(c, "not one of the values the schema allows");
	}
	fmt = json_object_get(schema, "format");
	if (fmt && json_is_string(v)) {
		if (!strcmp(json_string_value(fmt), "date")) {
			if (!date_ok(json_string_value(v)))
				problem(c, "\"%s\" is not a date yyyy-mm-dd",
					json_string_value(v));
		} else if (strcmp(json_string_value(fmt), "email")) {
			problem(c, "format \"%s\" is not checked",
				json_string_value(fmt));
		}
	}
	if (json_is_number(v)) {
		x = json_object_get(schema, "minimum");
		if (x && json_number_value(v) < json_number_value(x))
			problem(c, "below the minimum");
		x = json_object_get(schema, "maximum");
		if (x && json_number_value(v) > json_number_value(x))
			problem(c, "above the maximum");
	}
	any = json_object_get(schema, "anyOf");
	if (any) {
		bool one = false;
		long before = c->errors;

		c->quiet++;
		json_array_foreach(any, i, x) {
			long e = c->errors;

			validate(c, x, v, depth + 1);
			if (c->errors == e)
				one = true;
		}
		c->quiet--;
		c->errors = before;
		if (!one)
			problem(c, "matches none of anyOf");
	}
	all = json_object_get(schema, "allOf");
	json_array_foreach(all, i, x) {
		validate(c, x, v, depth + 1);
	}
	if (json_is_object(v)) {
		validate_object(c, schema, v, depth);
	} else if (json_is_array(v)) {
		const json_t *items = json_object_get(schema, "items");
		const json_t *min = json_object_get(schema, "minItems");

		if (min && (json_int_t)json_array_size(v) <
		    json_integer_value(min))
			problem(c, "fewer items than the minimum");
		json_array_foreach(v, i, x) {
			char idx[32];
			size_t old;

			snprintf(idx, sizeof(idx), "%zu", i);
			old = ptr_push(c, idx);
			if (items)
				validate(c, items, x, depth + 1);
			ptr_pop(c, old);
		}
	}
}

/* ---- lint: the schemas themselves ---------------------------------------- */

static void lint_schema(struct ctx *c, const json_t *schema, int depth)
{
	const json_t *x, *type;
	const char *k;
	size_t i;

	if (depth > DEPTH_MAX || !json_is_object(schema)) {
		problem(c, "not a schema");
		return;
	}
	x = json_object_get(schema, "$ref");
	if (x) {
		if (!json_is_string(x) ||
		    !resolve(c->spec, json_string_value(x)))
			problem(c, "$ref does not resolve");
		return;
	}
	check_keywords(c, schema);
	type = json_object_get(schema, "type");
	if (type && (!json_is_string(type) ||
		     !strstr(" object array string integer number boolean ",
			     json_string_value(type))))
		problem(c, "unknown type");
	if (json_is_string(type) && !strcmp(json_string_value(type), "object")
	    && !json_object_get(schema, "additionalProperties"))
		problem(c, "an object schema must say additionalProperties");
	x = json_object_get(schema, "properties");
	json_object_foreach((json_t *)x, k, type) {
		size_t old = ptr_push(c, k);

		lint_schema(c, type, depth + 1);
		ptr_pop(c, old);
	}
	x = json_object_get(schema, "required");
	json_array_foreach(x, i, type) {
		const json_t *props = json_object_get(schema, "properties");

		if (!json_is_string(type) ||
		    !json_object_get(props, json_string_value(type)))
			problem(c, "required member without a property");
	}
	x = json_object_get(schema, "additionalProperties");
	if (json_is_object(x))
		lint_schema(c, x, depth + 1);
	else if (x && !json_is_false(x) && !json_is_true(x))
		problem(c, "additionalProperties is neither a schema nor a "
			"boolean");
	x = json_object_get(schema, "items");
	if (x)
		lint_schema(c, x, depth + 1);
	if (json_is_string(json_object_get(schema, "type")) &&
	    !strcmp(json_string_value(json_object_get(schema, "type")),
		    "array") && !x)
		problem(c, "an array schema needs items");
	x = json_object_get(schema, "anyOf");
	json_array_foreach(x, i, type)
		lint_schema(c, type, depth + 1);
	x = json_object_get(schema, "allOf");
	json_array_foreach(x, i, type)
		lint_schema(c, type, depth + 1);
}

static const char *const methods[] = {
	"get", "put", "post", "delete", "options", "head", "patch", NULL
};

static int lint(struct ctx *c)
{
	const json_t *paths = json_object_get(c->spec, "paths");
	const json_t *schemas = resolve(c->spec, "#/components/schemas");
	const char *path, *k;
	json_t *item, *s;

	if (!json_is_string(json_object_get(c->spec, "openapi")) ||
	    strncmp(json_string_value(json_object_get(c->spec, "openapi")),
		    "3.0.", 4))
		problem(c, "not an OpenAPI 3.0 document");
	if (!resolve(c->spec, "#/components/securitySchemes/bearer"))
		problem(c, "no bearer security scheme");
	json_object_foreach((json_t *)schemas, k, s) {
		size_t old = ptr_push(c, k);

		lint_schema(c, s, 0);
		ptr_pop(c, old);
	}
	json_object_foreach((json_t *)paths, path, item) {
		for (size_t m = 0; methods[m]; m++) {
			const json_t *op = json_object_get(item, methods[m]);
			const json_t *res, *sec;
			const char *status;
			json_t *r;
			size_t old;

			if (!op)
				continue;
			old = ptr_push(c, path);
			ptr_push(c, methods[m]);
			res = json_object_get(op, "responses");
			sec = json_object_get(op, "security");
			if (!json_object_get(res, "200"))
				problem(c, "no 200 answer");
			if (!(json_is_array(sec) && !json_array_size(sec)) &&
			    !json_object_get(res, "401"))
				problem(c, "needs a token but has no 401");
			json_object_foreach((json_t *)res, status, r) {
				const json_t *body = r;

				body = deref(c, body);
				body = json_object_get(json_object_get(
					json_object_get(body, "content"),
					"application/json"), "schema");
				if (!body)
					problem(c, "answer %s has no JSON "
						"schema", status);
				else
					lint_schema(c, body, 0);
			}
			ptr_pop(c, old);
		}
	}
	return c->errors ? 1 : 0;
}

static int routes(struct ctx *c)
{
	const json_t *paths = json_object_get(c->spec, "paths");
	const char *path;
	json_t *item;

	json_object_foreach((json_t *)paths, path, item) {
		for (size_t m = 0; methods[m]; m++) {
			if (!json_object_get(item, methods[m]))
				continue;
			for (const char *p = methods[m]; *p; p++)
				putchar(*p - 'a' + 'A');
			printf(" %s\n", path);
		}
	}
	return 0;
}

/* ---- one answer ---------------------------------------------------------- */

/*
 * How well template t matches path p: -1 not at all, else the number of
 * literal segments (a literal beats a {name}).
 */
static int match_score(const char *t, const char *p)
{
	int score = 0;

	for (;;) {
		const char *te = strchr(t, '/'), *pe = strchr(p, '/');
		size_t tl = te ? (size_t)(te - t) : strlen(t);
		size_t pl = pe ? (size_t)(pe - p) : strlen(p);

		if (tl > 1 && t[0] == '{' && t[tl - 1] == '}') {
			if (!pl)
				return -1;
		} else if (tl != pl || memcmp(t, p, tl)) {
			return -1;
		} else {
			score++;
		}
		if (!te || !pe)
			return !te && !pe ? score : -1;
		t = te + 1;
		p = pe + 1;
	}
}

static int response(struct ctx *c, const char *method, const char *path,
		    const char *status, const char *file)
{
	const json_t *paths = json_object_get(c->spec, "paths");
	const json_t *best = NULL, *op, *res, *schema;
	char m[16], p[2048];
	const char *t;
	json_t *item, *body;
	json_error_t jerr;
	int best_score = -1;
	size_t i;

	snprintf(p, sizeof(p), "%s", path);
	p[strcspn(p, "?#")] = '\0';
	for (i = 0; method[i] && i + 1 < sizeof(m); i++)
		m[i] = (char)(method[i] >= 'A' && method[i] <= 'Z' ?
			      method[i] - 'A' + 'a' : method[i]);
	m[i] = '\0';
	if (!strcmp(m, "head"))
		snprintf(m, sizeof(m), "get");
	json_object_foreach((json_t *)paths, t, item) {
		int s = match_score(t, p);

		if (s > best_score && json_object_get(item, m)) {
			best_score = s;
			best = item;
		}
	}
	if (!best) {
		problem(c, "no operation %s %s in the description", method,
			p);
		return 1;
	}
	op = json_object_get(best, m);
	res = json_object_get(json_object_get(op, "responses"), status);
	if (!res)
		res = json_object_get(json_object_get(op, "responses"),
				      "default");
	if (!res) {
		problem(c, "status %s of %s %s is not documented", status,
			method, p);
		return 1;
	}
	res = deref(c, res);
	schema = json_object_get(json_object_get(json_object_get(
		res, "content"), "application/json"), "schema");
	if (!schema) {
		problem(c, "no JSON schema for %s %s %s", method, p, status);
		return 1;
	}
	body = json_load_file(file, JSON_REJECT_DUPLICATES, &jerr);
	if (!body) {
		problem(c, "not JSON: %s (line %d)", jerr.text, jerr.line);
		return 1;
	}
	validate(c, schema, body, 0);
	json_decref(body);
	return c->errors ? 1 : 0;
}

static int named_schema(struct ctx *c, const char *name, const char *file)
{
	const json_t *schemas = resolve(c->spec, "#/components/schemas");
	const json_t *schema = json_object_get(schemas, name);
	json_error_t jerr;
	json_t *body;

	if (!schema) {
		problem(c, "no schema %s in the description", name);
		return 1;
	}
	body = json_load_file(file, JSON_REJECT_DUPLICATES, &jerr);
	if (!body) {
		problem(c, "not JSON: %s (line %d)", jerr.text, jerr.line);
		return 1;
	}
	validate(c, schema, body, 0);
	json_decref(body);
	return c->errors ? 1 : 0;
}

static int usage(void)
{
	fputs("usage: openapi-check SPEC lint\n"
	      "       openapi-check SPEC routes\n"
	      "       openapi-check SPEC response METHOD PATH STATUS FILE\n"
	      "       openapi-check SPEC schema NAME FILE\n",
	      stderr);
	return 2;
}

int main(int argc, char **argv)
{
	struct ctx c;
	json_error_t jerr;
	int rc;

	if (argc < 3)
		return usage();
	memset(&c, 0, sizeof(c));
	c.spec = json_load_file(argv[1], JSON_REJECT_DUPLICATES, &jerr);
	if (!c.spec) {
		fprintf(stderr, "openapi-check: %s:%d: %s\n", argv[1],
			jerr.line, jerr.text);
		return 2;
	}
	c.what = argv[1];
	if (!strcmp(argv[2], "lint") && argc == 3) {
		rc = lint(&c);
	} else if (!strcmp(argv[2], "routes") && argc == 3) {
		rc = routes(&c);
	} else if (!strcmp(argv[2], "response") && argc == 7) {
		c.what = argv[6];
		rc = response(&c, argv[3], argv[4], argv[5], argv[6]);
	} else if (!strcmp(argv[2], "schema") && argc == 5) {
		c.what = argv[4];
		rc = named_schema(&c, argv[3], argv[4]);
	} else {
		rc = usage();
	}
	json_decref(c.spec);
	return rc;
}
