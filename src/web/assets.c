/*
 * assets.c: the static files cartref serves under /assets/: GOV.UK
 * Frontend's compiled stylesheet, fonts and images (npm package
 * govuk-frontend, installed by `make assets`) and cartref's own
 * src/web/static/.
 *
 * They are read into memory once, when the server starts: a few hundred
 * kilobytes.  A request path is then only ever looked up in that table
 * and never reaches the filesystem, so no "..", encoded slash, symlink
 * or odd name can make the server read a file it did not mean to serve.
 * Loading itself takes only regular files (no symlinks) with plain
 * names and whitelisted extensions, each with a fixed Content-Type, and
 * is bounded in depth, count and size.
 *
 * Every asset gets a content hash: its ETag, and the ?v= the layout adds
 * to the stylesheet links, so that assets can be cached for a year
 * ("immutable") and still change with a new release.
 */
#include "base/compat.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/parse.h"
#include "base/xalloc.h"
#include "web/pages.h"
#include "web/web-internal.h"

#define ASSET_FILES_MAX 256
#define ASSET_FILE_MAX ((size_t)4 << 20)
#define ASSET_TOTAL_MAX ((size_t)32 << 20)
#define ASSET_DEPTH_MAX 3
#define ASSET_PATH_MAX 4096

#define GOVUK_DIR "node_modules/govuk-frontend/dist/govuk"
#define MARKER GOVUK_DIR "/govuk-frontend.min.css"

static const struct {
	const char *ext;
	const char *type;
} types[] = {
	{ "css", "text/css; charset=utf-8" },
	{ "js", "text/javascript; charset=utf-8" },
	/*
	 * No woff/woff2: GOV.UK Frontend's GDS Transport font is licensed
	 * for GOV.UK only, so it is not served; the stylesheet's font stack
	 * falls back to Arial.
	 */
	{ "png", "image/png" },
	{ "svg", "image/svg+xml" },
	{ "ico", "image/x-icon" },
	{ "json", "application/manifest+json" },	/* the web app manifest */
};

/* What is served, and from where under the root. */
static const struct {
	const char *path;
	const char *url;
	bool dir;
} sources[] = {
	{ GOVUK_DIR "/assets", "/assets", true },	/* images/ (not fonts) */
	{ MARKER, "/assets/govuk-frontend.min.css", false },
	{ "src/web/static", "/assets", true },		/* cartref.css, ... */
};

static bool name_ok(const char *s)
{
	if (!*s || *s == '.')
		return false;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
			return false;
	}
	return true;
}

static const char *type_of(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (!dot)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(types); i++)
		if (!strcmp(dot + 1, types[i].ext))
			return types[i].type;
	return NULL;
}

static void fnv1a(const char *data, size_t len, char out[17])
{
	uint64_t h = 0xcbf29ce484222325u;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 0x100000001b3u;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static int read_all(const char *path, char **data, size_t *len,
		    struct err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	struct stat st;
	char *p = NULL;
	size_t got = 0;
	int rc = 0;

	if (fd < 0)
		return err_errno(err, ERR_IO, "%s", path);
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		rc = err_set(err, ERR_IO, "%s: not a regular file", path);
		goto out;
	}
	if ((uintmax_t)st.st_size > ASSET_FILE_MAX) {
		rc = err_set(err, ERR_TOO_LARGE, "%s: larger than %zu bytes",
			     path, ASSET_FILE_MAX);
		goto out;
	}
	p = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, p + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = err_errno(err, ERR_IO, "reading %s", path);
			goto out;
		}
		got += (size_t)n;
	}
	p[got] = '\0';
	*data = p;
	*len = got;
	p = NULL;
out:
	free(p);
	close(fd);
	return rc;
}

/*
 * GOV.UK Frontend's stylesheet declares the GDS Transport font with
 * src URLs under /assets/fonts/, which cartref does not serve (above):
 * a browser that used those declarations would ask for fonts that are
 * not there, however soon cartref.css overrides the family.  Cut every
 * "@font-face{...}" block that points there out of the copy served (no
 * such block has a nested brace).  Returns the new length.
 */
static size_t strip_font_faces(char *data, size_t len)
{
	static const char open[] = "@font-face{";
	size_t out = 0, i = 0;

	while (i < len) {
		const char *at = memmem(data + i, len - i, open,
					sizeof(open) - 1);
		const char *end;
		size_t start, stop;

		if (!at)
			break;
		start = (size_t)(at - data);
		end = memchr(at, '}', len - start);
		if (!end)
			break;
		stop = (size_t)(end - data) + 1;
		memmove(data + out, data + i, start - i);
		out += start - i;
		if (!memmem(data + start, stop - start, "/assets/fonts/", 14)) {
			memmove(data + out, data + start, stop - start);
			out += stop - start;
		}
		i = stop;
	}
	memmove(data + out, data + i, len - i);
	out += len - i;
	data[out] = '\0';
	return out;
}

