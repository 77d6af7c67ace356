/*
 * picto.c — icon names to code points and SVG paths (see picto.h).
 *
 * The name table is built once per picto_open(): every character of
 * the font's Unicode map whose glyph has a name in the `post' table,
 * then the aliases of the style sheet.  It is sorted by name and
 * searched with bsearch(); for equal names the earlier entry (font
 * before style sheet, lower code point first) wins, so the table does
 * not depend on qsort's handling of ties.
 */
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include "picto.h"
#include "util.h"

/* Fork Awesome's style sheet is 60 kB; anything this large is not one. */
#define	PICTO_CSS_MAX	(4u * 1024 * 1024)
/* Longest icon name we index ("long-arrow-alt-circle-down" is 26). */
#define	PICTO_NAME_MAX	64

struct picto_name {
	char		*name;
	unsigned int	 cp;
	size_t		 seq;	/* insertion order: tie-break of the sort */
};

struct picto {
	FT_Library	 lib;
	FT_Face		 face;
	struct picto_name *v;
	size_t		 n;
	size_t		 cap;
};

static void
S_glyph_add(struct picto *p, const char *name, size_t len, unsigned int cp)
{
	if (len == 0 || len > PICTO_NAME_MAX)
		return;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 1024;
		p->v = xreallocarray(p->v, p->cap, sizeof(*p->v));
	}
	p->v[p->n].name = xstrndup(name, len);
	p->v[p->n].cp = cp;
	p->v[p->n].seq = p->n;
	p->n++;
}

static int
S_glyph_cmp(const void *a, const void *b)
{
	const struct picto_name *x = a, *y = b;
	int c;

	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static int
S_glyph_find(const void *key, const void *elem)
{
	return strcmp(key, ((const struct picto_name *)elem)->name);
}

/* Index the glyph names of every mapped character. */
static void
S_index_font(struct picto *p)
{
	FT_ULong	 cp;
	FT_UInt		 gid;
	char		 name[PICTO_NAME_MAX + 2];

	if (!FT_HAS_GLYPH_NAMES(p->face))
		return;
	for (cp = FT_Get_First_Char(p->face, &gid); gid != 0;
	    cp = FT_Get_Next_Char(p->face, cp, &gid)) {
		if (cp > 0x10FFFF)
			continue;
		if (FT_Get_Glyph_Name(p->face, gid, name, sizeof(name)) != 0)
			continue;
		/* A name that filled the buffer may be cut: skip it. */
		if (strlen(name) > PICTO_NAME_MAX || name[0] == '.')
			continue;
		S_glyph_add(p, name, strlen(name), (unsigned int)cp);
	}
}

static int
S_isname(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
	    c == '_' || (c >= 'A' && c <= 'Z');
}

/*
 * Read the aliases of a Font Awesome style sheet:
 *   .fa-euro:before,
 *   .fa-eur:before {
 *     content: "\f153";
 *   }
 * Selectors ".fa-NAME:before" seen since the last '}' receive the code
 * point of the next `content: "\XXXX"'.  Only code points the font
 * maps are kept.  Comments are skipped; anything else is ignored.
 */
static void
S_index_css(struct picto *p, const char *s)
{
	const char	*pend[64];	/* pending selectors of one rule */
	size_t		 plen[64], npend = 0, i;
	unsigned int	 cp;
	int		 h, ndig;

	while (*s != '\0') {
		if (s[0] == '/' && s[1] == '*') {
			const char *e = strstr(s + 2, "*/");
			if (e == NULL)
				break;
			s = e + 2;
		} else if (*s == '}') {
			npend = 0;
			s++;
		} else if (strncmp(s, ".fa-", 4) == 0) {
			const char *name = s + 4, *e = name;
			while (S_isname((unsigned char)*e))
				e++;
			if (strncmp(e, ":before", 7) == 0 ||
			    strncmp(e, "::before", 8) == 0) {
				if (npend < sizeof(pend) / sizeof(pend[0])) {
					pend[npend] = name;
					plen[npend++] = (size_t)(e - name);
				}
			}
			s = e;
		} else if (strncmp(s, "content:", 8) == 0 && npend > 0) {
			s += 8;
			while (*s == ' ' || *s == '\t')
				s++;
			if (s[0] != '"' || s[1] != '\\') {
				npend = 0;
				continue;
			}
			s += 2;
			cp = 0;
			for (ndig = 0; ndig < 6 && (h = hexval((unsigned char)*s)) >= 0;
			    ndig++, s++)
				cp = cp * 16 + (unsigned int)h;
			if (ndig > 0 && *s == '"' && cp <= 0x10FFFF &&
			    FT_Get_Char_Index(p->face, cp) != 0)
				for (i = 0; i < npend; i++)
					S_glyph_add(p, pend[i], plen[i], cp);
			npend = 0;
		} else
			s++;
	}
}

/*
 * Open the font and build the name table.  Returns NULL on failure;
 * every resource is released at the one exit.
 */
struct picto *
picto_open(const char *font_path, const char *css_path)
{
	struct picto	*p = NULL, *ret = NULL;
	char		*css = NULL;
	size_t		 csslen, i, j;

	p = xcalloc(1, sizeof(*p));
	if (FT_Init_FreeType(&p->lib) != 0) {
		p->lib = NULL;
		goto out;
	}
	if (FT_New_Face(p->lib, font_path, 0, &p->face) != 0) {
		p->face = NULL;
		goto out;
	}
	if (!FT_IS_SCALABLE(p->face) ||
	    FT_Select_Charmap(p->face, FT_ENCODING_UNICODE) != 0)
		goto out;
	S_index_font(p);
	if (css_path != NULL) {
		if (!file_read(css_path, PICTO_CSS_MAX, &css, &csslen))
			goto out;
		S_index_css(p, css);
	}
	if (p->n > 0)
		qsort(p->v, p->n, sizeof(*p->v), S_glyph_cmp);
	/* Keep the first of equal names. */
	for (i = j = 0; i < p->n; i++) {
		if (j > 0 && strcmp(p->v[j - 1].name, p->v[i].name) == 0) {
			free(p->v[i].name);
			continue;
		}
		p->v[j++] = p->v[i];
	}
	p->n = j;
	ret = p;
	p = NULL;
out:
	free(css);
	picto_close(p);
	return ret;
}

void
picto_close(struct picto *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++)
		free(p->v[i].name);
	free(p->v);
	if (p->face != NULL)
		FT_Done_Face(p->face);
	if (p->lib != NULL)
		FT_Done_FreeType(p->lib);
	free(p);
}

