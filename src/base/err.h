/*
 * err.h: one error vocabulary for cartref.
 *
 * Fallible functions return int: 0 on success or a negative ERR_* code.
 * The human-readable detail goes into a caller-supplied struct err, which
 * may be NULL when the caller only wants the code.  The codes are defined
 * once in ERR_MAP (X-macro, as libuv's UV_ERRNO_MAP), which also gives each
 * a stable name, a safe generic message and the HTTP status a web layer
 * should answer with.
 */
#ifndef CARTREF_ERR_H
#define CARTREF_ERR_H

#include "base/compat.h"

/*         name          value  http  generic message */
#define ERR_MAP(X)                                                          \
	X(ERR_INVALID,     -1, 400, "invalid input")                       \
	X(ERR_NOT_FOUND,   -2, 404, "not found")                           \
	X(ERR_EXISTS,      -3, 409, "already exists")                      \
	X(ERR_TOO_LARGE,   -4, 413, "too large")                           \
	X(ERR_IO,          -5, 500, "input/output error")                  \
	X(ERR_STORE,       -6, 500, "storage error")                       \
	X(ERR_CONSTRAINT,  -7, 409, "data violates a constraint")          \
	X(ERR_DENIED,      -8, 403, "not allowed")                         \
	X(ERR_UNSUPPORTED, -9, 501, "not supported")                       \
	X(ERR_USAGE,      -10, 400, "bad usage")

enum err_code {
	ERR_OK = 0,
#define ERR_ENUM_(name, val, http, msg) name = (val),
	ERR_MAP(ERR_ENUM_)
#undef ERR_ENUM_
};

#define ERR_MSG_MAX 512

struct err {
	int code;
	char msg[ERR_MSG_MAX];
};

#define ERR_INIT { 0, "" }

/*
 * Record code and a formatted message in e (if e is not NULL) and return
 * code, so that callers can write "return err_set(e, ERR_IO, ...)".
 * The first error wins: a later err_set on a set struct err only returns.
 */
int err_set(struct err *e, int code, const char *fmt, ...) PRINTF_LIKE(3, 4);
/* Like err_set with strerror(errno) appended. */
int err_errno(struct err *e, int code, const char *fmt, ...) PRINTF_LIKE(3, 4);
void err_clear(struct err *e);

const char *err_name(int code);		/* "ERR_IO" */
const char *err_generic(int code);	/* "input/output error" */
int err_http_status(int code);		/* 500 */
/* The message if one was set, else the generic message for the code. */
const char *err_text(const struct err *e);

#endif
