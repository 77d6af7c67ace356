/*
 * lay_font.h — the theme's faces for the layout (lay_font.c): found
 * with fontconfig, measured with FreeType as the emitter's PDF will
 * draw them, and their coverage of the characters.
 */
#ifndef LAY_FONT_H
#define LAY_FONT_H

#include <stddef.h>

#include "diag.h"
#include "lay_theme.h"
#include "pdf.h"

struct fonts;

/*
 * Resolve the theme's four faces through fontconfig (a family that is
 * not installed is an error, never a silent substitute) and open them
 * and the icon font with FreeType.  Returns NULL on error.
 */
struct fonts	*fonts_open(const struct theme *, struct diags *);
void		 fonts_close(struct fonts *);
/*
 * Append again the diagnostics (warnings) fonts_open() appended: a
 * layout given fonts opened before (booklet_opts.fonts) says what it
 * would have said opening them itself.
 */
void		 fonts_replay(const struct fonts *, struct diags *);
/* Absolute path of the file of a face. */
const char	*fonts_path(const struct fonts *, enum pdf_face);
/* Whether the face has a glyph for code point cp. */
int		 fonts_has(struct fonts *, enum pdf_face, unsigned int cp);
/*
 * Whether the booklet prints cp in that face: with the face itself or
 * with the style's fallback face (glyphs.h says which).
 */
int		 fonts_printable(struct fonts *, enum pdf_face, unsigned int cp);
/* The fallback file of a style (FACE_REGULAR..FACE_BOLDITALIC), or NULL. */
const char	*fonts_fallback_path(const struct fonts *, enum pdf_face);
/* The glyph coverage of the faces (for glyphs_check_site()). */
struct glyphs	*fonts_glyphs(struct fonts *);
/*
 * Advance width of the UTF-8 string s (len bytes) at size points, as
 * the emitter's PDF will draw it: libharu's per-glyph widths (advance
 * * 1000 / units per em, truncated), no kerning.
 */
double		 fonts_width(struct fonts *, enum pdf_face, double size,
		    const char *s, size_t len);
/* Ascender and descender (negative) of the face, per point of size. */
double		 fonts_ascender(const struct fonts *, enum pdf_face);
double		 fonts_descender(const struct fonts *, enum pdf_face);

#endif /* LAY_FONT_H */
