/*
 * colour.h — the colours of a category, computed once for both outputs.
 *
 * site.yaml gives one colour per category; the site and the booklet
 * derive from it the same light tint (backgrounds) and the same dark
 * shade (text), so screen and paper speak one visual language
 * (DESIGN.md).  Colours are 0xRRGGBB.  Contrast follows WCAG 2.1.
 */
#ifndef COLOUR_H
#define COLOUR_H

/* WCAG contrast ratio of two colours, from 1 to 21. */
double		 colour_contrast(unsigned int, unsigned int);
/* Mix rgb toward target: t = 0 gives rgb, t = 1000 gives target. */
unsigned int	 colour_mix(unsigned int rgb, unsigned int target, int t);
/* The background tint of a colour: 90 % white. */
unsigned int	 colour_light(unsigned int rgb);
/*
 * The text shade of a colour: the colour itself, darkened step by step
 * until it reads at 4.5:1 (WCAG AA, small text) on white and on its
 * own light tint.
 */
unsigned int	 colour_dark(unsigned int rgb);

#endif /* COLOUR_H */
