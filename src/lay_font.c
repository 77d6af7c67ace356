/*
 * lay_font.c — the booklet's fonts: fontconfig finds the files of the
 * theme's families, FreeType reads their metrics.
 *
 * The widths are those the emitter's PDF declares: libharu 2.3 writes
 * each glyph's width as advance * 1000 / units_per_em in integer
 * arithmetic (hpdf_fontdef_tt.c) and applies no kerning, so measuring
 * the same way keeps justified lines flush to the hundredth of a point.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include "glyphs.h"
#include "lay.h"

/* Code points cached per face (libharu's CID fonts stop at the BMP). */
#define	FONT_CACHE	0x10000

struct face {
	FT_Face		 ft;
	char		*path;
	unsigned int	 upem;
	int32_t		*width;	/* per code point: 1000-unit width, -1 unknown, -2 missing */
};

struct fonts {
	FT_Library	 lib;
	struct face	 f[FACE__COUNT];
	struct face	 fb[4];		/* fallback of each style (glyphs.c) */
	struct glyphs	*glyphs;	/* which face prints what */
	struct diags	 said;		/* what fonts_open() appended (warnings),
					   for fonts_replay() */
};

static const char *const S_face_names[4] = {
	"regular", "bold", "italic", "bold_italic"
};

/* Whether the match belongs to the asked family (any of its names). */
static int
S_family_ok(FcPattern *asked, FcPattern *match)
{
	FcChar8	*want, *got;
	int	 i;

	if (FcPatternGetString(asked, FC_FAMILY, 0, &want) != FcResultMatch)
		return 1;	/* a pattern without family: anything goes */
	for (i = 0; FcPatternGetString(match, FC_FAMILY, i, &got) ==
	    FcResultMatch; i++)
		if (strcasecmp((const char *)want, (const char *)got) == 0)
			return 1;
	return 0;
}

/* Whether path names a plain TrueType file libharu can load. */
static int
S_truetype(FcPattern *match, const char *path)
{
	FcChar8	*fmt;
	size_t	 n = strlen(path);

	if (FcPatternGetString(match, FC_FONTFORMAT, 0, &fmt) == FcResultMatch &&
	    strcmp((const char *)fmt, "TrueType") != 0)
		return 0;
	return n > 4 && strcasecmp(path + n - 4, ".ttf") == 0;
}

/*
 * Find the file of face i (0 regular .. 3 bold italic) of the pattern
 * spec.  Returns an allocated path, or NULL with an error.
 */
