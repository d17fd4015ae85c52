/*
 * file.h: the files cartref creates, reads and writes on disk, and the
 * rules for them in one place (docs/security.md, "Hardening (issue 10):
 * files on disk and bad input").
 *
 * Modes.  Everything cartref creates holds, or may hold, children's
 * records, so it is private: files 0600 and directories 0700, or 0640
 * and 0750 after file_policy_set(true, ...) (`--group-readable`).
 * file_policy_set() also sets the process umask to match (077 or 027),
 * so that files made by libraries (SQLite's -wal and -shm, libxlsxwriter's
 * temporary files) are private too.
 *
 * Output.  file_out_open() writes a whole file safely:
 *   - "-" (or NULL) is standard output, written in place;
 *   - a regular file, or a name that does not exist yet, is written to a
 *     temporary file beside it (made with the private mode) that
 *     file_out_commit() renames over it, so a reader never sees half a
 *     file and nothing is left on failure;
 *   - a symbolic link is written through: the rules apply to what it
 *     points to (a regular file there is replaced by rename at the link's
 *     target, and the link stays a link); a dangling link is refused;
 *   - anything else (a FIFO, a character device such as /dev/null, a
 *     socket) is opened and written in place, never replaced: renaming
 *     over /dev/null would give every program on the machine a regular
 *     file there.
 *
 * Input.  file_open_input() opens a file to read and refuses anything
 * but a regular file (a FIFO, /dev/zero, a directory), so an import
 * cannot block forever or read without end.
 */
#ifndef CARTREF_FILE_H
#define CARTREF_FILE_H

#include "base/compat.h"
#include <sys/types.h>
#include "base/err.h"

/*
 * The process-wide policy, set once by main() before any file is made:
 * group (files 0640, directories 0750, umask 027) and allow_world (open
 * a store or other private file that others can read; see
 * file_check_private()).  Also sets the umask.
 */
void file_policy_set(bool group, bool allow_world);
mode_t file_mode(void);		/* 0600 or 0640 */
mode_t file_dir_mode(void);	/* 0700 or 0750 */

/*
 * Refuse (ERR_DENIED) a file that exists and can be read or written by
 * every local account (mode & 0006), unless the policy allows it; the
 * message names the file and its mode, in English and Welsh.  A file that
 * does not exist is fine.  For the store and its -wal, -shm and -journal
 * files, and any other private file (the audit trail's own database).
 */
int file_check_private(const char *path, struct err *err);

/*
 * Make path, if it does not exist, as an empty file with file_mode(), so
 * that a library opening it afterwards (SQLite) keeps that mode.  An
 * existing file is left as it is.
 */
int file_create_private(const char *path, struct err *err);

/* mkdir -p with file_dir_mode() for the directories it makes. */
int file_make_dirs(const char *path, struct err *err);

/*
 * Open path for reading into *out: a regular file only (ERR_INVALID
 * otherwise, naming it and what it is; a FIFO is not waited on).
 */
int file_open_input(FILE **out, const char *path, struct err *err);

struct file_out {
	FILE *fp;		/* write here */
	char *tmp;		/* temporary file to rename, or NULL */
	char *dest;		/* what tmp is renamed to */
	char *name;		/* the name given, for messages */
	bool is_stdout;
};

#define FILE_OUT_INIT { NULL, NULL, NULL, NULL, false }

/* Start writing path as described above; "-" or NULL is standard output. */
int file_out_open(struct file_out *o, const char *path, struct err *err);
/*
 * Flush and close; rename the temporary file over the target.  On any
 * error the temporary file is removed and the target is as it was.
 */
int file_out_commit(struct file_out *o, struct err *err);
/* Give up: close and remove the temporary file (safe after commit). */
void file_out_abort(struct file_out *o);

/* The whole of data to path with file_out_*(). */
int file_write_all(const char *path, const void *data, size_t len,
		   struct err *err);

/*
 * A private temporary file in $TMPDIR (or /tmp) for a library that needs
 * a file name (libxlsxwriter): made with mkstemp, its name in *out (free
 * it, and unlink the file, when done).
 */
int file_temp(char **out, struct err *err);
/* Copy the file at from to path with file_out_*() (all or nothing). */
int file_copy_out(const char *from, const char *path, struct err *err);

#endif
