/*
 * test_colour.c — category colours: WCAG contrast, tints and shades.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "colour.h"

static void
test_contrast_known_values(void **state)
{
	(void)state;
	/* WCAG: black on white is 21:1, a colour on itself 1:1. */
	assert_true(colour_contrast(0x000000, 0xffffff) > 20.99);
	assert_true(colour_contrast(0xffffff, 0x000000) > 20.99);
	assert_true(colour_contrast(0x1f5fa8, 0x1f5fa8) < 1.0001);
	/* #767676 on white is the classic 4.54:1 grey. */
	assert_true(colour_contrast(0x767676, 0xffffff) > 4.5);
	assert_true(colour_contrast(0x777777, 0xffffff) < 4.5);
}

static void
test_mix_bounds(void **state)
{
	(void)state;
	assert_int_equal(colour_mix(0x123456, 0xffffff, 0), 0x123456);
	assert_int_equal(colour_mix(0x123456, 0xffffff, 1000), 0xffffff);
	assert_int_equal(colour_mix(0x000000, 0xffffff, 500), 0x808080);
	assert_int_equal(colour_mix(0x123456, 0x000000, -5), 0x123456);
	assert_int_equal(colour_mix(0x123456, 0x000000, 5000), 0x000000);
}

static void
test_dark_reads_on_white_and_tint(void **state)
{
	/* The example categories, pale and saturated colours, grey. */
	static const unsigned int rgb[] = { 0x1f5fa8, 0x1b7a4a, 0xa8431f,
	    0xffd700, 0xffff00, 0x00ffff, 0xff69b4, 0x808080, 0xffffff,
	    0x000000 };
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(rgb) / sizeof(rgb[0]); i++) {
		unsigned int	 d = colour_dark(rgb[i]);

		assert_true(colour_contrast(d, 0xffffff) >= 4.5);
		assert_true(colour_contrast(d, colour_light(rgb[i])) >= 4.5);
		/* Deterministic. */
		assert_int_equal(d, colour_dark(rgb[i]));
	}
	/* A colour dark enough already is kept as it is. */
	assert_int_equal(colour_dark(0x1f5fa8), 0x1f5fa8);
}

/*
 * The margin over WCAG's 4.5 (colour.c: 4.6, so that a renderer's
 * rounding never dips below 4.5), on the 216 web-safe colours: the
 * shade reads at 4.6 on white and on the category's tint, and it is
 * the lightest step that does (the step before it does not).
 */
static void
test_dark_margin(void **state)
{
	unsigned int	 r, g, b, rgb, d, prev;
	int		 t;

	(void)state;
	for (r = 0; r <= 0xff; r += 0x33)
		for (g = 0; g <= 0xff; g += 0x33)
			for (b = 0; b <= 0xff; b += 0x33) {
				rgb = r << 16 | g << 8 | b;
				d = colour_dark(rgb);
				if (d == 0x000000)
					continue;	/* the last resort */
				assert_true(colour_contrast(d, 0xffffff) >= 4.6);
				assert_true(colour_contrast(d,
				    colour_light(rgb)) >= 4.6);
				for (t = 0; t < 1000 &&
				    colour_mix(rgb, 0x000000, t) != d; t += 25)
					;
				assert_true(t < 1000);
				if (t == 0)
					continue;
				prev = colour_mix(rgb, 0x000000, t - 25);
				assert_false(colour_contrast(prev, 0xffffff) >= 4.6 &&
				    colour_contrast(prev, colour_light(rgb)) >= 4.6);
			}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contrast_known_values),
		cmocka_unit_test(test_mix_bounds),
		cmocka_unit_test(test_dark_reads_on_white_and_tint),
		cmocka_unit_test(test_dark_margin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
