/*
 * test_picto.c — icon names, code points and SVG paths (src/picto.c),
 * against Debian's fonts-fork-awesome.  Every test is skipped when the
 * font is not installed.
 */
#include <ctype.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "picto.h"

/* The pictograms of content/site.yaml and of the design brief. */
static const char *const names[] = {
	"home", "cutlery", "medkit", "briefcase", "language", "users",
	"child", "balance-scale", "euro", "shopping-bag", "ticket",
	"handshake-o", "wheelchair", "heart",
};
#define	NNAMES	(sizeof(names) / sizeof(names[0]))

static int
setup(void **state)
{
	if (access(PICTO_FONT_PATH, R_OK) != 0 ||
	    access(PICTO_CSS_PATH, R_OK) != 0) {
		*state = NULL;
		return 0;
	}
	*state = picto_open(PICTO_FONT_PATH, PICTO_CSS_PATH);
	return *state == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	picto_close(*state);
	return 0;
}

#define	NEED_FONT(p) do {						\
	if ((p) == NULL) {						\
		skip();							\
		return;							\
	}								\
} while (0)

static void
test_codepoints(void **state)
{
	struct picto	*p = *state;
	unsigned int	 cp[NNAMES];
	size_t		 i, j;

	NEED_FONT(p);
	assert_true(picto_count(p) > 700);
	for (i = 0; i < NNAMES; i++) {
		cp[i] = picto_codepoint(p, names[i]);
		if (cp[i] == 0)
			fail_msg("no code point for \"%s\"", names[i]);
		/* Fork Awesome lives in the Private Use Area. */
		assert_in_range(cp[i], 0xE000, 0xF8FF);
		for (j = 0; j < i; j++)
			if (cp[i] == cp[j])
				fail_msg("%s and %s share U+%X", names[i],
				    names[j], cp[i]);
	}
	/* Values from the package's style sheet. */
	assert_int_equal(picto_codepoint(p, "home"), 0xF015);
	assert_int_equal(picto_codepoint(p, "heart"), 0xF004);
	assert_int_equal(picto_codepoint(p, "wheelchair"), 0xF193);
}

static void
test_aliases(void **state)
{
	struct picto	*p = *state, *bare;

	NEED_FONT(p);
	/* "euro" is only an alias: the glyph is called "eur". */
	assert_int_equal(picto_codepoint(p, "euro"), 0xF153);
	assert_int_equal(picto_codepoint(p, "eur"), 0xF153);
	/* Without the style sheet, only the font's own names. */
	bare = picto_open(PICTO_FONT_PATH, NULL);
	assert_non_null(bare);
	assert_int_equal(picto_codepoint(bare, "eur"), 0xF153);
	assert_int_equal(picto_codepoint(bare, "euro"), 0);
	assert_int_equal(picto_codepoint(bare, "home"), 0xF015);
	assert_true(picto_count(bare) < picto_count(p));
	picto_close(bare);
}

static void
test_unknown(void **state)
{
	struct picto	*p = *state;
	struct picto_box box = { -1, -1, -1, -1 };

	NEED_FONT(p);
	assert_int_equal(picto_codepoint(p, "no-such-icon"), 0);
	assert_int_equal(picto_codepoint(p, ""), 0);
	assert_int_equal(picto_codepoint(p, "Home"), 0);
	assert_int_equal(picto_codepoint(p, NULL), 0);
	assert_int_equal(picto_codepoint(NULL, "home"), 0);
	/* Not icons: the font's technical glyphs. */
	assert_int_equal(picto_codepoint(p, ".notdef"), 0);
	assert_null(picto_svg_path(p, "no-such-icon", &box));
	assert_int_equal(box.w, -1);
	assert_null(picto_svg_path(p, "no-such-icon", NULL));
}

static void
test_open_errors(void **state)
{
	(void)state;
	assert_null(picto_open("/nonexistent/font.ttf", NULL));
	/* A file that is not a font. */
	assert_null(picto_open("/etc/passwd", NULL));
	if (access(PICTO_FONT_PATH, R_OK) != 0) {
		skip();
		return;
	}
	/* A style sheet named but unreadable is an error. */
	assert_null(picto_open(PICTO_FONT_PATH, "/nonexistent/fa.css"));
	picto_close(NULL);
}

/*
 * Check path data against picto.h's grammar: absolute commands M L Q C
 * Z with 2, 2, 4, 6 and 0 integer arguments, the letter touching its
 * first number, numbers separated by one space; starting with M, each
 * subpath closed by Z; every coordinate within [-box, 2 box].  Stores
 * in spread[] the horizontal extent of the end points lying in the top
 * and in the bottom half of the box.
 */
