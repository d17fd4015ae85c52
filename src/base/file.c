/*
 * file.c: private modes, the store-file check, safe whole-file output and
 * regular-file input (see file.h).
 */
#include "base/compat.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/buf.h"
#include "base/file.h"
#include "base/xalloc.h"

static bool policy_group;
static bool policy_allow_world;

void file_policy_set(bool group, bool allow_world)
{
	policy_group = group;
	policy_allow_world = allow_world;
	umask(group ? 027 : 077);
}

mode_t file_mode(void)
{
	return policy_group ? 0640 : 0600;
}

mode_t file_dir_mode(void)
{
	return policy_group ? 0750 : 0700;
}

int file_check_private(const char *path, struct err *err)
{
	struct stat st;

	if (stat(path, &st)) {
		if (errno == ENOENT)
			return 0;
		return err_errno(err, ERR_IO, "%s: cannot stat", path);
	}
	if (!(st.st_mode & 0006) || policy_allow_world)
		return 0;
	return err_set(err, ERR_DENIED,
		       "%s has mode %04o: every account on this machine can "
		       "read it; refusing to open it (chmod 600 it, or 640 "
		       "with --group-readable, or pass "
		       "--allow-world-readable) / mae gan %s fodd %04o: gall "
		       "pob cyfrif ar y peiriant hwn ei ddarllen; gwrthod ei "
		       "agor (rhedwch chmod 600 arno, neu 640 gyda "
		       "--group-readable, neu rhowch --allow-world-readable)",
		       path, (unsigned)(st.st_mode & 07777), path,
		       (unsigned)(st.st_mode & 07777));
}

int file_create_private(const char *path, struct err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
			    O_NOCTTY, file_mode());

	if (fd < 0) {
		if (errno == EEXIST)
			return 0;
		return err_errno(err, ERR_IO, "%s: cannot create", path);
	}
	/* the umask may be wider when a library calls this: set it exactly */
	if (fchmod(fd, file_mode())) {
		int e = errno;

		close(fd);
		unlink(path);
		errno = e;
		return err_errno(err, ERR_IO, "%s: cannot set its mode", path);
	}
	if (close(fd))
		return err_errno(err, ERR_IO, "%s: cannot create", path);
	return 0;
}

int file_make_dirs(const char *path, struct err *err)
{
	char *p = xstrdup(path);
	int rc = 0;

	for (char *s = p + 1; ; s++) {
		if (*s == '/' || !*s) {
			char c = *s;

			*s = '\0';
			if (mkdir(p, file_dir_mode()) && errno != EEXIST) {
				rc = err_errno(err, ERR_IO, "%s: cannot create",
					       p);
				break;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	free(p);
	return rc;
}

int file_open_input(FILE **out, const char *path, struct err *err)
{
	/* O_NONBLOCK: opening a FIFO with no writer must not wait */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	struct stat st;
	int rc;

	*out = NULL;
	if (fd < 0)
		return err_errno(err, ERR_IO, "%s: cannot open", path);
	if (fstat(fd, &st)) {
		rc = err_errno(err, ERR_IO, "%s: cannot stat", path);
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		rc = err_set(err, ERR_INVALID,
			     "%s: not a regular file (a %s); refusing to read "
			     "it / nid ffeil gyffredin yw %s; gwrthod ei "
			     "darllen", path,
			     S_ISDIR(st.st_mode) ? "directory" :
			     S_ISFIFO(st.st_mode) ? "FIFO" :
			     S_ISCHR(st.st_mode) ? "character device" :
			     S_ISBLK(st.st_mode) ? "block device" :
			     S_ISSOCK(st.st_mode) ? "socket" : "special file",
			     path);
		goto fail;
	}
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) ||
	    !(*out = fdopen(fd, "rb"))) {
		rc = err_errno(err, ERR_IO, "%s: cannot open", path);
		goto fail;
	}
	return 0;
fail:
	close(fd);
	return rc;
}

/* "dir/name" -> "dir/.name.tmp-PID", in the same directory for rename. */
static char *tmp_beside(const char *path)
{
	struct buf tmp = BUF_INIT(1 << 16);
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;

	buf_add(&tmp, path, dirlen);
	buf_addf(&tmp, ".%s.tmp-%ld", path + dirlen, (long)getpid());
	if (buf_error(&tmp)) {
		buf_release(&tmp);
		return NULL;
	}
	return buf_detach(&tmp, NULL);
}

static void out_release(struct file_out *o)
{
	free(o->tmp);
	free(o->dest);
	free(o->name);
	memset(o, 0, sizeof(*o));
}

/* Write in place: standard output, or a FIFO, device or socket. */
static int open_in_place(struct file_out *o, const char *path,
			 struct err *err)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);

	if (fd < 0 || !(o->fp = fdopen(fd, "wb"))) {
		if (fd >= 0)
			close(fd);
		return err_errno(err, ERR_IO, "%s: cannot write", path);
	}
	return 0;
}

