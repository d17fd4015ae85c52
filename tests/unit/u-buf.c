/*
 * u-buf.c: unit tests for src/base/buf.c, the bounded growable buffer.
 *
 * The contract under test (buf.h): b.buf is never NULL, appends past the
 * maximum fail with ERR_TOO_LARGE and leave the buffer as it was, and the
 * failure is sticky until buf_reset() or buf_release().
 */
#include "unit.h"
#include "base/buf.h"
#include "base/err.h"

static void test_empty_buffer(void **state)
{
	struct buf b = BUF_INIT(16);

	(void)state;
	assert_non_null(b.buf);
	assert_string_equal(b.buf, "");
	assert_int_equal(b.len, 0);
	assert_int_equal(buf_error(&b), 0);
	buf_release(&b);
	assert_non_null(b.buf);
	assert_string_equal(b.buf, "");

	buf_init(&b, 4);
	assert_non_null(b.buf);
	assert_string_equal(b.buf, "");
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

static void test_append_up_to_max(void **state)
{
	struct buf b = BUF_INIT(8);

	(void)state;
	assert_int_equal(buf_adds(&b, "1234"), 0);
	assert_int_equal(buf_add(&b, "5678", 4), 0);
	assert_int_equal(b.len, 8);
	assert_string_equal(b.buf, "12345678");
	assert_int_equal(buf_error(&b), 0);

	/* one byte past the limit */
	assert_int_equal(buf_addch(&b, 'x'), ERR_TOO_LARGE);
	assert_int_equal(buf_error(&b), ERR_TOO_LARGE);
	assert_int_equal(b.len, 8);
	assert_string_equal(b.buf, "12345678");
	buf_release(&b);
}

static void test_addch_to_max(void **state)
{
	struct buf b = BUF_INIT(5);

	(void)state;
	for (int i = 0; i < 5; i++)
		assert_int_equal(buf_addch(&b, (char)('a' + i)), 0);
	assert_string_equal(b.buf, "abcde");
	assert_int_equal(buf_addch(&b, 'f'), ERR_TOO_LARGE);
	assert_int_equal(b.len, 5);
	assert_string_equal(b.buf, "abcde");
	buf_release(&b);
}

static void test_error_is_sticky(void **state)
{
	struct buf b = BUF_INIT(10);

	(void)state;
	assert_int_equal(buf_adds(&b, "hello"), 0);
	/* 5 + 6 > 10: refused whole, nothing of it is appended */
	assert_int_equal(buf_adds(&b, " world"), ERR_TOO_LARGE);
	assert_int_equal(b.len, 5);
	assert_string_equal(b.buf, "hello");

	/* later appends that would fit do nothing */
	assert_int_equal(buf_addch(&b, '!'), ERR_TOO_LARGE);
	assert_int_equal(buf_adds(&b, "ab"), ERR_TOO_LARGE);
	assert_int_equal(buf_add(&b, "c", 1), ERR_TOO_LARGE);
	assert_int_equal(buf_addf(&b, "%d", 7), ERR_TOO_LARGE);
	assert_int_equal(buf_add(&b, "", 0), ERR_TOO_LARGE);
	assert_int_equal(b.len, 5);
	assert_string_equal(b.buf, "hello");
	assert_int_equal(buf_error(&b), ERR_TOO_LARGE);
	buf_release(&b);
	assert_int_equal(buf_error(&b), 0);
}

static void test_single_append_larger_than_max(void **state)
{
	struct buf b = BUF_INIT(3);

	(void)state;
	assert_int_equal(buf_adds(&b, "abcd"), ERR_TOO_LARGE);
	assert_int_equal(b.len, 0);
	assert_non_null(b.buf);
	assert_string_equal(b.buf, "");
	buf_release(&b);
}

static void test_addf_formatting(void **state)
{
	struct buf b = BUF_INIT(256);

	(void)state;
	assert_int_equal(buf_addf(&b, "%d-%s-%05.1f|%x|%c", 42, "abc", 3.14159,
				  255u, 'Z'),
			 0);
	assert_string_equal(b.buf, "42-abc-003.1|ff|Z");
	assert_int_equal(b.len, strlen("42-abc-003.1|ff|Z"));
	assert_int_equal(buf_addf(&b, "%s", ""), 0);
	assert_int_equal(b.len, strlen("42-abc-003.1|ff|Z"));
	assert_int_equal(buf_addf(&b, "[%-4s]", "x"), 0);
	assert_string_equal(b.buf, "42-abc-003.1|ff|Z[x   ]");
	buf_release(&b);
}

static void test_addf_past_max(void **state)
{
	struct buf b = BUF_INIT(10);

	(void)state;
	assert_int_equal(buf_addf(&b, "%s", "0123456789"), 0);
	assert_int_equal(b.len, 10);
	buf_reset(&b);
	assert_int_equal(buf_addf(&b, "%s %s", "hello", "world"),
			 ERR_TOO_LARGE);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.buf, "");
	assert_int_equal(buf_error(&b), ERR_TOO_LARGE);
	buf_release(&b);
}

