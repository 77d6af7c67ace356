/*
 * bk_util.c — what the booklet's sections share: printed page numbers,
 * source positions, titles and headings, body text, the lines of the
 * contents and indexes (dot leaders, page number, link), bands,
 * pictograms, case of French labels (declared in bk.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"
#include "picto.h"

/* The printed number of a page index, "00" while unknown. */
void
bk_pageno(size_t idx, char *out, size_t sz)
{
	if (idx == SIZE_MAX)
		snprintf(out, sz, "00");
	else
		snprintf(out, sz, "%zu", idx + 1);
}

size_t
bk_partner_index(const struct lay *l, const struct partner *p)
{
	return (size_t)(p - l->site->partners);
}

size_t
bk_category_index(const struct lay *l, const struct category *c)
{
	return (size_t)(c - l->site->categories);
}

/* Source position of a partner's field. */
struct src
bk_psrc(const struct partner *p, enum partner_field f)
{
	struct src	 s;

	s.file = p->path;
	s.pos = p->fpos[f];
	return s;
}

struct src
bk_tsrc(const char *file, const struct text *t)
{
	struct src	 s;

	s.file = file;
	s.pos = t->pos;
	return s;
}

/* Height of a list of boxes set on one page. */
double
bk_vheight(const struct vlist *v)
{
	double	 h = 0;
	size_t	 i;

	for (i = 0; i < v->n; i++)
		h += (i > 0 ? v->v[i].before : 0) + v->v[i].h;
	return h;
}

void
bk_band(struct lay *l, size_t pg, double y, double h, unsigned int rgb)
{
	struct pdf_item	*it = pdf_page_add(&l->doc->pages[pg]);

	it->type = ITEM_RECT;
	it->fill = 1;
	it->rgb = rgb;
	it->x = -BLEED_MAX;
	it->w = l->doc->page_w + 2 * BLEED_MAX;
	it->y = y;
	it->h = h;
}

/* A section title: large, bold, in colour, with an outline entry. */
struct vbox *
bk_title(struct lay *l, struct vlist *out, const char *title,
    unsigned int rgb, int outline)
{
	struct vbox	*b;
	unsigned int	 t = lay_tag_open(l, "H1");

	b = para_line(l, out, title, FACE_BOLD, SZ_TITLE(l), SZ_TITLE(l) * 1.25,
	    rgb, 0, NULL);
	lay_tag_close(l, t);
	b->keep = 1;
	if (outline)
		b->outline = lay_outline(l, title, 0, 0, 0);
	/* Air below the title. */
	vlist_add(out, l->theme.body_leading, 0)->keep = 1;
	return b;
}

/* A heading inside a section: never ends a page. */
struct vbox *
bk_heading(struct lay *l, struct vlist *out, const char *text,
    unsigned int rgb, double before)
{
	struct vbox	*b;
	unsigned int	 t = lay_tag_open(l, "H2");

	b = para_line(l, out, text, FACE_BOLD, SZ_H2(l), SZ_H2(l) * 1.35, rgb,
	    before, NULL);
	lay_tag_close(l, t);
	b->keep = 1;
	return b;
}

/* A body paragraph of plain text. */
void
bk_body_text(struct lay *l, struct vlist *out, const char *text,
    enum pdf_face f, unsigned int rgb, double before, const struct src *src)
{
	struct para	 p;
	unsigned int	 t = lay_tag_open(l, "P");

	para_init(&p, l->theme.body_size, l->theme.body_leading, l->tw);
	p.before = before;
	para_add(&p, text, f, rgb, 0, src);
	para_set(l, &p, out);
	para_free(&p);
	lay_tag_close(l, t);
}

/*
 * A line of a contents or an index: text, dot leaders aligned on a
 * common grid, page number flush right; the whole line links to the
 * page.  A long text wraps, the leaders follow its last line.  see not
 * NULL makes it a cross-reference of an index, "text, voir see", with
 * "voir" in italics as French indexes set it.
 */