size_t
picto_count(const struct picto *p)
{
	return p->n;
}

const char *
picto_name(const struct picto *p, size_t i)
{
	return i < p->n ? p->v[i].name : NULL;
}

unsigned int
picto_codepoint(const struct picto *p, const char *name)
{
	const struct picto_name *e;

	if (p == NULL || name == NULL || p->n == 0)
		return 0;
	e = bsearch(name, p->v, p->n, sizeof(*p->v), S_glyph_find);
	return e == NULL ? 0 : e->cp;
}

/* ---- outline to SVG path data ---------------------------------------- */

struct S_pen {
	struct buf	*b;
	long		 asc;	/* y flip: y' = asc - y */
	int		 open;	/* a subpath is open */
	int		 sep;	/* a number precedes: separate the next one */
};

/*
 * Compact absolute syntax: the command letter touches its first
 * number, numbers are separated by one space ("M230 992L806 512Z").
 */
static void
S_pt(struct S_pen *pen, const FT_Vector *v)
{
	buf_printf(pen->b, pen->sep ? " %ld %ld" : "%ld %ld", (long)v->x,
	    pen->asc - (long)v->y);
	pen->sep = 1;
}

static void
S_cmd(struct S_pen *pen, char c)
{
	buf_putc(pen->b, c);
	pen->sep = 0;
}

static int
S_move(const FT_Vector *to, void *u)
{
	struct S_pen *pen = u;

	if (pen->open)
		S_cmd(pen, 'Z');
	S_cmd(pen, 'M');
	S_pt(pen, to);
	pen->open = 1;
	return 0;
}

static int
S_ft_line_to(const FT_Vector *to, void *u)
{
	struct S_pen *pen = u;

	S_cmd(pen, 'L');
	S_pt(pen, to);
	return 0;
}

static int
S_conic(const FT_Vector *c, const FT_Vector *to, void *u)
{
	struct S_pen *pen = u;

	S_cmd(pen, 'Q');
	S_pt(pen, c);
	S_pt(pen, to);
	return 0;
}

static int
S_cubic(const FT_Vector *c1, const FT_Vector *c2, const FT_Vector *to,
    void *u)
{
	struct S_pen *pen = u;

	S_cmd(pen, 'C');
	S_pt(pen, c1);
	S_pt(pen, c2);
	S_pt(pen, to);
	return 0;
}

/*
 * Load the glyph unscaled (coordinates in integer font units, no
 * hinting) and decompose its outline.  Returns 0 for an unknown name
 * or a glyph that is not an outline.
 */
static int
S_glyph_path(struct picto *p, const char *name, struct buf *b,
    struct picto_box *box)
{
	static const FT_Outline_Funcs funcs = {
		.move_to = S_move,
		.line_to = S_ft_line_to,
		.conic_to = S_conic,
		.cubic_to = S_cubic,
		.shift = 0,
		.delta = 0,
	};
	struct S_pen	 pen;
	unsigned int	 cp;
	FT_UInt		 gid;
	FT_GlyphSlot	 g;

	if ((cp = picto_codepoint(p, name)) == 0)
		return 0;
	if ((gid = FT_Get_Char_Index(p->face, cp)) == 0)
		return 0;
	if (FT_Load_Glyph(p->face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING |
	    FT_LOAD_NO_BITMAP) != 0)
		return 0;
	g = p->face->glyph;
	if (g->format != FT_GLYPH_FORMAT_OUTLINE)
		return 0;
	pen.b = b;
	pen.asc = p->face->ascender;
	pen.open = 0;
	pen.sep = 0;
	if (g->outline.n_contours > 0 &&
	    FT_Outline_Decompose(&g->outline, &funcs, &pen) != 0)
		return 0;
	if (pen.open)
		S_cmd(&pen, 'Z');
	if (box != NULL) {
		box->x = 0;
		box->y = 0;
		/* With FT_LOAD_NO_SCALE, the advance is in font units. */
		box->w = (long)g->advance.x;
		box->h = (long)p->face->units_per_EM;
	}
	return 1;
}

char *
picto_svg_path(struct picto *p, const char *name, struct picto_box *box)
{
	struct buf	 b;

	buf_init(&b);
	if (p == NULL || !S_glyph_path(p, name, &b, box)) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}