static void test_growth_many_appends(void **state)
{
	struct buf b = BUF_INIT(1 << 20);
	char expect[16];

	(void)state;
	for (int i = 0; i < 5000; i++)
		assert_int_equal(buf_addf(&b, "%04d,", i % 10000), 0);
	assert_int_equal(b.len, 5000 * 5);
	assert_int_equal(strlen(b.buf), 5000 * 5);
	for (int i = 0; i < 5000; i++) {
		snprintf(expect, sizeof(expect), "%04d,", i);
		assert_memory_equal(b.buf + i * 5, expect, 5);
	}
	/* and byte appends interleaved */
	for (int i = 0; i < 3000; i++)
		assert_int_equal(buf_addch(&b, 'z'), 0);
	assert_int_equal(b.len, 5000 * 5 + 3000);
	assert_int_equal(b.buf[b.len], '\0');
	assert_int_equal(b.buf[b.len - 1], 'z');
	buf_release(&b);
}

static void test_binary_data(void **state)
{
	struct buf b = BUF_INIT(16);

	(void)state;
	assert_int_equal(buf_add(&b, "a\0b", 3), 0);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.buf, "a\0b", 4);
	buf_release(&b);
}

static void test_detach(void **state)
{
	struct buf b = BUF_INIT(12);
	size_t len = 99;
	char *s;

	(void)state;
	buf_adds(&b, "hello ");
	buf_addf(&b, "%s", "you");
	s = buf_detach(&b, &len);
	assert_non_null(s);
	assert_string_equal(s, "hello you");
	assert_int_equal(len, 9);
	/* b is reset, and still has its limit */
	assert_non_null(b.buf);
	assert_string_equal(b.buf, "");
	assert_int_equal(b.len, 0);
	assert_true(b.buf != s);
	assert_int_equal(buf_adds(&b, "123456789012"), 0);
	assert_int_equal(buf_addch(&b, 'x'), ERR_TOO_LARGE);
	/* the detached string is ours and unaffected */
	assert_string_equal(s, "hello you");
	free(s);
	buf_release(&b);
}

static void test_detach_empty(void **state)
{
	struct buf b = BUF_INIT(12);
	size_t len = 99;
	char *s = buf_detach(&b, &len);

	(void)state;
	assert_non_null(s);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s);
	s = buf_detach(&b, NULL);
	assert_string_equal(s, "");
	free(s);
}

static void test_reset_clears_error(void **state)
{
	struct buf b = BUF_INIT(4);

	(void)state;
	buf_adds(&b, "abc");
	assert_int_equal(buf_adds(&b, "de"), ERR_TOO_LARGE);
	buf_reset(&b);
	assert_int_equal(buf_error(&b), 0);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.buf, "");
	assert_int_equal(buf_adds(&b, "wxyz"), 0);
	assert_string_equal(b.buf, "wxyz");
	assert_int_equal(buf_addch(&b, '!'), ERR_TOO_LARGE);
	buf_release(&b);

	/* reset of a never-used buffer keeps it valid */
	buf_reset(&b);
	assert_string_equal(b.buf, "");
	assert_int_equal(b.len, 0);
}

