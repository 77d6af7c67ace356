/*
 * glyphs.c — the booklet's glyph coverage (fontconfig + FreeType) and
 * the check of every text against it.  See glyphs.h.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <utf8proc.h>

#include "glyphs.h"
#include "i18n.h"
#include "util.h"

#define	GLYPHS_BMP	0x10000
/* Distinct characters named in one warning, per reason. */
#define	GLYPHS_SHOW	12

struct gface {
	FT_Face		 ft;		/* NULL: none */
	char		*path;
	unsigned char	*has;		/* per BMP code point: 0 unknown,
					   1 has a glyph, 2 has none */
};

struct glyphs {
	FT_Library	 lib;
	struct gface	 primary[4];
	struct gface	 fallback[4];
};

static int
S_face_open(struct glyphs *g, struct gface *f, const char *path)
{
	if (FT_New_Face(g->lib, path, 0, &f->ft) != 0) {
		f->ft = NULL;
		return 0;
	}
	if (FT_Select_Charmap(f->ft, FT_ENCODING_UNICODE) != 0) {
		FT_Done_Face(f->ft);
		f->ft = NULL;
		return 0;
	}
	f->path = xstrdup(path);
	f->has = xcalloc(GLYPHS_BMP, 1);
	return 1;
}

static int
S_face_has(struct gface *f, unsigned int cp)
{
	if (f->ft == NULL || cp >= GLYPHS_BMP)
		return 0;
	if (f->has[cp] == 0)
		f->has[cp] = FT_Get_Char_Index(f->ft, cp) != 0 ? 1 : 2;
	return f->has[cp] == 1;
}

/*
 * The TrueType file of the fallback family in a style, or NULL when
 * fontconfig would only substitute another family or no .ttf exists.
 */
static char *
S_fallback(FcConfig *cfg, int style)
{
	FcPattern	*pat, *match;
	FcResult	 res;
	FcChar8		*file, *fam;
	char		*path = NULL;
	size_t		 n;
	int		 i, ok = 0;

	pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY,
	    (const FcChar8 *)GLYPHS_FALLBACK_FAMILY);
	FcPatternAddInteger(pat, FC_WEIGHT, (style & 1) ? FC_WEIGHT_BOLD :
	    FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT, (style & 2) ? FC_SLANT_OBLIQUE :
	    FC_SLANT_ROMAN);
	FcPatternAddInteger(pat, FC_WIDTH, FC_WIDTH_NORMAL);
	FcPatternAddString(pat, FC_FONTFORMAT, (const FcChar8 *)"TrueType");
	FcConfigSubstitute(cfg, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(cfg, pat, &res);
	FcPatternDestroy(pat);
	if (match == NULL)
		return NULL;
	for (i = 0; FcPatternGetString(match, FC_FAMILY, i, &fam) ==
	    FcResultMatch; i++)
		if (strcasecmp((const char *)fam, GLYPHS_FALLBACK_FAMILY) == 0)
			ok = 1;
	if (ok && FcPatternGetString(match, FC_FILE, 0, &file) ==
	    FcResultMatch && (n = strlen((const char *)file)) > 4 &&
	    strcasecmp((const char *)file + n - 4, ".ttf") == 0)
		path = xstrdup((const char *)file);
	FcPatternDestroy(match);
	return path;
}

struct glyphs *
glyphs_open(const char *const faces[4], FcConfig *cfg, struct diags *d)
{
	struct glyphs	*g = xcalloc(1, sizeof(*g));
	char		*path;
	int		 i;

	if (FT_Init_FreeType(&g->lib) != 0) {
		free(g);
		diag_error(d, NULL, 0, 0, "cannot start FreeType");
		return NULL;
	}
	for (i = 0; i < 4; i++)
		if (!S_face_open(g, &g->primary[i], faces[i])) {
			diag_error(d, faces[i], 0, 0, "cannot read the font");
			glyphs_close(g);
			return NULL;
		}
	for (i = 0; i < 4; i++) {
		if ((path = S_fallback(cfg, i)) != NULL)
			(void)S_face_open(g, &g->fallback[i], path);
		free(path);
	}
	return g;
}

void
glyphs_close(struct glyphs *g)
{
	int	 i;

	if (g == NULL)
		return;
	for (i = 0; i < 8; i++) {
		struct gface *f = i < 4 ? &g->primary[i] : &g->fallback[i - 4];

		if (f->ft != NULL)
			FT_Done_Face(f->ft);
		free(f->path);
		free(f->has);
	}
	FT_Done_FreeType(g->lib);
	free(g);
}

const char *
glyphs_fallback_path(const struct glyphs *g, int style)
{
	return style >= 0 && style < 4 ? g->fallback[style].path : NULL;
}

/*
 * Scripts that need shaping (conjuncts, reordered vowels, stacked
 * marks): Indic scripts, Thai and Lao, Tibetan, Myanmar, Khmer,
 * Mongolian.  Right-to-left scripts are told by utf8proc's bidi class.
 */