static char *
S_fc_match(FcConfig *cfg, const struct theme *t, int i, struct diags *d)
{
	FcPattern	*pat, *match = NULL;
	FcResult	 res;
	FcChar8		*file, *fam;
	const char	*file_name = t->path;
	int		 weight, slant, line = t->font_pos[i].line,
			 col = t->font_pos[i].col;
	char		*path = NULL;

	if ((pat = FcNameParse((const FcChar8 *)t->font[i])) == NULL) {
		diag_error(d, file_name, line, col, "booklet.fonts.%s: \"%s\" "
		    "is not a font name", S_face_names[i], t->font[i]);
		return NULL;
	}
	if (FcPatternGetInteger(pat, FC_WEIGHT, 0, &weight) != FcResultMatch)
		FcPatternAddInteger(pat, FC_WEIGHT, (i & 1) ?
		    FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	if (FcPatternGetInteger(pat, FC_SLANT, 0, &slant) != FcResultMatch)
		FcPatternAddInteger(pat, FC_SLANT, (i & 2) ?
		    FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcPatternAddInteger(pat, FC_WIDTH, FC_WIDTH_NORMAL);
	FcPatternAddString(pat, FC_FONTFORMAT, (const FcChar8 *)"TrueType");
	FcConfigSubstitute(cfg, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(cfg, pat, &res);
	if (match == NULL || res != FcResultMatch ||
	    FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch) {
		diag_error(d, file_name, line, col, "booklet.fonts.%s: no "
		    "font matches \"%s\"", S_face_names[i], t->font[i]);
		goto out;
	}
	if (!S_family_ok(pat, match)) {
		if (FcPatternGetString(match, FC_FAMILY, 0, &fam) != FcResultMatch)
			fam = (FcChar8 *)"?";
		diag_error(d, file_name, line, col, "booklet.fonts.%s: the "
		    "font family \"%s\" is not installed (fontconfig would "
		    "substitute \"%s\"); install it, e.g. Debian's "
		    "fonts-open-sans, or name another family",
		    S_face_names[i], t->font[i], (const char *)fam);
		goto out;
	}
	if (!S_truetype(match, (const char *)file)) {
		diag_error(d, file_name, line, col, "booklet.fonts.%s: %s is "
		    "not a TrueType (.ttf) file; the PDF library loads "
		    "TrueType outlines only", S_face_names[i],
		    (const char *)file);
		goto out;
	}
	if (FcPatternGetInteger(match, FC_WEIGHT, 0, &weight) == FcResultMatch &&
	    FcPatternGetInteger(match, FC_SLANT, 0, &slant) == FcResultMatch &&
	    ((i & 1) != (weight >= FC_WEIGHT_DEMIBOLD) ||
	    ((i & 2) != 0) != (slant != FC_SLANT_ROMAN)))
		diag_warn(d, file_name, line, col, "booklet.fonts.%s: \"%s\" "
		    "has no such face; using %s", S_face_names[i], t->font[i],
		    (const char *)file);
	path = xstrdup((const char *)file);
out:
	if (match != NULL)
		FcPatternDestroy(match);
	FcPatternDestroy(pat);
	return path;
}

static int
S_face_load(struct fonts *fs, struct face *f, const char *path,
    struct diags *d, const char *file, struct pos pos)
{

	if (FT_New_Face(fs->lib, path, 0, &f->ft) != 0) {
		f->ft = NULL;
		diag_error(d, file, pos.line, pos.col, "cannot read the font "
		    "%s", path);
		return 0;
	}
	if (FT_Select_Charmap(f->ft, FT_ENCODING_UNICODE) != 0 ||
	    f->ft->units_per_EM == 0) {
		diag_error(d, file, pos.line, pos.col, "the font %s has no "
		    "Unicode map", path);
		return 0;
	}
	f->path = xstrdup(path);
	f->upem = f->ft->units_per_EM;
	f->width = xmalloc(FONT_CACHE * sizeof(*f->width));
	memset(f->width, 0xff, FONT_CACHE * sizeof(*f->width));	/* -1 */
	return 1;
}

static int
S_load_face(struct fonts *fs, enum pdf_face i, const char *path,
    struct diags *d,
    const char *file, struct pos pos)
{
	return S_face_load(fs, &fs->f[i], path, d, file, pos);
}

struct fonts *
fonts_open(const struct theme *t, struct diags *d)
{
	struct fonts	*fs;
	FcConfig	*cfg;
	char		*path;
	const char	*fbp;
	struct pos	 nopos = { 0, 0 };
	size_t		 n0 = d->n, k;
	int		 i, ok = 1;

	fs = xcalloc(1, sizeof(*fs));
	diags_init(&fs->said);
	if (FT_Init_FreeType(&fs->lib) != 0) {
		free(fs);
		diag_error(d, NULL, 0, 0, "cannot start FreeType");
		return NULL;
	}
	if ((cfg = FcInitLoadConfigAndFonts()) == NULL) {
		fonts_close(fs);
		diag_error(d, NULL, 0, 0, "cannot start fontconfig");
		return NULL;
	}
	for (i = 0; i < 4; i++) {
		if ((path = S_fc_match(cfg, t, i, d)) == NULL) {
			ok = 0;
			continue;
		}
		if (!S_load_face(fs, (enum pdf_face)i, path, d, t->path,
		    t->font_pos[i]))
			ok = 0;
		free(path);
	}
	if (ok && !S_load_face(fs, FACE_ICON, t->icon_font, d, NULL, nopos))
		ok = 0;
	if (ok) {
		const char *faces[4];

		for (i = 0; i < 4; i++)
			faces[i] = fs->f[i].path;
		if ((fs->glyphs = glyphs_open(faces, cfg, d)) == NULL)
			ok = 0;
	}
	FcConfigDestroy(cfg);
	for (i = 0; ok && i < 4; i++)
		if ((fbp = glyphs_fallback_path(fs->glyphs, i)) != NULL &&
		    !S_face_load(fs, &fs->fb[i], fbp, d, NULL, nopos))
			ok = 0;
	if (!ok) {
		fonts_close(fs);
		return NULL;
	}
	for (k = n0; k < d->n; k++)
		diag_add(&fs->said, d->v[k].sev, d->v[k].file, d->v[k].line,
		    d->v[k].col, "%s", d->v[k].msg);
	return fs;
}

void
fonts_replay(const struct fonts *fs, struct diags *d)
{
	diags_append(d, &fs->said);
}

void
fonts_close(struct fonts *fs)
{
	int	 i;

	if (fs == NULL)
		return;
	for (i = 0; i < FACE__COUNT + 4; i++) {
		struct face *f = i < FACE__COUNT ? &fs->f[i] :
		    &fs->fb[i - FACE__COUNT];

		if (f->ft != NULL)
			FT_Done_Face(f->ft);
		free(f->path);
		free(f->width);
	}
	glyphs_close(fs->glyphs);
	diags_free(&fs->said);
	FT_Done_FreeType(fs->lib);
	free(fs);
}

const char *
fonts_path(const struct fonts *fs, enum pdf_face i)
{
	return fs->f[i].path;
}

/* The width in 1000ths of an em of cp, -2 when the face lacks it. */
static int32_t
S_face_width(struct face *f, unsigned int cp)
{
	FT_UInt		 gid;
	FT_Fixed	 adv;
	int32_t		 w;

	if (cp >= FONT_CACHE)
		return -2;
	if (f->width[cp] != -1)
		return f->width[cp];
	gid = FT_Get_Char_Index(f->ft, cp);
	if (gid == 0)
		w = -2;
	else if (FT_Get_Advance(f->ft, gid, FT_LOAD_NO_SCALE, &adv) != 0)
		w = 0;
	else	/* as libharu: integer arithmetic, truncated */
		w = (int32_t)((unsigned long)adv * 1000 / f->upem);
	f->width[cp] = w;
	return w;
}

static int32_t
S_width(struct fonts *fs, enum pdf_face i, unsigned int cp)
{
	return S_face_width(&fs->f[i], cp);
}

const char *
fonts_fallback_path(const struct fonts *fs, enum pdf_face i)
{
	return (int)i < 4 ? fs->fb[i].path : NULL;
}

int
fonts_printable(struct fonts *fs, enum pdf_face i, unsigned int cp)
{
	enum glyph_how	 h;

	if ((int)i >= 4)
		return fonts_has(fs, i, cp);
	h = glyphs_how(fs->glyphs, (int)i, cp);
	return h == GLYPH_PRIMARY || h == GLYPH_FALLBACK;
}

struct glyphs *
fonts_glyphs(struct fonts *fs)
{
	return fs->glyphs;
}

int
fonts_has(struct fonts *fs, enum pdf_face i, unsigned int cp)
{
	return S_width(fs, i, cp) != -2;
}

double
fonts_width(struct fonts *fs, enum pdf_face i, double size, const char *s,
    size_t len)
{
	size_t		 k, n;
	unsigned int	 cp;
	long		 sum = 0;
	int32_t		 w;

	for (k = 0; k < len; k += n) {
		if ((n = utf8_decode(s + k, len - k, &cp)) == 0) {
			n = 1;
			continue;
		}
		/* What the theme's face lacks, the fallback draws (the
		 * emitter chooses the same way); the rest is left out. */
		if ((w = S_width(fs, i, cp)) < 0)
			w = (int)i < 4 && fs->fb[i].ft != NULL &&
			    fonts_printable(fs, i, cp) ?
			    S_face_width(&fs->fb[i], cp) : 0;
		if (w > 0)
			sum += w;
	}
	return (double)sum * size / 1000.0;
}

double
fonts_ascender(const struct fonts *fs, enum pdf_face i)
{
	const struct face *f = &fs->f[i];

	return (double)f->ft->ascender / f->upem;
}

double
fonts_descender(const struct fonts *fs, enum pdf_face i)
{
	const struct face *f = &fs->f[i];

	return (double)f->ft->descender / f->upem;
}