static void test_release_keeps_limit(void **state)
{
	struct buf b = BUF_INIT(3);

	(void)state;
	buf_adds(&b, "abc");
	buf_release(&b);
	assert_string_equal(b.buf, "");
	assert_int_equal(buf_adds(&b, "xyz"), 0);
	assert_int_equal(buf_adds(&b, "w"), ERR_TOO_LARGE);
	buf_release(&b);
}

static void test_setlen(void **state)
{
	struct buf b = BUF_INIT(64);

	(void)state;
	buf_adds(&b, "hello world");
	buf_setlen(&b, 5);
	assert_int_equal(b.len, 5);
	assert_string_equal(b.buf, "hello");
	buf_adds(&b, "!");
	assert_string_equal(b.buf, "hello!");
	buf_setlen(&b, 6);
	assert_string_equal(b.buf, "hello!");
	buf_setlen(&b, 0);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.buf, "");
	buf_release(&b);

	/* on an empty, unallocated buffer */
	buf_setlen(&b, 0);
	assert_string_equal(b.buf, "");
}

static void test_setlen_frees_room(void **state)
{
	struct buf b = BUF_INIT(6);

	(void)state;
	buf_adds(&b, "abcdef");
	buf_setlen(&b, 2);
	assert_int_equal(buf_adds(&b, "1234"), 0);
	assert_string_equal(b.buf, "ab1234");
	assert_int_equal(buf_addch(&b, 'x'), ERR_TOO_LARGE);
	buf_release(&b);
}

static void test_zero_max(void **state)
{
	struct buf b = BUF_INIT(0);

	(void)state;
	/* appending nothing stays within a zero limit */
	assert_int_equal(buf_add(&b, "", 0), 0);
	assert_int_equal(buf_adds(&b, ""), 0);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.buf, "");
	assert_int_equal(buf_addch(&b, 'a'), ERR_TOO_LARGE);
	assert_int_equal(buf_error(&b), ERR_TOO_LARGE);
	assert_int_equal(b.len, 0);
	assert_non_null(b.buf);
	assert_string_equal(b.buf, "");
	buf_release(&b);

	assert_int_equal(buf_addf(&b, "%s", "x"), ERR_TOO_LARGE);
	assert_string_equal(b.buf, "");
	buf_release(&b);
}

static void test_huge_length_refused(void **state)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);

	(void)state;
	buf_adds(&b, "abc");
	/* would overflow len + extra: must be refused, not wrap */
	assert_int_equal(buf_add(&b, "x", SIZE_MAX - 1), ERR_TOO_LARGE);
	assert_int_equal(b.len, 3);
	assert_string_equal(b.buf, "abc");
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest buf_tests[] = {
		cmocka_unit_test(test_empty_buffer),
		cmocka_unit_test(test_append_up_to_max),
		cmocka_unit_test(test_addch_to_max),
		cmocka_unit_test(test_error_is_sticky),
		cmocka_unit_test(test_single_append_larger_than_max),
		cmocka_unit_test(test_addf_formatting),
		cmocka_unit_test(test_addf_past_max),
		cmocka_unit_test(test_growth_many_appends),
		cmocka_unit_test(test_binary_data),
		cmocka_unit_test(test_detach),
		cmocka_unit_test(test_detach_empty),
		cmocka_unit_test(test_reset_clears_error),
		cmocka_unit_test(test_release_keeps_limit),
		cmocka_unit_test(test_setlen),
		cmocka_unit_test(test_setlen_frees_room),
		cmocka_unit_test(test_zero_max),
		cmocka_unit_test(test_huge_length_refused),
	};

	return cmocka_run_group_tests(buf_tests, NULL, NULL);
}