static int
S_shaping(unsigned int cp)
{
	return (cp >= 0x0900 && cp <= 0x0dff) ||
	    (cp >= 0x0e00 && cp <= 0x0fff) ||
	    (cp >= 0x1000 && cp <= 0x109f) ||
	    (cp >= 0x1780 && cp <= 0x18af) ||
	    (cp >= 0xa8e0 && cp <= 0xa8ff) ||
	    (cp >= 0xa9e0 && cp <= 0xa9ff) ||
	    (cp >= 0xaa60 && cp <= 0xaa7f);
}

enum glyph_how
glyphs_how(struct glyphs *g, int style, unsigned int cp)
{
	const utf8proc_property_t *pr;

	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return GLYPH_INVISIBLE;
	if (cp > 0x10ffff)
		return GLYPH_NOFONT;
	pr = utf8proc_get_property((utf8proc_int32_t)cp);
	/* Format characters (soft hyphen, zero-width joiner, marks of
	 * direction) and variation selectors show nothing themselves. */
	if (pr->category == UTF8PROC_CATEGORY_CF ||
	    (cp >= 0xfe00 && cp <= 0xfe0f) ||
	    (cp >= 0xe0100 && cp <= 0xe01ef))
		return GLYPH_INVISIBLE;
	if (cp >= GLYPHS_BMP)
		return GLYPH_ASTRAL;
	if (pr->bidi_class == UTF8PROC_BIDI_CLASS_R ||
	    pr->bidi_class == UTF8PROC_BIDI_CLASS_AL ||
	    pr->bidi_class == UTF8PROC_BIDI_CLASS_AN)
		return GLYPH_RTL;
	if (S_shaping(cp))
		return GLYPH_SHAPING;
	if (style < 0 || style > 3)
		style = 0;
	if (S_face_has(&g->primary[style], cp))
		return GLYPH_PRIMARY;
	if (S_face_has(&g->fallback[style], cp))
		return GLYPH_FALLBACK;
	return GLYPH_NOFONT;
}

/* ---- the check -------------------------------------------------------- */

/* Characters left out of one value, by reason. */
enum { R_NOFONT, R_RTL, R_SHAPING, R_EMOJI, R_ASTRAL, R__COUNT };

struct miss {
	unsigned int	 cp[R__COUNT][GLYPHS_SHOW];
	size_t		 ncp[R__COUNT];	/* distinct, capped at GLYPHS_SHOW */
	int		 more[R__COUNT]; /* more distinct ones than shown */
	size_t		 total;		/* characters left out */
	struct pos	 first;		/* of the first one */
};

static const char *const S_reason[R__COUNT] = {
	N_("no font of the booklet has them"),
	N_("right-to-left script, which the booklet does not support"),
	N_("script that needs shaping, which the booklet does not do"),
	N_("emoji, which the booklet does not print"),
	N_("characters beyond U+FFFF, which the booklet does not print")
};

/* Why cp is left out in some style, or -1 when every style prints it. */
static int
S_why(struct glyphs *g, unsigned int cp)
{
	int	 style;

	for (style = 0; style < 4; style++)
		switch (glyphs_how(g, style, cp)) {
		case GLYPH_PRIMARY:
		case GLYPH_FALLBACK:
		case GLYPH_INVISIBLE:
			continue;
		case GLYPH_RTL:
			return R_RTL;
		case GLYPH_SHAPING:
			return R_SHAPING;
		case GLYPH_ASTRAL:
			return (cp >= 0x1f000 && cp <= 0x1faff) ? R_EMOJI :
			    R_ASTRAL;
		case GLYPH_NOFONT:
			return R_NOFONT;
		}
	return -1;
}

/*
 * Check one text; pos is where it starts.  With lines set (a Markdown
 * body), the first missing character's own line and column are found;
 * otherwise the warning points at the value.
 */
static void
S_check(struct glyphs *g, struct diags *d, const char *file, struct pos pos,
    const char *field, const char *s, int lines)
{
	struct miss	 m;
	struct buf	 b;
	size_t		 n = s ? strlen(s) : 0, k, i;
	unsigned int	 cp;
	struct pos	 at = pos;
	int		 r, sep = 0;

	if (s == NULL)
		return;
	memset(&m, 0, sizeof(m));
	for (; n > 0; s += k, n -= k) {
		if ((k = utf8_decode(s, n, &cp)) == 0) {
			k = 1;
			continue;
		}
		if ((r = S_why(g, cp)) >= 0) {
			if (m.total++ == 0)
				m.first = at;
			for (i = 0; i < m.ncp[r]; i++)
				if (m.cp[r][i] == cp)
					break;
			if (i == m.ncp[r]) {
				if (m.ncp[r] < GLYPHS_SHOW)
					m.cp[r][m.ncp[r]++] = cp;
				else
					m.more[r] = 1;
			}
		}
		if (lines && cp == '\n') {
			at.line++;
			at.col = 1;
		} else
			at.col++;
	}
	if (m.total == 0)
		return;
	buf_init(&b);
	for (r = 0; r < R__COUNT; r++) {
		if (m.ncp[r] == 0)
			continue;
		/* TRANSLATORS: between the groups of characters left out. */
		buf_puts(&b, sep++ ? C_("list separator", "; ") : "");
		for (i = 0; i < m.ncp[r]; i++)
			utf8_encode(&b, m.cp[r][i]);
		/* TRANSLATORS: "中文 (U+4E2D...: why)"; "..." when more. */
		buf_printf(&b, _("%s (U+%04X%s: %s)"), m.more[r] ? "..." : "",
		    m.cp[r][0], m.ncp[r] > 1 ? "..." : "", _(S_reason[r]));
	}
	diag_warn(d, file, lines ? m.first.line : pos.line,
	    lines ? m.first.col : pos.col, ngettext("%s: the booklet leaves "
	    "out %zu character it cannot print (the site shows them): %s",
	    "%s: the booklet leaves out %zu characters it cannot print (the "
	    "site shows them): %s", m.total), field, m.total, buf_cstr(&b));
	buf_free(&b);
}