struct vbox *
bk_leader(struct lay *l, struct vlist *out, const char *text,
    const char *see, enum pdf_face face, double size, unsigned int rgb,
    size_t dest, double indent, double before, const struct src *src)
{
	struct para	 p;
	struct vbox	*b;
	struct pdf_item	*it;
	char		 num[24];
	double		 nw, dot, last_end = 0, x0, x1, base;
	size_t		 first = out->n, i, ndots;
	struct buf	 dots;
	unsigned int	 ti, tl, ta;

	bk_pageno(dest, num, sizeof(num));
	nw = lay_width(l, FACE_REGULAR, size, num, strlen(num));
	para_init(&p, size, size * 1.25, l->tw - indent - MM(12));
	p.indent = indent;
	p.before = before;
	p.align = ALIGN_LEFT;
	p.nohyph = 1;
	/* An entry of a contents or an index (TOCI), a link to its page. */
	ti = lay_tag_open(l, "TOCI");
	tl = dest != SIZE_MAX ? lay_tag_open(l, "Link") : l->tag;
	para_add(&p, text, face, rgb, SPAN_NOHYPH, src);
	if (see != NULL) {
		para_add(&p, ", ", face, rgb, SPAN_NOHYPH, src);
		para_add(&p, "voir", FACE_ITALIC, rgb, SPAN_NOHYPH, src);
		para_add(&p, " ", face, rgb, SPAN_NOHYPH, src);
		para_add(&p, see, face, rgb, SPAN_NOHYPH, src);
	}
	para_set(l, &p, out);
	base = -(p.leading / 2 + size * 0.3);	/* as para_set() */
	para_free(&p);
	if (out->n == first) {
		lay_tag_close(l, ti);
		return NULL;
	}
	/* Keep the lines of one entry together. */
	for (i = first; i + 1 < out->n; i++)
		out->v[i].keep = 1;
	b = &out->v[out->n - 1];
	for (i = 0; i < b->nitems; i++)
		if (b->items[i].type == ITEM_TEXT &&
		    b->items[i].x + b->items[i].w > last_end)
			last_end = b->items[i].x + b->items[i].w;
	/*
	 * Leaders: dots at multiples of the pitch, clear of text and
	 * number; drawn before the number, so that a reader extracting
	 * the text gets "name . . . 12" in reading order.
	 */
	dot = lay_width(l, FACE_REGULAR, size, ". ", 2);
	x0 = (double)((long)((last_end + size * 0.6) / dot) + 1) * dot;
	x1 = l->tw - nw - size * 0.6;
	if (x1 > x0 + dot) {
		ndots = (size_t)((x1 - x0) / dot);
		buf_init(&dots);
		for (i = 0; i < ndots; i++)
			buf_puts(&dots, i + 1 < ndots ? ". " : ".");
		ta = lay_tag_artifact(l);
		lay_text(l, b, x0, base, FACE_REGULAR, size, RGB_MUTED,
		    dots.data, dots.len, NULL);
		lay_tag_close(l, ta);
		buf_free(&dots);
	}
	lay_text(l, b, l->tw - nw, base, FACE_REGULAR, size, rgb, num,
	    strlen(num), NULL);
	if (dest != SIZE_MAX) {
		for (i = first; i < out->n; i++) {
			it = lay_tag_item(l, vbox_add(&out->v[i]));
			it->type = ITEM_LINK_PAGE;
			it->x = indent;
			it->y = -out->v[i].h;
			it->w = l->tw - indent;
			it->h = out->v[i].h;
			it->dest_page = dest;
			it->dest_y = l->doc->page_h - l->top;
		}
	}
	lay_tag_close(l, tl);
	lay_tag_close(l, ti);
	return b;
}

/* Code point of a thématique's pictogram as UTF-8, or "" if none. */
void
bk_picto(struct lay *l, const struct thematique *t, char out[8])
{
	struct buf	 b;
	unsigned int	 cp = 0;

	out[0] = '\0';
	if (l->picto != NULL && t->icon != NULL)
		cp = picto_codepoint(l->picto, t->icon);
	if (cp == 0)
		return;
	buf_init(&b);
	utf8_encode(&b, cp);
	if (b.len < 8)
		memcpy(out, b.data, b.len + 1);
	buf_free(&b);
}

/* "Sans rendez-vous" -> "sans rendez-vous", "À domicile" -> "à domicile". */
void
bk_lcfirst(struct buf *b, const char *s)
{
	if (strncmp(s, "\xc3\x80", 2) == 0) {	/* À */
		buf_puts(b, "\xc3\xa0");
		buf_puts(b, s + 2);
	} else if (*s >= 'A' && *s <= 'Z') {
		buf_putc(b, *s - 'A' + 'a');
		buf_puts(b, s + 1);
	} else
		buf_puts(b, s);
}

/* Capitals of a French label: ASCII, Latin-1 letters and œ. */
char *
bk_upper(const char *s)
{
	struct buf	 b;
	unsigned int	 cp;
	size_t		 n, len = strlen(s);

	buf_init(&b);
	while (len > 0) {
		if ((n = utf8_decode(s, len, &cp)) == 0) {
			cp = (unsigned char)*s;
			n = 1;
		}
		if ((cp >= 'a' && cp <= 'z') ||
		    (cp >= 0xe0 && cp <= 0xfe && cp != 0xf7))
			cp -= 0x20;
		else if (cp == 0x153)
			cp = 0x152;
		utf8_encode(&b, cp);
		s += n;
		len -= n;
	}
	return buf_detach(&b);
}
