/*
 * colour.c — category colours: tints, shades, contrast.  See colour.h.
 */
#include <math.h>

#include "colour.h"

/* sRGB channel to linear light (WCAG 2.1 relative luminance). */
static double
S_lin(unsigned int c8)
{
	double	 c = c8 / 255.0;

	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
S_luminance(unsigned int rgb)
{
	return 0.2126 * S_lin((rgb >> 16) & 255) +
	    0.7152 * S_lin((rgb >> 8) & 255) + 0.0722 * S_lin(rgb & 255);
}

double
colour_contrast(unsigned int a, unsigned int b)
{
	double	 la = S_luminance(a), lb = S_luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

unsigned int
colour_mix(unsigned int rgb, unsigned int target, int t)
{
	unsigned int	 out = 0;
	int		 sh, a, b;

	if (t < 0)
		t = 0;
	if (t > 1000)
		t = 1000;
	for (sh = 16; sh >= 0; sh -= 8) {
		a = (int)((rgb >> sh) & 255);
		b = (int)((target >> sh) & 255);
		out |= (unsigned int)((a * (1000 - t) + b * t + 500) / 1000)
		    << sh;
	}
	return out;
}

unsigned int
colour_light(unsigned int rgb)
{
	return colour_mix(rgb, 0xffffff, 900);
}

unsigned int
colour_dark(unsigned int rgb)
{
	unsigned int	 light = colour_light(rgb), c;
	int		 t;

	/* Integer steps: the same shade on every machine.  A margin over
	 * 4.5 keeps rounding in renderers from dipping below it. */
	for (t = 0; t < 1000; t += 25) {
		c = colour_mix(rgb, 0x000000, t);
		if (colour_contrast(c, 0xffffff) >= 4.6 &&
		    colour_contrast(c, light) >= 4.6)
			return c;
	}
	return 0x000000;
}