static int add_file(struct asset_table *t, const char *path, const char *url,
		    const char *type, struct err *err)
{
	struct asset a = { NULL, type, NULL, 0, "", "" };
	int rc;

	if (t->n >= ASSET_FILES_MAX)
		return err_set(err, ERR_TOO_LARGE, "more than %d assets",
			       ASSET_FILES_MAX);
	rc = read_all(path, &a.data, &a.len, err);
	if (rc)
		return rc;
	if (!strcmp(url, "/assets/govuk-frontend.min.css"))
		a.len = strip_font_faces(a.data, a.len);
	if (a.len > ASSET_TOTAL_MAX - t->total) {
		free(a.data);
		return err_set(err, ERR_TOO_LARGE, "assets larger than %zu "
			       "bytes in all", ASSET_TOTAL_MAX);
	}
	a.url = xstrdup(url);
	fnv1a(a.data, a.len, a.hash);
	snprintf(a.etag, sizeof(a.etag), "\"%s\"", a.hash);
	ALLOC_GROW(t->v, t->n + 1, t->alloc);
	t->v[t->n++] = a;
	t->total += a.len;
	return 0;
}

static int add_dir(struct asset_table *t, const char *dir, const char *url,
		   int depth, struct err *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = 0;

	if (!d)
		return err_errno(err, ERR_IO, "%s", dir);
	while (!rc && (e = readdir(d))) {
		struct buf path = BUF_INIT(ASSET_PATH_MAX);
		struct buf u = BUF_INIT(HTTP_TARGET_MAX);
		struct stat st;

		if (!name_ok(e->d_name))
			continue;
		buf_addf(&path, "%s/%s", dir, e->d_name);
		buf_addf(&u, "%s/%s", url, e->d_name);
		if (buf_error(&path) || buf_error(&u)) {
			rc = err_set(err, ERR_TOO_LARGE, "%s/%s: path too long",
				     dir, e->d_name);
		} else if (lstat(path.buf, &st)) {
			rc = err_errno(err, ERR_IO, "%s", path.buf);
		} else if (S_ISDIR(st.st_mode) && depth < ASSET_DEPTH_MAX) {
			rc = add_dir(t, path.buf, u.buf, depth + 1, err);
		} else if (S_ISREG(st.st_mode) && type_of(e->d_name)) {
			rc = add_file(t, path.buf, u.buf, type_of(e->d_name), err);
		}
		buf_release(&path);
		buf_release(&u);
	}
	closedir(d);
	return rc;
}

static int by_url(const void *a, const void *b)
{
	return strcmp(((const struct asset *)a)->url,
		      ((const struct asset *)b)->url);
}

int assets_load(struct asset_table *t, const char *root, struct err *err)
{
	int rc = 0;

	for (size_t i = 0; !rc && i < ARRAY_SIZE(sources); i++) {
		struct buf path = BUF_INIT(ASSET_PATH_MAX);

		buf_addf(&path, "%s/%s", root, sources[i].path);
		if (buf_error(&path))
			rc = err_set(err, ERR_TOO_LARGE, "asset root too long");
		else if (sources[i].dir)
			rc = add_dir(t, path.buf, sources[i].url, 1, err);
		else
			rc = add_file(t, path.buf, sources[i].url,
				      type_of(sources[i].url), err);
		buf_release(&path);
	}
	if (!rc && t->n)
		qsort(t->v, t->n, sizeof(*t->v), by_url);
	for (size_t i = 1; !rc && i < t->n; i++)
		if (!strcmp(t->v[i - 1].url, t->v[i].url))
			rc = err_set(err, ERR_EXISTS, "two assets for %s",
				     t->v[i].url);
	if (rc)
		assets_release(t);
	return rc;
}

void assets_release(struct asset_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].url);
		free(t->v[i].data);
	}
	free(t->v);
	memset(t, 0, sizeof(*t));
}

const struct asset *assets_find(const struct asset_table *t, const char *url)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(url, t->v[mid].url);

		if (!c)
			return &t->v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static bool has_marker(const char *dir)
{
	struct buf p = BUF_INIT(ASSET_PATH_MAX);
	struct stat st;
	bool ok;

	buf_addf(&p, "%s/%s", dir, MARKER);
	ok = !buf_error(&p) && !stat(p.buf, &st) && S_ISREG(st.st_mode);
	buf_release(&p);
	return ok;
}

int assets_find_root(char *out, size_t cap, struct err *err)
{
	const char *env = getenv("CARTREF_ASSETS");
	char exe[ASSET_PATH_MAX];
	ssize_t n;

	if (env && *env) {
		if (!has_marker(env))
			return err_set(err, ERR_NOT_FOUND, "CARTREF_ASSETS=%s "
				       "has no %s", env, MARKER);
		return str_copy(out, cap, env) ? err_set(err, ERR_TOO_LARGE,
							  "path too long") : 0;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		for (int up = 0; up < 4; up++) {
			char *slash = strrchr(exe, '/');

			if (!slash)
				break;
			*slash = '\0';
			if (has_marker(exe))
				return str_copy(out, cap, exe) ?
				       err_set(err, ERR_TOO_LARGE, "path too long")
				       : 0;
		}
	}
	if (has_marker("."))
		return str_copy(out, cap, ".");
	return err_set(err, ERR_NOT_FOUND, "cannot find GOV.UK Frontend (%s): "
		       "run `make assets` (npm ci) in the repository, or give "
		       "--assets DIR", MARKER);
}

void web_asset(struct request *req, struct response *res)
{
	const struct asset *a = req->app ? assets_find(&req->app->assets,
						       req->path) : NULL;
	const char *inm;

	if (!a) {
		res_error(req, res, 404);
		return;
	}
	res->cache = RES_IMMUTABLE;
	res->content_type = a->type;
	res_header(res, "ETag", a->etag);
	inm = req_header(req, "If-None-Match");
	if (inm && strstr(inm, a->etag)) {
		res->status = 304;
		return;
	}
	res->data = a->data;
	res->data_len = a->len;
}
