/*
 * u-file.c: unit tests for src/base/file.c (issue 10, items 2 and 13):
 * private modes whatever the umask, the refusal of a file every account
 * can read, output that renames over regular files only, and input from
 * regular files only.  Works in a fresh directory under $TMPDIR (or
 * /tmp), removed at the end.
 */
#include "unit.h"
#include <dirent.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "base/file.h"

static char dir[256];

static const char *in_dir(const char *name)
{
	static char path[4][512];
	static int next;
	char *p = path[next++ % 4];

	snprintf(p, sizeof(path[0]), "%s/%s", dir, name);
	return p;
}

static unsigned mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(lstat(path, &st), 0);
	return (unsigned)(st.st_mode & 07777);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	static char text[256];
	size_t n;

	assert_non_null(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");

	(void)state;
	snprintf(dir, sizeof(dir), "%s/u-file-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	umask(022);	/* the usual umask, under which files were 0644 */
	file_policy_set(false, false);
	umask(022);	/* and keep it: the modes must not depend on it */
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return unit_rm_tree(dir) ? -1 : 0;
}

/* Is a temporary file (".NAME.tmp-PID") left in dir? */
static bool tmp_left(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	bool found = false;

	assert_non_null(d);
	while ((de = readdir(d)))
		if (strstr(de->d_name, ".tmp-"))
			found = true;
	closedir(d);
	return found;
}

static void test_create_private(void **state)
{
	struct err err = ERR_INIT;
	const char *p = in_dir("store.db");

	(void)state;
	assert_int_equal(file_create_private(p, &err), 0);
	assert_int_equal(mode_of(p), 0600);
	/* an existing file is left as it is */
	assert_int_equal(chmod(p, 0640), 0);
	assert_int_equal(file_create_private(p, &err), 0);
	assert_int_equal(mode_of(p), 0640);
	file_policy_set(true, false);
	assert_int_equal(file_mode(), 0640);
	assert_int_equal(file_dir_mode(), 0750);
	assert_int_equal(file_create_private(in_dir("group.db"), &err), 0);
	assert_int_equal(mode_of(in_dir("group.db")), 0640);
	file_policy_set(false, false);
	umask(022);
}

static void test_check_private(void **state)
{
	struct err err = ERR_INIT;
	const char *p = in_dir("check.db");

	(void)state;
	assert_int_equal(file_check_private(in_dir("absent.db"), &err), 0);
	assert_int_equal(file_create_private(p, &err), 0);
	assert_int_equal(file_check_private(p, &err), 0);
	assert_int_equal(chmod(p, 0640), 0);
	assert_int_equal(file_check_private(p, &err), 0);
	assert_int_equal(chmod(p, 0644), 0);
	assert_int_equal(file_check_private(p, &err), ERR_DENIED);
	assert_non_null(strstr(err.msg, "has mode 0644"));
	assert_non_null(strstr(err.msg, "fodd 0644"));
	assert_non_null(strstr(err.msg, p));
	err_clear(&err);
	assert_int_equal(chmod(p, 0602), 0);
	assert_int_equal(file_check_private(p, &err), ERR_DENIED);
	err_clear(&err);
	file_policy_set(false, true);	/* --allow-world-readable */
	assert_int_equal(file_check_private(p, &err), 0);
	file_policy_set(false, false);
	umask(022);
}

static void test_out_regular(void **state)
{
	struct err err = ERR_INIT;
	struct file_out o;
	const char *p = in_dir("report.md");

	(void)state;
	assert_int_equal(file_write_all(p, "one\n", 4, &err), 0);
	assert_int_equal(mode_of(p), 0600);
	assert_string_equal(slurp(p), "one\n");
	/* replacing a 0644 file leaves a private one */
	assert_int_equal(chmod(p, 0644), 0);
	assert_int_equal(file_write_all(p, "two\n", 4, &err), 0);
	assert_int_equal(mode_of(p), 0600);
	assert_string_equal(slurp(p), "two\n");
	/* given up: the target is as it was and nothing is left beside it */
	assert_int_equal(file_out_open(&o, p, &err), 0);
	fputs("half", o.fp);
	file_out_abort(&o);
	assert_string_equal(slurp(p), "two\n");
	assert_false(tmp_left());
}

static void test_out_special(void **state)
{
	struct err err = ERR_INIT;
	const char *dev = in_dir("null");
	const char *link = in_dir("link.md");
	struct stat st;

	(void)state;
	/* a character device is written in place, never replaced */
	if (mknod(dev, S_IFCHR | 0666, makedev(1, 3)) == 0 ||
	    (geteuid() != 0 && (dev = "/dev/null"))) {
		assert_int_equal(file_write_all(dev, "x", 1, &err), 0);
		assert_int_equal(stat(dev, &st), 0);
		assert_true(S_ISCHR(st.st_mode));
		assert_false(tmp_left());
	}
	/* a symlink is written through and stays a link */
	assert_int_equal(file_write_all(in_dir("target.md"), "old", 3, &err),
			 0);
	assert_int_equal(symlink("target.md", link), 0);
	assert_int_equal(file_write_all(link, "new", 3, &err), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(slurp(in_dir("target.md")), "new");
	/* a dangling one is refused and nothing is made */
	assert_int_equal(symlink("nowhere.md", in_dir("dangling.md")), 0);
	assert_int_equal(file_write_all(in_dir("dangling.md"), "x", 1, &err),
			 ERR_INVALID);
	assert_int_equal(access(in_dir("nowhere.md"), F_OK), -1);
}

static void test_input_regular_only(void **state)
{
	struct err err = ERR_INIT;
	FILE *f = NULL;

	(void)state;
	assert_int_equal(file_write_all(in_dir("in.csv"), "a\n", 2, &err), 0);
	assert_int_equal(file_open_input(&f, in_dir("in.csv"), &err), 0);
	assert_non_null(f);
	fclose(f);
	assert_int_equal(mkfifo(in_dir("fifo"), 0600), 0);
	assert_int_equal(file_open_input(&f, in_dir("fifo"), &err),
			 ERR_INVALID);	/* at once: not waiting for a writer */
	assert_null(f);
	assert_non_null(strstr(err.msg, "not a regular file (a FIFO)"));
	err_clear(&err);
	assert_int_equal(file_open_input(&f, "/dev/zero", &err), ERR_INVALID);
	err_clear(&err);
	assert_int_equal(file_open_input(&f, dir, &err), ERR_INVALID);
	err_clear(&err);
	assert_int_equal(file_open_input(&f, in_dir("absent"), &err), ERR_IO);
}

static void test_make_dirs(void **state)
{
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(file_make_dirs(in_dir("a/b/c"), &err), 0);
	assert_int_equal(mode_of(in_dir("a")), 0700);
	assert_int_equal(mode_of(in_dir("a/b/c")), 0700);
}

int main(void)
{
	const struct CMUnitTest file_tests[] = {
		cmocka_unit_test(test_create_private),
		cmocka_unit_test(test_check_private),
		cmocka_unit_test(test_out_regular),
		cmocka_unit_test(test_out_special),
		cmocka_unit_test(test_input_regular_only),
		cmocka_unit_test(test_make_dirs),
	};

	return cmocka_run_group_tests(file_tests, setup, teardown);
}
