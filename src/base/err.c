/* err.c: error codes and message context (see err.h). */
#include "base/compat.h"
#include "base/err.h"

static int err_vset(struct err *e, int code, const char *fmt, va_list ap,
		    int with_errno)
{
	int saved = errno;
	size_t n;

	if (!e || e->code)
		return code;
	e->code = code;
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	if (with_errno) {
		n = strlen(e->msg);
		snprintf(e->msg + n, sizeof(e->msg) - n, ": %s",
			 strerror(saved));
	}
	return code;
}

int err_set(struct err *e, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(e, code, fmt, ap, 0);
	va_end(ap);
	return code;
}

int err_errno(struct err *e, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(e, code, fmt, ap, 1);
	va_end(ap);
	return code;
}

void err_clear(struct err *e)
{
	e->code = 0;
	e->msg[0] = '\0';
}

const char *err_name(int code)
{
	switch (code) {
	case 0:
		return "OK";
#define ERR_NAME_(name, val, http, msg) case name: return #name;
	ERR_MAP(ERR_NAME_)
#undef ERR_NAME_
	}
	return "ERR_UNKNOWN";
}

const char *err_generic(int code)
{
	switch (code) {
	case 0:
		return "success";
#define ERR_GEN_(name, val, http, msg) case name: return msg;
	ERR_MAP(ERR_GEN_)
#undef ERR_GEN_
	}
	return "unknown error";
}

int err_http_status(int code)
{
	switch (code) {
	case 0:
		return 200;
#define ERR_HTTP_(name, val, http, msg) case name: return http;
	ERR_MAP(ERR_HTTP_)
#undef ERR_HTTP_
	}
	return 500;
}

const char *err_text(const struct err *e)
{
	return e->msg[0] ? e->msg : err_generic(e->code);
}
