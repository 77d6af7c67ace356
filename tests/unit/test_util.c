/*
 * test_util.c — struct buf: buf_printf() writes the bytes snprintf()
 * writes (its fast path formats %s %d %ld %zu %% by hand: checked here
 * against the C library on edge values and many random calls), and
 * buf_putc()/buf_put() grow the buffer and keep it NUL-terminated.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"

/* buf_printf(b, ...) then the same through snprintf: equal bytes. */
#define	SAME(...) do {							\
	struct buf	 b_;						\
	char		 want_[8192];					\
	int		 n_;						\
	buf_init(&b_);							\
	buf_puts(&b_, "<");						\
	buf_printf(&b_, __VA_ARGS__);					\
	n_ = snprintf(want_ + 1, sizeof(want_) - 1, __VA_ARGS__);	\
	want_[0] = '<';							\
	assert_true(n_ >= 0 && (size_t)n_ + 1 < sizeof(want_));	\
	assert_int_equal(b_.len, (size_t)n_ + 1);			\
	assert_memory_equal(b_.data, want_, b_.len);			\
	assert_int_equal(b_.data[b_.len], '\0');			\
	buf_free(&b_);							\
} while (0)

static void
test_printf_edges(void **state)
{
	char	 big[3000];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	SAME("%s", "");
	SAME("%s%s", "é", "à");
	SAME("%d %d %d %d", 0, -1, INT_MIN, INT_MAX);
	SAME("%ld %ld %ld", 0L, LONG_MIN, LONG_MAX);
	SAME("%zu %zu %zu", (size_t)0, (size_t)1, SIZE_MAX);
	SAME("100%% %s%%", "sûr");
	SAME("%s", big);
	SAME("a%sb%dc%zud%lde", big, -42, (size_t)7, -7L);
	/* Formats the fast path leaves to vsnprintf. */
	SAME("%5d|%-4s|%.2f|%x|%c", 3, "ab", 2.5, 255u, 'z');
	SAME("%s %5s", "x", "y");
}

static void
test_printf_random(void **state)
{
	static const char *const words[] = { "", "a", "Secours", "é",
	    "01 39 00 00 00", "https://exemple.fr/a?b=c&d" };
	unsigned int	 seed = 12345;
	int		 i;

	(void)state;
	for (i = 0; i < 20000; i++) {
		const char *w1, *w2;
		int	 d;
		long	 l;
		size_t	 z;

		seed = seed * 1103515245u + 12345u;
		w1 = words[(seed >> 8) % 6];
		w2 = words[(seed >> 12) % 6];
		d = (int)(seed ^ (seed << 7));
		l = (long)seed * ((seed & 1) ? -977L : 1031L);
		z = (size_t)seed * 4099u;
		switch ((seed >> 20) % 4) {
		case 0:
			SAME("%s%s", w1, w2);
			break;
		case 1:
			SAME("[%d] %s", d, w1);
			break;
		case 2:
			SAME("%s=%ld;%zu%%", w2, l, z);
			break;
		default:
			SAME("%zu%s%d%s%ld", z, w1, d, w2, l);
			break;
		}
	}
}

static void
test_putc_grows(void **state)
{
	struct buf	 b;
	int		 i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < 100000; i++)
		buf_putc(&b, (char)('a' + i % 26));
	buf_put(&b, "!", 1);
	assert_int_equal(b.len, 100001);
	assert_int_equal(b.data[25], 'z');
	assert_int_equal(b.data[100000], '!');
	assert_int_equal(b.data[b.len], '\0');
	buf_free(&b);
}

/*
 * buf_escape(): what reaches a terminal moves no cursor and reorders
 * nothing; plain text, accents and (with ESC_KEEP_LINES) lines as is.
 */
static void
test_escape(void **state)
{
	static const char in[] = "\033[3A\r\033[J ok\n\tété \xe2\x80\xae"
	    "abc \xc2\x85 \x7f \xff";
	struct buf	 b;
	char		*s;

	(void)state;
	buf_init(&b);
	buf_escape(&b, in, sizeof(in) - 1, 0);
	assert_string_equal(buf_cstr(&b), "\\e[3A\\x0d\\e[J ok\\x0a\\x09"
	    "été \\u202Eabc \\u0085 \\x7f \\xff");
	s = str_escape(in);
	assert_string_equal(s, "\\e[3A\\x0d\\e[J ok\n\tété \\u202Eabc "
	    "\\u0085 \\x7f \\xff");
	free(s);
	/* CRLF, a CSV file's record end, kept with the lines; a lone CR
	 * (which would overwrite what the line shows) escaped. */
	s = str_escape("a;b\r\nc\rd\r");
	assert_string_equal(s, "a;b\r\nc\\x0dd\\x0d");
	free(s);
	buf_reset(&b);
	buf_escape(&b, "Secours populaire", 17, 0);
	assert_string_equal(buf_cstr(&b), "Secours populaire");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_printf_edges),
		cmocka_unit_test(test_printf_random),
		cmocka_unit_test(test_putc_grows),
		cmocka_unit_test(test_escape),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
