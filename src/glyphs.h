/*
 * glyphs.h — which characters the booklet can print, and with which
 * face.  One answer for the checker (warnings at the value that holds
 * a character the booklet will leave out) and for the booklet (which
 * face measures and draws each character).
 *
 * Each of the four styles (regular, bold, italic, bold italic) has the
 * theme's face and a fallback face: the same style of DejaVu Sans
 * (Debian's fonts-dejavu-core), found through fontconfig, which covers
 * Latin extended, Greek, Cyrillic, Armenian, Georgian and many symbols.
 * A character prints with the theme's face when it has the glyph, else
 * with the fallback's.  It does not print at all when neither has the
 * glyph, when it lies beyond U+FFFF (libharu 2.3 encodes the BMP only:
 * emoji), or when its script is written right to left or needs shaping
 * (Arabic, Hebrew, Indic scripts…), which the booklet does not do:
 * drawn letter by letter those would be wrong, so they are left out.
 */
#ifndef GLYPHS_H
#define GLYPHS_H

#include <fontconfig/fontconfig.h>

#include "diag.h"
#include "model.h"

/* The fallback family, asked of fontconfig in the four styles. */
#define	GLYPHS_FALLBACK_FAMILY	"DejaVu Sans"

/* How the booklet prints a character. */
enum glyph_how {
	GLYPH_PRIMARY,		/* with the theme's face */
	GLYPH_FALLBACK,		/* with the fallback face */
	GLYPH_INVISIBLE,	/* a control or format character: dropped,
				   nothing is lost */
	GLYPH_NOFONT,		/* no face has it: left out */
	GLYPH_RTL,		/* right-to-left script: left out */
	GLYPH_SHAPING,		/* script needing shaping: left out */
	GLYPH_ASTRAL		/* beyond U+FFFF (emoji...): left out */
};

struct glyphs;

/*
 * Open the four faces of the theme (TrueType files, regular, bold,
 * italic, bold italic) and find the fallback faces.  A missing
 * fallback family is no error (characters the theme lacks are then
 * left out, with warnings).  Returns NULL with a diagnostic when a
 * theme face cannot be read.  cfg is the caller's fontconfig (loading
 * one reads every font cache: done once, by fonts_open()).
 */
struct glyphs	*glyphs_open(const char *const faces[4], FcConfig *cfg,
		    struct diags *);
void		 glyphs_close(struct glyphs *);

/* The fallback file of a style (0..3, as enum pdf_face), or NULL. */
const char	*glyphs_fallback_path(const struct glyphs *, int style);

/* How the booklet prints cp in a style (0..3). */
enum glyph_how	 glyphs_how(struct glyphs *, int style, unsigned int cp);

/*
 * Warn about every text of the site and its partners that holds
 * characters the booklet will leave out (in any style): one warning per
 * value, at its file:line:col, naming the characters and why.
 */
void		 glyphs_check_site(struct glyphs *, const struct site *,
		    struct diags *);

#endif /* GLYPHS_H */
