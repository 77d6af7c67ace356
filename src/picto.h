/*
 * picto.h — pictograms of the thématiques, from the Fork Awesome font.
 *
 * One source serves both outputs: the booklet draws the glyph with the
 * font itself (FACE_ICON, by code point), the site inlines the same
 * glyph as a small SVG path obtained from FreeType's outline
 * decomposition.  Nothing here prints; unknown names return 0/NULL and
 * the caller reports them (site.yaml's position is in struct
 * thematique).
 *
 * Names are Fork Awesome's ("home", "balance-scale", "handshake-o"):
 * the glyph names of the font's own `post' table, read at run time so
 * that any icon of the installed font works, plus the aliases the
 * package's stylesheet declares ("euro" is the glyph "eur"), read from
 * css_path when one is given.
 *
 * Output is deterministic: coordinates are the font's integer units,
 * never scaled or rounded.
 */
#ifndef PICTO_H
#define PICTO_H

#include <stddef.h>

#include "util.h"

/* Debian's fonts-fork-awesome. */
#define	PICTO_FONT_PATH \
	"/usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf"
#define	PICTO_CSS_PATH \
	"/usr/share/fonts-fork-awesome/css/fork-awesome.css"

struct picto;	/* an open font and its name table; opaque */

/*
 * The SVG coordinate box of a glyph, in font units: x and y are the
 * viewBox origin (always 0 0), w the glyph's advance width, h the units
 * per em.  The y axis is flipped so that the glyph stands upright: an
 * outline point (x, y) is written (x, ascender - y), the baseline lies
 * at y = ascender.
 */
struct picto_box {
	long	 x, y;
	long	 w, h;
};

/*
 * Open a TrueType/OpenType icon font and index its glyph names.
 * css_path (may be NULL) names a Font Awesome style sheet whose rules
 * ".fa-NAME:before { content: "\fXXX"; }" add aliases; a glyph name
 * of the font wins over an alias of the same spelling.  Returns NULL
 * on failure (font unreadable or without a Unicode map, css_path given
 * but unreadable or larger than 4 MiB); errno is meaningful only for
 * the file errors.  Free with picto_close().
 */
struct picto	*picto_open(const char *font_path, const char *css_path);
/* Close; NULL is fine. */
void		 picto_close(struct picto *);

/* Number of names known (glyph names plus aliases). */
size_t		 picto_count(const struct picto *);
/* The i-th name known (sorted, may repeat), NULL past the end. */
const char	*picto_name(const struct picto *, size_t i);

/*
 * The Unicode code point (Private Use Area, U+F000…) of the icon
 * called name, or 0 when the font has no such icon.
 */
unsigned int	 picto_codepoint(const struct picto *, const char *name);

/*
 * SVG path data of the icon, "M230 992L806 512Q1382 1498 1363 1517Z"
 * (absolute commands M L Q C Z, the letter touching its first number,
 * numbers separated by one space) in integer font units, one subpath
 * per contour, for the nonzero fill rule (SVG's default, TrueType's).  When box
 * is not NULL it receives the viewBox.  Returns an allocated string
 * ("" for a glyph without contours), or NULL for an unknown name or a
 * glyph FreeType cannot load.
 */
char		*picto_svg_path(struct picto *, const char *name,
		    struct picto_box *box);

#endif /* PICTO_H */