static void
S_check_text(struct glyphs *g, struct diags *d, const char *file,
    const char *field, const struct text *t)
{
	S_check(g, d, file, t->pos, field, t->s, 0);
}

/* The value of key.sub (adresse.rue, structure.nom...). */
static void
S_check_sub(struct glyphs *g, struct diags *d, const char *file,
    const char *key, const char *sub, const struct text *t)
{
	char	*f = xasprintf("%s.%s", key, sub);

	S_check_text(g, d, file, f, t);
	free(f);
}

static void
S_check_address(struct glyphs *g, struct diags *d, const char *file,
    const char *field, const struct address *a)
{
	S_check_sub(g, d, file, field, "rue", &a->rue);
	S_check_sub(g, d, file, field, "complement", &a->complement);
	S_check_sub(g, d, file, field, "ville", &a->ville);
}

static void
S_check_partner(struct glyphs *g, struct diags *d, const struct partner *p)
{
	const char	*f = p->path;
	size_t		 i;

	S_check_text(g, d, f, "nom", &p->nom);
	S_check_text(g, d, f, "sigle", &p->sigle);
	S_check_text(g, d, f, "resume", &p->resume);
	for (i = 0; i < p->missions.n; i++)
		S_check_text(g, d, f, "missions", &p->missions.v[i]);
	for (i = 0; i < p->nactions; i++) {
		S_check_text(g, d, f, "actions", &p->actions[i].titre);
		S_check_text(g, d, f, "actions.description",
		    &p->actions[i].description);
	}
	S_check_text(g, d, f, "public", &p->public_);
	S_check_text(g, d, f, "acces.precisions", &p->acces_precisions);
	S_check_text(g, d, f, "accessibilite.precisions",
	    &p->accessibilite_precisions);
	S_check_address(g, d, f, "adresse", &p->adresse);
	S_check_text(g, d, f, "transports", &p->transports);
	S_check_text(g, d, f, "horaires.precisions", &p->horaires.precisions);
	S_check_text(g, d, f, "courriel", &p->courriel);
	S_check_text(g, d, f, "site", &p->site);
	for (i = 0; i < p->ncontacts; i++) {
		S_check_text(g, d, f, "contacts.nom", &p->contacts[i].nom);
		S_check_text(g, d, f, "contacts.fonction",
		    &p->contacts[i].fonction);
		S_check_text(g, d, f, "contacts.courriel",
		    &p->contacts[i].courriel);
	}
	if (p->body != NULL)
		S_check(g, d, f, (struct pos){ p->body_line, 1 },
		    "presentation", p->body, 1);
}

static void
S_check_organisation(struct glyphs *g, struct diags *d, const char *file,
    const char *key, const struct organisation *o)
{
	char	*f;

	S_check_sub(g, d, file, key, "nom", &o->nom);
	f = xasprintf("%s.adresse", key);
	S_check_address(g, d, file, f, &o->adresse);
	free(f);
	S_check_sub(g, d, file, key, "courriel", &o->courriel);
	S_check_sub(g, d, file, key, "site", &o->site);
}

void
glyphs_check_site(struct glyphs *g, const struct site *s, struct diags *d)
{
	const char	*f = s->path;
	struct text	 t;
	size_t		 i;

	S_check_text(g, d, f, "titre", &s->titre);
	S_check_text(g, d, f, "sous_titre", &s->sous_titre);
	S_check_organisation(g, d, f, "editeur", &s->editeur);
	S_check_organisation(g, d, f, "coordination", &s->coordination);
	S_check_text(g, d, f, "edito.texte", &s->edito);
	S_check_text(g, d, f, "edito.signature", &s->edito_signature);
	for (i = 0; i < s->ncategories; i++) {
		t.s = s->categories[i].label;
		t.pos = s->categories[i].pos;
		S_check_text(g, d, f, "categories.libelle", &t);
	}
	for (i = 0; i < s->nthematiques; i++) {
		t.s = s->thematiques[i].label;
		t.pos = s->thematiques[i].pos;
		S_check_text(g, d, f, "thematiques.libelle", &t);
	}
	for (i = 0; i < s->npartners; i++)
		S_check_partner(g, d, &s->partners[i]);
}