static void
check_path(const char *d, const struct picto_box *box, long spread[2])
{
	const char	*s = d;
	long		 v[6], xmin[2] = { LONG_MAX, LONG_MAX };
	long		 xmax[2] = { LONG_MIN, LONG_MIN };
	int		 nargs, i, open = 0, nsub = 0;
	char		 c;
	char		*e;

	assert_true(d[0] == 'M');
	while (*s != '\0') {
		c = *s++;
		switch (c) {
		case 'M': nargs = 2; break;
		case 'L': nargs = 2; break;
		case 'Q': nargs = 4; break;
		case 'C': nargs = 6; break;
		case 'Z': nargs = 0; break;
		default:
			fail_msg("unexpected '%c' at offset %td in path",
			    c, s - 1 - d);
			return;
		}
		if (c == 'M') {
			assert_false(open);
			open = 1;
			nsub++;
		} else
			assert_true(open);
		if (c == 'Z')
			open = 0;
		for (i = 0; i < nargs; i++) {
			if (i > 0) {
				assert_true(*s == ' ');
				s++;
			}
			assert_true(*s == '-' || isdigit((unsigned char)*s));
			v[i] = strtol(s, &e, 10);
			assert_true(e > s);
			s = e;
			if (i % 2 == 0)
				assert_in_range(v[i] + box->w, 0, 3 * box->w);
			else
				assert_in_range(v[i] + box->h, 0, 3 * box->h);
		}
		if (nargs > 0) {
			long x = v[nargs - 2], y = v[nargs - 1];
			int half = y < box->h / 2 ? 0 : 1;
			if (x < xmin[half])
				xmin[half] = x;
			if (x > xmax[half])
				xmax[half] = x;
		}
		/* The next command follows at once. */
		assert_true(*s == '\0' || strchr("MLQCZ", *s) != NULL);
	}
	assert_false(open);
	assert_true(nsub > 0);
	spread[0] = xmax[0] - xmin[0];
	spread[1] = xmax[1] - xmin[1];
}

static void
test_paths(void **state)
{
	struct picto	*p = *state;
	struct picto_box box;
	long		 spread[2];
	size_t		 i;
	char		*d;

	NEED_FONT(p);
	for (i = 0; i < NNAMES; i++) {
		memset(&box, 0, sizeof(box));
		d = picto_svg_path(p, names[i], &box);
		if (d == NULL)
			fail_msg("no path for \"%s\"", names[i]);
		assert_int_equal(box.x, 0);
		assert_int_equal(box.y, 0);
		assert_int_equal(box.h, 1792);	/* Fork Awesome's em */
		assert_in_range(box.w, 256, 4096);
		check_path(d, &box, spread);
		free(d);
	}
	/* The box pointer is optional. */
	d = picto_svg_path(p, "home", NULL);
	assert_non_null(d);
	free(d);
}

/*
 * Upright, not upside down: the caret-up triangle has its point at the
 * top (small y in SVG) and its base at the bottom, so the end points
 * of the top half spread less than those of the bottom half.
 */
static void
test_orientation(void **state)
{
	struct picto	*p = *state;
	struct picto_box box;
	long		 spread[2];
	char		*d;

	NEED_FONT(p);
	d = picto_svg_path(p, "caret-up", &box);
	assert_non_null(d);
	check_path(d, &box, spread);
	assert_true(spread[0] < spread[1]);
	free(d);
	d = picto_svg_path(p, "caret-down", &box);
	assert_non_null(d);
	check_path(d, &box, spread);
	assert_true(spread[0] > spread[1]);
	free(d);
}

static void
test_deterministic(void **state)
{
	struct picto	*p = *state, *q;
	char		*a, *b;
	size_t		 i;

	NEED_FONT(p);
	q = picto_open(PICTO_FONT_PATH, PICTO_CSS_PATH);
	assert_non_null(q);
	assert_int_equal(picto_count(p), picto_count(q));
	for (i = 0; i < NNAMES; i++) {
		a = picto_svg_path(p, names[i], NULL);
		b = picto_svg_path(q, names[i], NULL);
		assert_non_null(a);
		assert_non_null(b);
		assert_string_equal(a, b);
		free(b);
		/* The same handle twice. */
		b = picto_svg_path(p, names[i], NULL);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	picto_close(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codepoints),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_orientation),
		cmocka_unit_test(test_deterministic),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