int file_out_open(struct file_out *o, const char *path, struct err *err)
{
	struct stat lst, st;
	int fd;

	memset(o, 0, sizeof(*o));
	if (!path || !strcmp(path, "-")) {
		o->is_stdout = true;
		o->fp = stdout;
		o->name = xstrdup("standard output");
		return 0;
	}
	o->name = xstrdup(path);
	if (lstat(path, &lst)) {
		if (errno != ENOENT)
			return err_errno(err, ERR_IO, "%s: cannot stat", path);
		o->dest = xstrdup(path);	/* new: write beside, rename */
	} else if (stat(path, &st)) {
		/* a link to nothing: do not replace the link by a file */
		int rc = errno != ENOENT ?
			 err_errno(err, ERR_IO, "%s: cannot stat", path) :
			 err_set(err, ERR_INVALID, "%s: a symbolic link to "
				 "nothing; refusing to write it / dolen "
				 "symbolaidd at ddim yw %s; gwrthod ysgrifennu "
				 "ati", path, path);
		out_release(o);
		return rc;
	} else if (!S_ISREG(st.st_mode)) {
		int rc = open_in_place(o, path, err);

		if (rc)
			out_release(o);
		return rc;
	} else if (S_ISLNK(lst.st_mode)) {
		/* through the link: replace what it names, keep the link */
		o->dest = realpath(path, NULL);
		if (!o->dest) {
			int rc = err_errno(err, ERR_IO, "%s: cannot resolve",
					   path);
			out_release(o);
			return rc;
		}
	} else {
		o->dest = xstrdup(path);
	}
	o->tmp = tmp_beside(o->dest);
	if (!o->tmp) {
		int rc = err_set(err, ERR_TOO_LARGE, "path too long: %s", path);

		out_release(o);
		return rc;
	}
	unlink(o->tmp);		/* left by a crashed run with our pid */
	fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY,
		  file_mode());
	if (fd < 0 || !(o->fp = fdopen(fd, "wb"))) {
		int rc = err_errno(err, ERR_IO, "%s: cannot create", o->tmp);

		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		out_release(o);
		return rc;
	}
	return 0;
}

int file_out_commit(struct file_out *o, struct err *err)
{
	int rc = 0;

	if (!o->fp)
		BUG("file_out_commit on a closed file_out");
	if (o->is_stdout) {
		if (fflush(stdout) || ferror(stdout))
			rc = err_errno(err, ERR_IO, "writing standard output");
		o->fp = NULL;
		out_release(o);
		return rc;
	}
	if (ferror(o->fp))
		rc = err_set(err, ERR_IO, "%s: write failed", o->name);
	if (fclose(o->fp) && !rc)
		rc = err_errno(err, ERR_IO, "%s: write failed", o->name);
	o->fp = NULL;
	if (!rc && o->tmp && rename(o->tmp, o->dest))
		rc = err_errno(err, ERR_IO, "cannot rename %s to %s", o->tmp,
			       o->dest);
	if (rc && o->tmp)
		unlink(o->tmp);
	out_release(o);
	return rc;
}

void file_out_abort(struct file_out *o)
{
	if (o->fp && !o->is_stdout)
		fclose(o->fp);
	else if (o->fp)
		fflush(stdout);
	o->fp = NULL;
	if (o->tmp)
		unlink(o->tmp);
	out_release(o);
}

int file_write_all(const char *path, const void *data, size_t len,
		   struct err *err)
{
	struct file_out o;
	int rc = file_out_open(&o, path, err);

	if (rc)
		return rc;
	if (len && fwrite(data, 1, len, o.fp) != len) {
		rc = err_errno(err, ERR_IO, "%s: write failed", o.name);
		file_out_abort(&o);
		return rc;
	}
	return file_out_commit(&o, err);
}

int file_temp(char **out, struct err *err)
{
	const char *dir = getenv("TMPDIR");
	struct buf name = BUF_INIT(1 << 16);
	int fd;

	*out = NULL;
	if (!dir || !*dir)
		dir = "/tmp";
	buf_addf(&name, "%s/cartref-XXXXXX", dir);
	if (buf_error(&name)) {
		buf_release(&name);
		return err_set(err, ERR_TOO_LARGE, "TMPDIR too long");
	}
	fd = mkstemp(name.buf);	/* 0600 */
	if (fd < 0) {
		int rc = err_errno(err, ERR_IO, "%s: cannot create", name.buf);

		buf_release(&name);
		return rc;
	}
	close(fd);
	*out = buf_detach(&name, NULL);
	return 0;
}

int file_copy_out(const char *from, const char *path, struct err *err)
{
	struct file_out o = FILE_OUT_INIT;
	char chunk[65536];
	FILE *in = fopen(from, "rb");
	size_t n;
	int rc = 0;

	if (!in)
		return err_errno(err, ERR_IO, "cannot read %s", from);
	rc = file_out_open(&o, path, err);
	while (!rc && (n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		if (fwrite(chunk, 1, n, o.fp) != n)
			rc = err_errno(err, ERR_IO, "writing %s", path);
	if (!rc && ferror(in))
		rc = err_errno(err, ERR_IO, "cannot read %s", from);
	if (!rc)
		rc = file_out_commit(&o, err);
	file_out_abort(&o);
	fclose(in);
	return rc;
}
