/*
 * pdf_pages.c — the sections of the booklet, in reading order: cover,
 * édito, "Mode d'emploi", contents, for each category a divider and
 * its partners, the index by need, the index by name, back cover.
 *
 * Page numbers printed here come from l->want (the previous pass);
 * the pages things land on are recorded in l->got (pdf_layout.c runs
 * the passes until both agree).  All user-facing words are French.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "picto.h"
#include "pdf_layout.h"
#include "typo.h"

/* Sizes of the booklet, relative to the theme's body size. */
#define	SZ_SMALL(l)	((l)->th.body_size * 0.8)
#define	SZ_BOX(l)	((l)->th.body_size * ((l)->tight >= 3 ? 0.85 : 0.9))
#define	SZ_H2(l)	((l)->th.body_size + 1.5)
#define	SZ_TITLE(l)	((l)->th.body_size * 2.1)

/* ---- small helpers ------------------------------------------------------ */

/* The printed number of a page index, "00" while unknown. */
static void
S_pageno(size_t idx, char *out, size_t sz)
{
	if (idx == SIZE_MAX)
		snprintf(out, sz, "00");
	else
		snprintf(out, sz, "%zu", idx + 1);
}

static size_t
S_partner_index(const struct lay *l, const struct partner *p)
{
	return (size_t)(p - l->site->partners);
}

static size_t
S_category_index(const struct lay *l, const struct category *c)
{
	return (size_t)(c - l->site->categories);
}

/* Source position of a partner's field. */
static struct src
S_psrc(const struct partner *p, enum partner_field f)
{
	struct src	 s;

	s.file = p->path;
	s.pos = p->fpos[f];
	return s;
}

static struct src
S_tsrc(const char *file, const struct text *t)
{
	struct src	 s;

	s.file = file;
	s.pos = t->pos;
	return s;
}

/* Height of a list of boxes set on one page. */
static double
S_vheight(const struct vlist *v)
{
	double	 h = 0;
	size_t	 i;

	for (i = 0; i < v->n; i++)
		h += (i > 0 ? v->v[i].before : 0) + v->v[i].h;
	return h;
}

/*
 * A page for notes, ruled: the pages that make the count a multiple
 * of four are more useful on a social worker's desk than left blank.
 */
static void
S_notes(struct lay *l)
{
	size_t		 pg = lay_newpage(l, "Notes", 0, 1);
	struct pdf_item	*it;
	double		 y, x0 = lay_left(l, pg), step = l->th.body_leading * 2;

	lay_page_text(l, pg, x0, lay_top(l) - SZ_TITLE(l), FACE_BOLD,
	    SZ_TITLE(l), colour_dark(l->th.lead_rgb), "Notes", NULL);
	for (y = lay_top(l) - SZ_TITLE(l) - step * 1.5; y >= l->bottom;
	    y -= step) {
		it = pdf_page_add(&l->doc->pages[pg]);
		it->type = ITEM_LINE;
		it->x = x0;
		it->x2 = x0 + l->tw;
		it->y = it->y2 = y;
		it->stroke_w = 0.4;
		it->rgb = RGB_RULE;
	}
}

/* A section title: large, bold, in colour, with an outline entry. */
static struct vbox *
S_title(struct lay *l, struct vlist *out, const char *title, unsigned int rgb,
    int outline)
{
	struct vbox	*b;

	b = para_line(l, out, title, FACE_BOLD, SZ_TITLE(l), SZ_TITLE(l) * 1.25,
	    rgb, 0, NULL);
	b->keep = 1;
	if (outline)
		b->outline = lay_outline(l, title, 0, 0, 0);
	/* Air below the title. */
	vlist_add(out, l->th.body_leading, 0)->keep = 1;
	return b;
}

/* A heading inside a section: never ends a page. */
static struct vbox *
S_heading(struct lay *l, struct vlist *out, const char *text,
    unsigned int rgb, double before)
{
	struct vbox	*b;

	b = para_line(l, out, text, FACE_BOLD, SZ_H2(l), SZ_H2(l) * 1.35, rgb,
	    before, NULL);
	b->keep = 1;
	return b;
}

/* A body paragraph of plain text. */
static void
S_text(struct lay *l, struct vlist *out, const char *text, enum pdf_face f,
    unsigned int rgb, double before, const struct src *src)
{
	struct para	 p;

	para_init(&p, l->th.body_size, l->th.body_leading, l->tw);
	p.before = before;
	para_add(&p, text, f, rgb, 0, src);
	para_set(l, &p, out);
	para_free(&p);
}

/*
 * A line of a contents or an index: text, dot leaders aligned on a
 * common grid, page number flush right; the whole line links to the
 * page.  A long text wraps, the leaders follow its last line.  see not
 * NULL makes it a cross-reference of an index, "text, voir see", with
 * "voir" in italics as French indexes set it.
 */
static struct vbox *
S_leader(struct lay *l, struct vlist *out, const char *text,
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

	S_pageno(dest, num, sizeof(num));
	nw = lay_width(l, FACE_REGULAR, size, num, strlen(num));
	para_init(&p, size, size * 1.25, l->tw - indent - MM(12));
	p.indent = indent;
	p.before = before;
	p.align = ALIGN_LEFT;
	p.nohyph = 1;
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
	if (out->n == first)
		return NULL;
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
		lay_text(l, b, x0, base, FACE_REGULAR, size, RGB_MUTED,
		    dots.data, dots.len, NULL);
		buf_free(&dots);
	}
	lay_text(l, b, l->tw - nw, base, FACE_REGULAR, size, rgb, num,
	    strlen(num), NULL);
	if (dest != SIZE_MAX) {
		for (i = first; i < out->n; i++) {
			it = vbox_add(&out->v[i]);
			it->type = ITEM_LINK_PAGE;
			it->x = indent;
			it->y = -out->v[i].h;
			it->w = l->tw - indent;
			it->h = out->v[i].h;
			it->dest_page = dest;
			it->dest_y = l->doc->page_h - l->top;
		}
	}
	return b;
}

/* Code point of a thématique's pictogram as UTF-8, or "" if none. */
static void
S_picto(struct lay *l, const struct thematique *t, char out[8])
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
static void
S_lcfirst(struct buf *b, const char *s)
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
static char *
S_upper(const char *s)
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

/* A URL as shown: no scheme, no trailing slash. */
static char *
S_url_display(const char *u)
{
	size_t	 n;
	char	*s;

	if (strncmp(u, "https://", 8) == 0)
		u += 8;
	else if (strncmp(u, "http://", 7) == 0)
		u += 7;
	s = xstrdup(u);
	n = strlen(s);
	if (n > 1 && s[n - 1] == '/')
		s[n - 1] = '\0';
	return s;
}

/* ---- cover and back cover ----------------------------------------------- */

static void
S_cover(struct lay *l)
{
	const struct site *s = l->site;
	struct pdf_doc	*d = l->doc;
	struct pdf_item	*it;
	struct vlist	 v = { 0 };
	struct para	 p;
	char		*t;
	size_t		 pg;
	double		 band = d->page_h * 0.46, y;

	pg = lay_newpage(l, NULL, 0, 0);
	it = pdf_page_add(&d->pages[pg]);
	it->type = ITEM_RECT;
	it->fill = 1;
	it->rgb = colour_dark(l->th.lead_rgb);	/* white text on it: 4.5:1 */
	it->x = -BLEED_MAX;
	it->w = d->page_w + 2 * BLEED_MAX;
	it->y = band;
	it->h = d->page_h - band + BLEED_MAX;

	/* In the band: title, subtitle, set from the top margin. */
	para_init(&p, SZ_TITLE(l) * 1.5, SZ_TITLE(l) * 1.6, l->tw);
	p.align = ALIGN_LEFT;
	p.nohyph = 1;
	{
		struct src src = S_tsrc(s->path, &s->titre);

		para_add(&p, s->titre.s, FACE_BOLD, RGB_WHITE, SPAN_NOHYPH, &src);
	}
	para_set(l, &p, &v);
	para_free(&p);
	if (s->sous_titre.s != NULL) {
		struct src src = S_tsrc(s->path, &s->sous_titre);

		para_init(&p, 13, 17, l->tw * 0.85);
		p.align = ALIGN_LEFT;
		p.before = 8;
		para_add(&p, s->sous_titre.s, FACE_REGULAR, RGB_WHITE, 0, &src);
		para_set(l, &p, &v);
		para_free(&p);
	}
	lay_put(l, &v, pg, d->page_h - MM(40));
	vlist_free(&v);

	/* The edition, large, at the foot of the band. */
	t = xasprintf("Édition %d", s->edition);
	lay_page_text(l, pg, lay_left(l, pg), band + MM(9), FACE_BOLD, 20,
	    RGB_WHITE, t, NULL);
	free(t);

	/* Under the band: what the booklet is for. */
	t = xasprintf("Qui peut aider, pour quoi, et comment le joindre : "
	    "%zu" NBSP "partenaires du quartier, à retrouver par besoin, par "
	    "catégorie ou par nom.", s->npartners);
	para_init(&p, 11.5, 15.5, l->tw * 0.9);
	p.align = ALIGN_LEFT;
	para_add(&p, t, FACE_REGULAR, RGB_TEXT, 0, NULL);
	para_set(l, &p, &v);
	para_free(&p);
	free(t);
	lay_put(l, &v, pg, band - MM(12));
	vlist_free(&v);

	/* The publisher at the foot. */
	y = l->bottom + 14;
	{
		struct src src = S_tsrc(s->path, &s->editeur.nom);

		lay_page_text(l, pg, lay_left(l, pg), y, FACE_BOLD, 10,
		    colour_dark(l->th.lead_rgb), s->editeur.nom.s, &src);
	}
	if (s->editeur.adresse.ville.s != NULL) {
		t = xasprintf("%s", s->editeur.adresse.ville.s);
		lay_page_text(l, pg, lay_left(l, pg), y - 13, FACE_REGULAR, 9,
		    RGB_MUTED, t, NULL);
		free(t);
	}
}

/* A labelled block of the back cover. */
static void
S_back_block(struct lay *l, struct vlist *v, const char *head,
    const char *const *lines, size_t n, const char *const *uris)
{
	struct para	 p;
	size_t		 i;
	struct span	*s;

	S_heading(l, v, head, colour_dark(l->th.lead_rgb), l->th.body_leading);
	para_init(&p, l->th.body_size, l->th.body_leading, l->tw);
	p.align = ALIGN_LEFT;
	for (i = 0; i < n; i++) {
		if (lines[i] == NULL)
			continue;
		if (p.n > 0)
			para_add(&p, "", FACE_REGULAR, RGB_TEXT, SPAN_BREAK, NULL);
		s = para_add(&p, lines[i], FACE_REGULAR, RGB_TEXT,
		    uris != NULL && uris[i] != NULL ? SPAN_NOHYPH | SPAN_URL : 0,
		    NULL);
		if (uris != NULL && uris[i] != NULL)
			s->uri = xstrdup(uris[i]);
	}
	para_set(l, &p, v);
	para_free(&p);
}

static void
S_back(struct lay *l)
{
	const struct site *s = l->site;
	const struct organisation *e = &s->editeur, *c = &s->coordination;
	struct pdf_doc	*d = l->doc;
	struct pdf_item	*it;
	struct vlist	 v = { 0 };
	struct vbox	*b;
	const char	*lines[6], *uris[6];
	char		*addr = NULL, *cp = NULL, *mail = NULL, *cmail = NULL,
			*site = NULL, *t, *url = NULL;
	size_t		 pg;
	double		 qr = MM(28), y;

	pg = lay_newpage(l, NULL, 0, 0);
	l->got.sec[SEC_BACK] = pg;

	para_line(l, &v, s->titre.s, FACE_BOLD, SZ_TITLE(l), SZ_TITLE(l) * 1.25,
	    colour_dark(l->th.lead_rgb), 0, NULL);
	t = xasprintf("Édition %d", s->edition);
	para_line(l, &v, t, FACE_REGULAR, 11, 15, RGB_MUTED, 0, NULL);
	free(t);

	if (e->adresse.rue.s != NULL)
		addr = xstrdup(e->adresse.rue.s);
	if (e->adresse.code_postal.s != NULL)
		cp = xasprintf("%s %s", e->adresse.code_postal.s,
		    e->adresse.ville.s != NULL ? e->adresse.ville.s : "");
	if (e->courriel.s != NULL)
		mail = xasprintf("mailto:%s", e->courriel.s);
	if (e->site.s != NULL)
		site = S_url_display(e->site.s);
	lines[0] = e->nom.s;	uris[0] = NULL;
	lines[1] = addr;	uris[1] = NULL;
	lines[2] = cp;		uris[2] = NULL;
	lines[3] = e->telephone.display; uris[3] = e->telephone.uri;
	lines[4] = e->courriel.s; uris[4] = mail;
	lines[5] = site;	uris[5] = e->site.s;
	S_back_block(l, &v, "Édité par", lines, 6, uris);

	if (c->courriel.s != NULL)
		cmail = xasprintf("mailto:%s", c->courriel.s);
	lines[0] = "Une information a changé ? Écrivez-nous :";
	uris[0] = NULL;
	lines[1] = c->nom.s;	uris[1] = NULL;
	lines[2] = c->courriel.s; uris[2] = cmail;
	lines[3] = c->telephone.display; uris[3] = c->telephone.uri;
	S_back_block(l, &v, "Signaler une erreur", lines, 4, uris);

	y = lay_put(l, &v, pg, lay_top(l));
	vlist_free(&v);

	if (s->url.s != NULL) {
		/* The accessible version: the site, with its QR code. */
		S_heading(l, &v, "Version accessible", colour_dark(l->th.lead_rgb),
		    l->th.body_leading);
		url = S_url_display(s->url.s);
		t = xasprintf("Ce livret ne peut pas être lu par un lecteur "
		    "d'écran. Le site reprend toutes les fiches, à jour, "
		    "lisibles avec un lecteur d'écran ou agrandies : %s", url);
		{
			struct para	 p;
			struct span	*sp;

			para_init(&p, l->th.body_size, l->th.body_leading,
			    l->tw - qr - MM(6));
			p.align = ALIGN_LEFT;
			para_add(&p, t, FACE_REGULAR, RGB_TEXT, 0, NULL);
			sp = para_add(&p, "", FACE_REGULAR, RGB_TEXT, 0, NULL);
			(void)sp;
			para_set(l, &p, &v);
			para_free(&p);
		}
		free(t);
		b = vlist_add(&v, qr, l->th.body_leading * 0.5);
		qr_draw(b, s->url.s, 0, 0, qr);
		it = vbox_add(b);
		it->type = ITEM_LINK_URI;
		it->x = 0;
		it->y = -qr;
		it->w = qr;
		it->h = qr;
		it->uri = xstrdup(s->url.s);
		y = lay_put(l, &v, pg, y - l->th.body_leading);
		vlist_free(&v);
	}
	(void)y;

	/* The band at the foot, into the bleed. */
	it = pdf_page_add(&d->pages[pg]);
	it->type = ITEM_RECT;
	it->fill = 1;
	it->rgb = colour_dark(l->th.lead_rgb);	/* white text on it: 4.5:1 */
	it->x = -BLEED_MAX;
	it->y = -BLEED_MAX;
	it->w = d->page_w + 2 * BLEED_MAX;
	it->h = MM(16) + BLEED_MAX;
	if (e->nom.s != NULL) {
		t = xasprintf("%s — %s %d", e->nom.s, s->titre.s, s->edition);
		lay_page_text(l, pg, lay_left(l, pg), MM(6.5), FACE_REGULAR, 8,
		    RGB_WHITE, t, NULL);
		free(t);
	}
	free(addr);
	free(cp);
	free(mail);
	free(cmail);
	free(site);
	free(url);
}

/* ---- front matter --------------------------------------------------------- */

static void
S_edito(struct lay *l)
{
	const struct site *s = l->site;
	struct vlist	 v = { 0 };
	struct para	 p;
	size_t		 pg;

	if (s->edito.s == NULL)
		return;
	S_title(l, &v, "Édito", colour_dark(l->th.lead_rgb), 1);
	md_set(l, s->edito.s, s->path, s->edito.pos.line + 1,
	    s->edito.pos.col + 2, colour_dark(l->th.lead_rgb), &v);
	if (s->edito_signature.s != NULL) {
		struct src src = S_tsrc(s->path, &s->edito_signature);

		para_init(&p, l->th.body_size, l->th.body_leading, l->tw);
		p.before = l->th.body_leading;
		p.align = ALIGN_RIGHT;
		p.nohyph = 1;
		para_add(&p, s->edito_signature.s, FACE_ITALIC, RGB_TEXT, 0, &src);
		para_set(l, &p, &v);
		para_free(&p);
	}
	pg = lay_flow(l, &v, "Édito", "Édito", 0);
	l->got.sec[SEC_EDITO] = pg;
	vlist_free(&v);
}

static void
S_guide(struct lay *l)
{
	const struct site *s = l->site;
	struct vlist	 v = { 0 };
	struct vbox	*b;
	struct buf	 t;
	char		 num[24], num2[24];
	size_t		 i, pg;
	double		 chip = MM(4);
	unsigned int	 h = colour_dark(l->th.lead_rgb);

	S_title(l, &v, "Mode d'emploi", h, 1);
	S_text(l, &v, "Ce livret présente les partenaires de la Maison de "
	    "Quartier : ce que chacun fait, pour qui, et comment le joindre. "
	    "Il se consulte de trois façons.", FACE_REGULAR, RGB_TEXT, 0, NULL);

	S_heading(l, &v, "Par besoin", h, l->th.body_leading);
	buf_init(&t);
	S_pageno(l->want.sec[SEC_THEMES], num, sizeof(num));
	buf_printf(&t, "L'index « Je cherche de l'aide pour… », page %s, "
	    "regroupe les partenaires par besoin : ", num);
	/* The first four needs, lowercased: they run in the sentence. */
	for (i = 0; i < s->nthematiques && i < 4; i++) {
		if (i)
			buf_puts(&t, ", ");
		S_lcfirst(&t, s->thematiques[i].label);
	}
	buf_puts(&t, s->nthematiques > 4 ? "…" : ".");
	S_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
	buf_reset(&t);

	S_heading(l, &v, "Par catégorie", h, l->th.body_leading);
	buf_printf(&t, "Les fiches sont classées en %zu catégories. Un onglet "
	    "de couleur, au bord de chaque page, permet d'ouvrir le livret "
	    "directement à la bonne catégorie :", s->ncategories);
	S_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
	buf_reset(&t);
	for (i = 0; i < s->ncategories; i++) {
		const struct category *c = &s->categories[i];

		b = S_leader(l, &v, c->label, NULL, FACE_BOLD, l->th.body_size,
		    colour_dark(c->rgb), l->want.category[i], chip + MM(3),
		    i == 0 ? l->th.body_leading * 0.4 : 2, NULL);
		if (b != NULL)
			lay_rect(b, 0, -b->h + (b->h - chip) / 2, chip, chip,
			    colour_dark(c->rgb));
	}

	S_heading(l, &v, "Par nom", h, l->th.body_leading);
	S_pageno(l->want.sec[SEC_ALPHA], num, sizeof(num));
	S_pageno(l->want.sec[SEC_CONTENTS], num2, sizeof(num2));
	buf_printf(&t, "L'index alphabétique, page %s, donne chaque partenaire "
	    "par son nom et par son sigle. Le sommaire, page %s, suit l'ordre "
	    "du livret.", num, num2);
	S_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
	buf_reset(&t);

	S_heading(l, &v, "Sur chaque fiche", h, l->th.body_leading);
	S_text(l, &v, "Le cadre de couleur réunit l'adresse, le téléphone, les "
	    "horaires et les conditions d'accès : sans rendez-vous, sur "
	    "rendez-vous ou sur orientation d'un travailleur social. Son code "
	    "QR ouvre le site du partenaire sur un téléphone. Au bas de la "
	    "fiche, « Travaille avec » renvoie aux partenaires proches.",
	    FACE_REGULAR, RGB_TEXT, 0, NULL);
	if (s->url.s != NULL) {
		char	*u = S_url_display(s->url.s);

		S_heading(l, &v, "En ligne", h, l->th.body_leading);
		buf_printf(&t, "Toutes les fiches, mises à jour et lisibles avec "
		    "un lecteur d'écran : %s", u);
		S_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
		free(u);
	}
	buf_free(&t);
	pg = lay_flow(l, &v, "Mode d'emploi", "Mode d'emploi", 0);
	l->got.sec[SEC_GUIDE] = pg;
	vlist_free(&v);
}

static void
S_contents(struct lay *l)
{
	const struct site *s = l->site;
	struct vlist	 v = { 0 };
	struct vbox	*b;
	size_t		 i, j, pg, n;
	unsigned int	 h = colour_dark(l->th.lead_rgb);
	char		*name;

	S_title(l, &v, "Sommaire", h, 1);
	if (s->edito.s != NULL)
		S_leader(l, &v, "Édito", NULL, FACE_REGULAR, l->th.body_size,
		    RGB_TEXT, l->want.sec[SEC_EDITO], 0, 0, NULL);
	S_leader(l, &v, "Mode d'emploi", NULL, FACE_REGULAR, l->th.body_size,
	    RGB_TEXT, l->want.sec[SEC_GUIDE], 0, 0, NULL);
	for (i = 0; i < s->ncategories; i++) {
		const struct category *c = &s->categories[i];

		b = S_leader(l, &v, c->label, NULL, FACE_BOLD,
		    l->th.body_size + 1, colour_dark(c->rgb),
		    l->want.category[i], 0,
		    l->th.body_leading * 0.6, NULL);
		if (b != NULL)
			b->keep = 1;
		for (j = n = 0; j < s->npartners; j++) {
			const struct partner *p = &s->partners[j];
			struct src src = S_psrc(p, PF_NOM);

			if (p->category != c)
				continue;
			name = model_display_name(p);
			b = S_leader(l, &v, name, NULL, FACE_REGULAR,
			    l->th.body_size * 0.95, RGB_TEXT,
			    l->want.partner[j], MM(4), 0, &src);
			free(name);
			/* The category heading keeps its first two entries. */
			if (b != NULL && n++ == 0 && c->npartners > 1)
				b->keep = 1;
		}
	}
	S_leader(l, &v, "Je cherche de l'aide pour…", NULL, FACE_BOLD,
	    l->th.body_size + 1, h, l->want.sec[SEC_THEMES], 0,
	    l->th.body_leading * 0.6, NULL);
	S_leader(l, &v, "Index alphabétique", NULL, FACE_BOLD,
	    l->th.body_size + 1, h, l->want.sec[SEC_ALPHA], 0, 2, NULL);
	pg = lay_flow(l, &v, "Sommaire", "Sommaire", 0);
	l->got.sec[SEC_CONTENTS] = pg;
	vlist_free(&v);
}

/* ---- categories and partners --------------------------------------------- */

static void
S_divider(struct lay *l, const struct category *c)
{
	const struct site *s = l->site;
	struct pdf_doc	*d = l->doc;
	struct pdf_item	*it;
	struct vlist	 v = { 0 };
	struct vbox	*b;
	size_t		 k = S_category_index(l, c), pg, j;
	double		 top = d->page_h - MM(26), bot = d->page_h * 0.58;
	char		*t;
	struct para	 p;

	pg = lay_newpage(l, c->label, (int)k + 1, 1);
	l->got.category[k] = pg;
	lay_outline(l, c->label, 0, pg, d->page_h);

	it = pdf_page_add(&d->pages[pg]);
	it->type = ITEM_RECT;
	it->fill = 1;
	it->rgb = colour_dark(c->rgb);
	it->x = -BLEED_MAX;
	it->w = d->page_w + 2 * BLEED_MAX;
	it->y = bot;
	it->h = top - bot;
	para_init(&p, 26, 31, l->tw);
	p.align = ALIGN_LEFT;
	p.nohyph = 1;
	{
		struct src src;

		src.file = s->path;
		src.pos = c->pos;
		para_add(&p, c->label, FACE_BOLD, RGB_WHITE, SPAN_NOHYPH, &src);
	}
	para_set(l, &p, &v);
	para_free(&p);
	t = xasprintf("%zu" NBSP "partenaire%s", c->npartners, c->npartners > 1 ?
	    "s" : "");
	para_line(l, &v, t, FACE_REGULAR, 12, 17, RGB_WHITE, 4, NULL);
	free(t);
	lay_put(l, &v, pg, bot + MM(7) + S_vheight(&v));
	vlist_free(&v);

	for (j = 0; j < s->npartners; j++) {
		const struct partner *pp = &s->partners[j];
		struct src src = S_psrc(pp, PF_NOM);

		if (pp->category != c)
			continue;
		t = model_display_name(pp);
		b = S_leader(l, &v, t, NULL, FACE_REGULAR, l->th.body_size,
		    RGB_TEXT, l->want.partner[j], 0, 0, &src);
		(void)b;
		free(t);
	}
	lay_put(l, &v, pg, bot - MM(10));
	vlist_free(&v);
}

/*
 * A column of the contact box.  In the card column (label == 0) the
 * values speak for themselves: an address, a phone number, an e-mail.
 * In the other, each value has a small label above it, in the
 * category's colour.
 */
struct crow {
	struct lay	*l;
	struct vlist	 v;		/* rows, relative to the column */
	double		 w;		/* width of the column */
	double		 size, leading;
	int		 labels;	/* labels above the values */
	unsigned int	 label_rgb;
};

/* Space between two rows of a column. */
#define	ROW_GAP(r)	((r)->leading * 0.3)

/*
 * A row's paragraph: ragged right and never hyphenated, whatever the
 * theme says of the body — in columns this narrow, hyphens stack up
 * into ladders ("tra-/vailleur", "Bu-/reaux") and a ragged edge costs
 * nothing.
 */
static struct para *
S_row_begin(struct crow *r, struct para *p)
{
	para_init(p, r->size, r->leading, r->w);
	p->align = ALIGN_LEFT;
	p->nohyph = 1;
	p->before = r->v.n > 0 ? ROW_GAP(r) : 0;
	return p;
}

/* The label of a row, above it: small bold capitals. */
static void
S_row_label(struct crow *r, const char *label)
{
	struct vbox	*b;
	char		*up;
	double		 sz = r->size * 0.78;

	up = S_upper(label);
	b = vlist_add(&r->v, sz * 1.3, r->v.n > 0 ? ROW_GAP(r) * 1.5 : 0);
	b->keep = 1;
	lay_text(r->l, b, 0, -sz * 1.0, FACE_BOLD, sz, r->label_rgb, up,
	    strlen(up), NULL);
	free(up);
}

static void
S_row_end(struct crow *r, struct para *p, const char *label)
{
	if (para_empty(p)) {
		para_free(p);
		return;
	}
	if (r->labels && label != NULL) {
		S_row_label(r, label);
		p->before = 0;
	}
	para_set(r->l, p, &r->v);
	para_free(p);
}

static void
S_row_text(struct crow *r, const char *label, const char *text,
    enum pdf_face face, unsigned int flags, const char *uri,
    const struct src *src)
{
	struct para	 p;
	struct span	*s;

	if (text == NULL)
		return;
	S_row_begin(r, &p);
	s = para_add(&p, text, face, RGB_TEXT, flags, src);
	if (uri != NULL)
		s->uri = xstrdup(uri);
	S_row_end(r, &p, label);
}

/* The ranges of one day, "9 h–12 h, 14 h–17 h", or "fermé". */
static char *
S_day_hours(const struct day_hours *d)
{
	struct buf	 t;
	char		*a, *z, *out;
	size_t		 i;

	buf_init(&t);
	if (d->n == 0)
		buf_puts(&t, "fermé");
	for (i = 0; i < d->n; i++) {
		a = model_time_fr(d->v[i].start);
		z = model_time_fr(d->v[i].end);
		buf_printf(&t, "%s%s–%s", i ? ", " : "", a, z);
		free(a);
		free(z);
	}
	out = typo_fr(buf_cstr(&t));
	buf_free(&t);
	return out;
}

/*
 * Opening hours as a compact weekly table: consecutive days with the
 * same hours share a line ("lun.–ven."), the times aligned on a tab
 * (wrapped under it after a comma when the column is narrow); closed
 * weekdays say so, a closed week-end says nothing.
 */
static void
S_row_hours(struct crow *r, const struct partner *pp)
{
	static const char *const days[7] = {
		"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."
	};
	const struct horaires *h = &pp->horaires;
	struct lay	*l = r->l;
	struct vbox	*b;
	struct src	 src;
	char		*txt[7], lab[32], *t, *cut;
	double		 tab = 0, base;
	size_t		 len;
	int		 day, end, any = 0, g, ngroups = 0, gs[7], ge[7];

	if (!h->present)
		return;
	for (day = 0; day < 7; day++)
		any |= h->days[day].n > 0;
	if (!any && h->precisions.s == NULL)
		return;
	if (r->labels)
		S_row_label(r, "Horaires");
	if (!any)
		goto precisions;
	for (day = 0; day < 7; day++)
		txt[day] = S_day_hours(&h->days[day]);
	for (day = 0; day < 7; day = end) {
		for (end = day + 1; end < 7 && strcmp(txt[end], txt[day]) == 0;
		    end++)
			;
		if (h->days[day].n == 0 && end == 7)
			break;	/* closed to the end of the week */
		gs[ngroups] = day;
		ge[ngroups++] = end - 1;
	}
	for (g = 0; g < ngroups; g++) {
		if (gs[g] == ge[g])
			snprintf(lab, sizeof(lab), "%s", days[gs[g]]);
		else
			snprintf(lab, sizeof(lab), "%s–%s", days[gs[g]],
			    days[ge[g]]);
		tab = fmax(tab, lay_width(l, FACE_REGULAR, r->size, lab,
		    strlen(lab)));
	}
	tab += r->size * 0.7;
	for (g = 0; g < ngroups; g++) {
		if (gs[g] == ge[g])
			snprintf(lab, sizeof(lab), "%s", days[gs[g]]);
		else
			snprintf(lab, sizeof(lab), "%s–%s", days[gs[g]],
			    days[ge[g]]);
		src.file = pp->path;
		src.pos = h->days[gs[g]].pos;
		t = txt[gs[g]];
		b = vlist_add(&r->v, r->leading, 0);
		b->keep = 1;
		base = -(b->h / 2 + r->size * 0.3);
		lay_text(l, b, 0, base, FACE_REGULAR, r->size, RGB_MUTED, lab,
		    strlen(lab), NULL);
		/* Too wide: the ranges after the last comma that fits wrap. */
		len = strlen(t);
		while (lay_width(l, FACE_REGULAR, r->size, t, len) > r->w - tab &&
		    (cut = memchr(t, ',', len)) != NULL) {
			const char *c2;

			for (c2 = cut; (c2 = memchr(c2 + 1, ',', len -
			    (size_t)(c2 + 1 - t))) != NULL &&
			    lay_width(l, FACE_REGULAR, r->size, t,
			    (size_t)(c2 - t) + 1) <= r->w - tab;)
				cut = (char *)c2;
			lay_text(l, b, tab, base, FACE_REGULAR, r->size,
			    RGB_TEXT, t, (size_t)(cut - t) + 1, &src);
			len -= (size_t)(cut - t) + 2;
			t = cut + 2;
			b = vlist_add(&r->v, r->leading, 0);
			b->keep = 1;
		}
		lay_text(l, b, tab, base, FACE_REGULAR, r->size,
		    h->days[gs[g]].n ? RGB_TEXT : RGB_MUTED, t, len, &src);
	}
	for (day = 0; day < 7; day++)
		free(txt[day]);
precisions:
	if (h->precisions.s != NULL) {
		struct para	 p;
		struct src	 ps = S_tsrc(pp->path, &h->precisions);

		S_row_begin(r, &p);
		p.before = any ? r->leading * 0.1 : 0;
		para_add(&p, h->precisions.s, FACE_ITALIC, RGB_TEXT, 0, &ps);
		para_set(l, &p, &r->v);
		para_free(&p);
	}
}

/* Width and height of a PNG or JPEG image, from its header. */
static int
S_image_size(const char *path, double *w, double *h)
{
	unsigned char	 b[64 * 1024];
	FILE		*f;
	size_t		 n, i;

	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(b, 1, sizeof(b), f);
	fclose(f);
	if (n >= 24 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0) {
		*w = (double)((unsigned long)b[16] << 24 | (unsigned long)b[17] << 16 |
		    (unsigned long)b[18] << 8 | b[19]);
		*h = (double)((unsigned long)b[20] << 24 | (unsigned long)b[21] << 16 |
		    (unsigned long)b[22] << 8 | b[23]);
		return *w > 0 && *h > 0;
	}
	if (n >= 4 && b[0] == 0xff && b[1] == 0xd8) {
		for (i = 2; i + 9 < n;) {
			if (b[i] != 0xff) {
				i++;
				continue;
			}
			if (b[i + 1] >= 0xc0 && b[i + 1] <= 0xcf &&
			    b[i + 1] != 0xc4 && b[i + 1] != 0xc8 &&
			    b[i + 1] != 0xcc) {
				*h = (double)(b[i + 5] << 8 | b[i + 6]);
				*w = (double)(b[i + 7] << 8 | b[i + 8]);
				return *w > 0 && *h > 0;
			}
			i += 2 + (size_t)(b[i + 2] << 8 | b[i + 3]);
		}
	}
	return 0;
}

/* The groups of the contact box's second column, in order. */
enum info {
	INFO_PUBLIC, INFO_HOURS, INFO_ACCESS, INFO_LANGUAGES,
	INFO_ACCESSIBILITY, INFO_CONTACTS, INFO__COUNT
};

/* Set group g of a partner's contact box into the column r. */
static void
S_info(struct lay *l, struct crow *r, const struct partner *pp, enum info g)
{
	struct para	 p;
	struct buf	 t;
	struct src	 src;
	unsigned int	 bit;
	size_t		 i, j;

	buf_init(&t);
	switch (g) {
	case INFO_PUBLIC:
		if (pp->public_.s != NULL) {
			src = S_tsrc(pp->path, &pp->public_);
			S_row_text(r, "Public", pp->public_.s, FACE_REGULAR, 0, NULL,
			    &src);
		}
		break;
	case INFO_HOURS:
		S_row_hours(r, pp);
		break;
	case INFO_ACCESS:
		if (pp->modalites != 0 || pp->cout != COUT_NONE ||
		    pp->acces_precisions.s != NULL) {
			for (i = 0, j = 0; i < MOD__COUNT; i++) {
				bit = 1u << i;
				if (!(pp->modalites & bit))
					continue;
				if (j++ == 0)
					buf_puts(&t, model_modalite_label((enum modalite)bit));
				else {
					buf_puts(&t, ", ");
					S_lcfirst(&t, model_modalite_label((enum modalite)bit));
				}
			}
			if (j > 0)
				buf_puts(&t, ".");
			if (model_cout_label(pp->cout) != NULL)
				buf_printf(&t, "%s%s.", t.len ? " " : "",
				    model_cout_label(pp->cout));
			S_row_begin(r, &p);
			src = S_psrc(pp, PF_ACCES);
			para_add(&p, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, &src);
			if (pp->acces_precisions.s != NULL) {
				src = S_tsrc(pp->path, &pp->acces_precisions);
				if (t.len)
					para_add(&p, "", FACE_REGULAR, RGB_TEXT,
					    SPAN_BREAK, NULL);
				para_add(&p, pp->acces_precisions.s, FACE_ITALIC,
				    RGB_TEXT, 0, &src);
			}
			S_row_end(r, &p, "Accès");
			buf_reset(&t);
		}
		break;
	case INFO_LANGUAGES:
		if (pp->langues.n > 0) {
			for (i = 0; i < pp->langues.n; i++) {
				const char *lab = model_langue_label(pp->langues.v[i].s);

				if (pp->langues.v[i].s == NULL)
					continue;
				buf_printf(&t, "%s%s", t.len ? ", " : "",
				    lab != NULL ? lab : pp->langues.v[i].s);
			}
			src = S_psrc(pp, PF_LANGUES);
			S_row_text(r, "Langues parlées", buf_cstr(&t), FACE_REGULAR, 0,
			    NULL, &src);
			buf_reset(&t);
		}
		break;
	case INFO_ACCESSIBILITY:
		if (model_accessibilite_label(pp->accessibilite) != NULL ||
		    pp->accessibilite_precisions.s != NULL) {
			if (model_accessibilite_label(pp->accessibilite) != NULL)
				buf_printf(&t, "%s.", model_accessibilite_label(
				    pp->accessibilite));
			if (pp->accessibilite_precisions.s != NULL)
				buf_printf(&t, "%s%s", t.len ? " " : "",
				    pp->accessibilite_precisions.s);
			src = S_psrc(pp, PF_ACCESSIBILITE);
			S_row_text(r, "Accessibilité", buf_cstr(&t), FACE_REGULAR, 0,
			    NULL, &src);
			buf_reset(&t);
		}
		break;
	case INFO_CONTACTS:
		/* Named referents: the partners' own edition only. */
		if (l->opts->partners_edition && pp->ncontacts > 0) {
			S_row_begin(r, &p);
			for (i = 0; i < pp->ncontacts; i++) {
				const struct contact *ct = &pp->contacts[i];

				if (i > 0)
					para_add(&p, "", FACE_REGULAR, RGB_TEXT,
					    SPAN_BREAK, NULL);
				src = S_tsrc(pp->path, &ct->nom);
				para_add(&p, ct->nom.s, FACE_BOLD, RGB_TEXT, SPAN_NOHYPH,
				    &src);
				if (ct->fonction.s != NULL) {
					src = S_tsrc(pp->path, &ct->fonction);
					buf_printf(&t, ", %s", ct->fonction.s);
					para_add(&p, buf_cstr(&t), FACE_REGULAR,
					    RGB_TEXT, 0, &src);
					buf_reset(&t);
				}
				if (ct->telephone.display != NULL) {
					para_add(&p, "", FACE_REGULAR, RGB_TEXT,
					    SPAN_BREAK, NULL);
					para_add(&p, ct->telephone.display, FACE_REGULAR,
					    RGB_TEXT, SPAN_NOHYPH | SPAN_RAW, NULL);
				}
				if (ct->courriel.s != NULL) {
					para_add(&p, "", FACE_REGULAR, RGB_TEXT,
					    SPAN_BREAK, NULL);
					src = S_tsrc(pp->path, &ct->courriel);
					para_add(&p, ct->courriel.s, FACE_REGULAR,
					    RGB_TEXT, SPAN_NOHYPH | SPAN_RAW, &src);
				}
			}
			S_row_end(r, &p, "Contacts");
		}
		break;
	default:
		break;
	}
	buf_free(&t);
}

/* Copy the rows of a column into the box at (x, y); returns the y below. */
static double
S_col_put(struct vbox *box, struct crow *r, double x, double y)
{
	struct pdf_item	*it;
	size_t		 i, j;

	for (i = 0; i < r->v.n; i++) {
		if (i > 0)
			y -= r->v.v[i].before;
		for (j = 0; j < r->v.v[i].nitems; j++) {
			it = vbox_add(box);
			*it = r->v.v[i].items[j];
			it->x += x;
			it->y += y;
			if (it->type == ITEM_LINE) {
				it->x2 += x;
				it->y2 += y;
			}
		}
		r->v.v[i].nitems = 0;	/* the strings moved to the box */
		y -= r->v.v[i].h;
	}
	return y;
}

/*
 * The tinted contact box, one unbreakable box in two columns.  Left,
 * the card: address and transports, phone (bold), e-mail, website,
 * then the QR code of the website in the box's bottom-left corner,
 * the logo beside it.  Right, under small labels: public, hours,
 * access, languages, accessibility (and the named contacts of the
 * partners' edition).
 */
static void
S_contact(struct lay *l, const struct partner *pp, struct vlist *out)
{
	const struct site *s = l->site;
	struct crow	 c, r;
	struct vbox	*box;
	struct pdf_item	*bg, *it;
	struct para	 p;
	struct buf	 t;
	struct src	 src;
	unsigned int	 light = colour_light(pp->category->rgb);
	double		 pad = MM(2.5), gap = MM(5), qr = MM(15), yl, yr, w,
			 iw = 0, ih = 0, lw, lh, lx;
	double		 hr[INFO__COUNT], hl[INFO__COUNT], left_h, right_h = 0;
	size_t		 bgi, n0;
	char		*u, *logo = NULL;
	int		 has_logo = 0, g, split;

	w = l->tw - 2 * pad;
	memset(&c, 0, sizeof(c));
	c.l = l;
	c.size = SZ_BOX(l);
	c.leading = c.size * 1.3;
	c.w = floor(w * 0.38);
	r = c;
	r.w = w - c.w - gap;
	r.labels = 1;
	r.label_rgb = colour_dark(pp->category->rgb);
	c.label_rgb = r.label_rgb;
	if (pp->logo.s != NULL) {
		logo = path_join(s->content_dir, pp->logo.s);
		has_logo = S_image_size(logo, &iw, &ih);
	}
	buf_init(&t);

	/* The card: address, transports. */
	S_row_begin(&c, &p);
	src = S_tsrc(pp->path, &pp->adresse.rue);
	para_add(&p, pp->adresse.rue.s, FACE_REGULAR, RGB_TEXT, SPAN_NOHYPH,
	    &src);
	if (pp->adresse.complement.s != NULL) {
		src = S_tsrc(pp->path, &pp->adresse.complement);
		para_add(&p, "", FACE_REGULAR, RGB_TEXT, SPAN_BREAK, NULL);
		para_add(&p, pp->adresse.complement.s, FACE_REGULAR, RGB_TEXT,
		    0, &src);
	}
	para_add(&p, "", FACE_REGULAR, RGB_TEXT, SPAN_BREAK, NULL);
	buf_printf(&t, "%s %s", pp->adresse.code_postal.s ?
	    pp->adresse.code_postal.s : "", pp->adresse.ville.s ?
	    pp->adresse.ville.s : "");
	src = S_tsrc(pp->path, &pp->adresse.ville);
	para_add(&p, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, SPAN_NOHYPH, &src);
	buf_reset(&t);
	S_row_end(&c, &p, NULL);
	if (pp->transports.s != NULL) {
		src = S_tsrc(pp->path, &pp->transports);
		S_row_begin(&c, &p);
		p.before = c.leading * 0.1;
		para_add(&p, pp->transports.s, FACE_ITALIC, RGB_TEXT, 0, &src);
		S_row_end(&c, &p, NULL);
	}
	/* Phone, e-mail, website: one group. */
	if (pp->telephone.display != NULL) {
		S_row_begin(&c, &p);
		p.size = c.size * 1.12;
		src = S_psrc(pp, PF_TELEPHONE);
		para_add(&p, pp->telephone.display, FACE_BOLD, RGB_TEXT,
		    SPAN_NOHYPH | SPAN_RAW, &src)->uri =
		    pp->telephone.uri ? xstrdup(pp->telephone.uri) : NULL;
		S_row_end(&c, &p, NULL);
	}
	/* (The rows of this group close up: no gap above their first line.) */
	if (pp->courriel.s != NULL) {
		u = xasprintf("mailto:%s", pp->courriel.s);
		src = S_tsrc(pp->path, &pp->courriel);
		n0 = c.v.n;
		S_row_text(&c, NULL, pp->courriel.s, FACE_REGULAR,
		    SPAN_NOHYPH | SPAN_RAW | SPAN_URL, u, &src);
		if (pp->telephone.display != NULL && c.v.n > n0)
			c.v.v[n0].before = 0;
		free(u);
	}
	if (pp->site.s != NULL) {
		u = S_url_display(pp->site.s);
		src = S_tsrc(pp->path, &pp->site);
		n0 = c.v.n;
		S_row_text(&c, NULL, u, FACE_REGULAR,
		    SPAN_NOHYPH | SPAN_RAW | SPAN_URL, pp->site.s, &src);
		if ((pp->telephone.display != NULL || pp->courriel.s != NULL) &&
		    c.v.n > n0)
			c.v.v[n0].before = 0;
		free(u);
	}

	/*
	 * The second column, balanced: while it makes the box shorter,
	 * its last group moves under the card (above the QR code).
	 */
	for (g = 0; g < INFO__COUNT; g++) {
		struct crow	 tr = r, tc = c;

		memset(&tr.v, 0, sizeof(tr.v));
		S_info(l, &tr, pp, (enum info)g);
		hr[g] = S_vheight(&tr.v) + (tr.v.n > 0 ? ROW_GAP(&r) * 1.5 : 0);
		vlist_free(&tr.v);
		memset(&tc.v, 0, sizeof(tc.v));
		tc.labels = 1;
		S_info(l, &tc, pp, (enum info)g);
		hl[g] = S_vheight(&tc.v) + (tc.v.n > 0 ? ROW_GAP(&c) * 1.5 : 0);
		vlist_free(&tc.v);
		right_h += hr[g];
	}
	left_h = S_vheight(&c.v) + (pp->site.s != NULL || has_logo ?
	    c.leading * 0.6 + qr : 0);
	for (split = INFO__COUNT; split > 0; split--) {
		if (hr[split - 1] == 0)
			continue;
		if (fmax(left_h + hl[split - 1], right_h - hr[split - 1]) >=
		    fmax(left_h, right_h))
			break;	/* the box would not get shorter */
		left_h += hl[split - 1];
		right_h -= hr[split - 1];
	}
	c.labels = 1;
	for (g = 0; g < INFO__COUNT; g++)
		S_info(l, g < split ? &r : &c, pp, (enum info)g);
	buf_free(&t);

	/* Assemble: background, the two columns, QR code and logo. */
	box = vlist_add(out, 0, l->th.body_leading * 0.5);
	box->keep = 0;
	bg = vbox_add(box);	/* drawn first; sized at the end */
	bg->type = ITEM_RECT;
	bg->fill = 1;
	bg->rgb = light;
	bgi = box->nitems - 1;
	yl = S_col_put(box, &c, pad, -pad);
	yr = S_col_put(box, &r, pad + c.w + gap, -pad);
	lx = pad;
	if (pp->site.s != NULL || has_logo)
		yl -= c.leading * 0.6;
	if (pp->site.s != NULL) {
		qr_draw(box, pp->site.s, pad, yl, qr);
		it = vbox_add(box);
		it->type = ITEM_LINK_URI;
		it->x = pad;
		it->y = yl - qr;
		it->w = it->h = qr;
		it->uri = xstrdup(pp->site.s);
		lx += qr + MM(3);
	}
	if (has_logo) {
		/* Beside the QR code, as tall at most, within the column. */
		lh = qr;
		lw = lh * iw / ih;
		if (lw > c.w - (lx - pad)) {
			lw = c.w - (lx - pad);
			lh = lw * ih / iw;
		}
		it = vbox_add(box);
		it->type = ITEM_IMAGE;
		it->x = lx;
		it->y = yl - (qr - lh) / 2 - lh;
		it->w = lw;
		it->h = lh;
		it->path = xstrdup(logo);
	}
	if (pp->site.s != NULL || has_logo)
		yl -= qr;
	box->h = -fmin(yl, yr) + pad;
	bg = &box->items[bgi];	/* the array may have moved */
	bg->x = 0;
	bg->y = -box->h;
	bg->w = l->tw;
	bg->h = box->h;
	vlist_free(&c.v);
	vlist_free(&r.v);
	free(logo);
}

/* s with its spaces made no-break, into b. */
static void
S_nbsp(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		if (*s == ' ')
			buf_puts(b, NBSP);
		else
			buf_putc(b, *s);
}

/* Gap between two needs on one line. */
#define	NEED_GAP(l)	(SZ_SMALL(l) * 1.2)

/* Width of a partner's needs set on one line by S_needs_put(). */
static double
S_needs_width(struct lay *l, const struct partner *pp)
{
	double		 w = 0;
	size_t		 i;
	char		 ic[8];

	for (i = 0; i < pp->nthematiques; i++) {
		const struct thematique *th = pp->thematiques[i];

		S_picto(l, th, ic);
		if (i > 0)
			w += NEED_GAP(l);
		if (ic[0] != '\0')
			w += lay_width(l, FACE_ICON, SZ_SMALL(l), ic,
			    strlen(ic)) + SZ_SMALL(l) * 0.35;
		w += lay_width(l, FACE_REGULAR, SZ_SMALL(l), th->label,
		    strlen(th->label));
	}
	return w;
}

/* The needs of a partner on one line of box b, from x on baseline y. */
static void
S_needs_put(struct lay *l, const struct partner *pp, struct vbox *b,
    double x, double y, unsigned int rgb)
{
	struct pdf_item	*it;
	size_t		 i;
	char		 ic[8];

	for (i = 0; i < pp->nthematiques; i++) {
		const struct thematique *th = pp->thematiques[i];

		S_picto(l, th, ic);
		if (i > 0)
			x += NEED_GAP(l);
		if (ic[0] != '\0') {
			it = lay_text(l, b, x, y, FACE_ICON, SZ_SMALL(l), rgb, ic,
			    strlen(ic), NULL);
			x += it->w + SZ_SMALL(l) * 0.35;
		}
		it = lay_text(l, b, x, y, FACE_REGULAR, SZ_SMALL(l), RGB_MUTED,
		    th->label, strlen(th->label), NULL);
		x += it->w;
	}
}

/* A section heading of a partner page. */
static void
S_psection(struct lay *l, struct vlist *out, const char *title,
    unsigned int rgb)
{
	struct vbox	*b;

	b = para_line(l, out, title, FACE_BOLD, l->th.body_size * 1.1,
	    l->th.body_leading * 1.05, rgb, l->th.body_leading * 0.45, NULL);
	b->keep = 1;
}

static void
S_bullet(struct lay *l, struct vlist *out, struct para *p, unsigned int rgb,
    int first)
{
	p->indent = l->th.body_size * 1.2;
	p->width = l->tw - p->indent;
	p->marker = "•";
	p->marker_rgb = rgb;
	p->before = first ? 0 : l->th.body_leading * 0.1;
	para_set(l, p, out);
}

/*
 * The boxes of a partner's page(s) into v, at the tightening l->tight;
 * sec[] gets the index of each section heading's box (Missions,
 * Actions, Présentation, and the "Travaille avec" paragraph), *nsec
 * their number (at most 4).
 */
static void
S_partner_boxes(struct lay *l, const struct partner *pp, struct vlist *v0,
    size_t sec[4], size_t *nsec)
{
	struct vlist	 v = { 0 };
	struct vbox	*b;
	struct para	 p;
	struct src	 src;
	struct buf	 t;
	char		 num[24], ic[8];
	unsigned int	 dark = colour_dark(pp->category->rgb);
	size_t		 i;
	double		 bw;
	int		 inline_needs;

	*nsec = 0;
	buf_init(&t);

	/*
	 * The top line: the category badge, then the pictograms and labels
	 * of the partner's needs when they fit beside it (else they get a
	 * line of their own under the résumé).
	 */
	b = vlist_add(&v, SZ_SMALL(l) * 1.95, 0);
	b->keep = 1;
	bw = lay_width(l, FACE_BOLD, SZ_SMALL(l), pp->category->label,
	    strlen(pp->category->label)) + SZ_SMALL(l) * 1.2;
	lay_rect(b, 0, -SZ_SMALL(l) * 1.75, bw, SZ_SMALL(l) * 1.75, dark);
	lay_text(l, b, SZ_SMALL(l) * 0.6, -SZ_SMALL(l) * 1.2, FACE_BOLD,
	    SZ_SMALL(l), RGB_WHITE, pp->category->label,
	    strlen(pp->category->label), NULL);
	inline_needs = S_needs_width(l, pp) <= l->tw - bw - SZ_SMALL(l) * 1.5;
	if (inline_needs)
		S_needs_put(l, pp, b, bw + SZ_SMALL(l) * 1.5,
		    -SZ_SMALL(l) * 1.2, dark);

	/* Name and sigle. */
	para_init(&p, SZ_TITLE(l) * 0.8, SZ_TITLE(l) * 0.93, l->tw);
	p.align = ALIGN_LEFT;
	p.nohyph = 1;
	p.keep_last = 1;
	p.before = 2;
	src = S_psrc(pp, PF_NOM);
	para_add(&p, pp->nom.s, FACE_BOLD, dark, SPAN_NOHYPH, &src);
	if (pp->sigle.s != NULL && strcmp(pp->sigle.s, pp->nom.s) != 0) {
		src = S_psrc(pp, PF_SIGLE);
		buf_printf(&t, " (%s)", pp->sigle.s);
		para_add(&p, buf_cstr(&t), FACE_BOLD, dark, SPAN_NOHYPH, &src);
		buf_reset(&t);
	}
	para_set(l, &p, &v);
	para_free(&p);

	/* Résumé, larger. */
	para_init(&p, l->th.body_size * 1.08, l->th.body_leading * 1.06, l->tw);
	p.align = ALIGN_LEFT;
	p.before = l->th.body_leading * 0.3;
	src = S_psrc(pp, PF_RESUME);
	para_add(&p, pp->resume.s, FACE_REGULAR, RGB_TEXT, 0, &src);
	para_set(l, &p, &v);
	para_free(&p);

	/* Needs, when they did not fit on the top line. */
	if (pp->nthematiques > 0 && !inline_needs) {
		para_init(&p, SZ_SMALL(l), SZ_SMALL(l) * 1.45, l->tw);
		p.align = ALIGN_LEFT;
		p.nohyph = 1;
		p.before = l->th.body_leading * 0.25;
		for (i = 0; i < pp->nthematiques; i++) {
			const struct thematique *th = pp->thematiques[i];

			if (i > 0)
				para_add(&p, "   ", FACE_REGULAR, RGB_MUTED,
				    SPAN_RAW, NULL);
			S_picto(l, th, ic);
			if (ic[0] != '\0') {
				para_add(&p, ic, FACE_ICON, dark, SPAN_RAW |
				    SPAN_NOHYPH, NULL);
				para_add(&p, NBSP, FACE_REGULAR, dark, SPAN_RAW,
				    NULL);
			}
			/* No break inside a label: NBSP between its words. */
			S_nbsp(&t, th->label);
			para_add(&p, buf_cstr(&t), FACE_REGULAR, RGB_MUTED,
			    SPAN_NOHYPH, NULL);
			buf_reset(&t);
		}
		para_set(l, &p, &v);
		para_free(&p);
	}

	S_contact(l, pp, &v);

	sec[(*nsec)++] = v.n;
	S_psection(l, &v, "Missions", dark);
	for (i = 0; i < pp->missions.n; i++) {
		para_init(&p, l->th.body_size, l->th.body_leading, l->tw);
		src = S_tsrc(pp->path, &pp->missions.v[i]);
		para_add(&p, pp->missions.v[i].s, FACE_REGULAR, RGB_TEXT, 0,
		    &src);
		S_bullet(l, &v, &p, dark, i == 0);
		para_free(&p);
	}
	if (pp->nactions > 0) {
		sec[(*nsec)++] = v.n;
		S_psection(l, &v, "Actions", dark);
		for (i = 0; i < pp->nactions; i++) {
			const struct action *a = &pp->actions[i];

			para_init(&p, l->th.body_size, l->th.body_leading, l->tw);
			src = S_tsrc(pp->path, &a->titre);
			if (a->description.s != NULL) {
				size_t	 n = strlen(a->titre.s);
				int	 punct = n > 0 && strchr(".!?…:",
				    a->titre.s[n - 1]) != NULL;

				buf_printf(&t, "%s%s", a->titre.s, punct ? "" : ".");
				para_add(&p, buf_cstr(&t), FACE_BOLD, RGB_TEXT, 0,
				    &src);
				buf_reset(&t);
				src = S_tsrc(pp->path, &a->description);
				para_add(&p, " ", FACE_REGULAR, RGB_TEXT, SPAN_RAW,
				    NULL);
				para_add(&p, a->description.s, FACE_REGULAR,
				    RGB_TEXT, 0, &src);
			} else
				para_add(&p, a->titre.s, FACE_REGULAR, RGB_TEXT,
				    0, &src);
			S_bullet(l, &v, &p, dark, i == 0);
			para_free(&p);
		}
	}
	if (pp->body != NULL) {
		sec[(*nsec)++] = v.n;
		S_psection(l, &v, "Présentation", dark);
		md_set(l, pp->body, pp->path, pp->body_line, 1, dark, &v);
	}
	if (pp->nliens > 0) {
		struct span	*sp;

		sec[(*nsec)++] = v.n;
		para_init(&p, l->th.body_size, l->th.body_leading, l->tw);
		p.align = ALIGN_LEFT;
		p.before = l->th.body_leading * 0.4;
		para_add(&p, "Travaille avec : ", FACE_BOLD, dark, 0, NULL);
		for (i = 0; i < pp->nliens; i++) {
			const struct partner *q = pp->liens[i];
			size_t	 qi = S_partner_index(l, q);
			char	*qn = model_display_name(q);

			src = S_psrc(pp, PF_LIENS);
			if (i > 0)
				para_add(&p, ", ", FACE_REGULAR, RGB_TEXT,
				    SPAN_RAW, NULL);
			sp = para_add(&p, qn, FACE_REGULAR, RGB_TEXT,
			    SPAN_NOHYPH, &src);
			sp->dest = l->want.partner[qi] != SIZE_MAX ?
			    l->want.partner[qi] + 1 : 0;
			S_pageno(l->want.partner[qi], num, sizeof(num));
			buf_printf(&t, NBSP "p." NBSP "%s", num);
			sp = para_add(&p, buf_cstr(&t), FACE_REGULAR, RGB_MUTED,
			    SPAN_RAW | SPAN_NOHYPH, NULL);
			sp->dest = l->want.partner[qi] != SIZE_MAX ?
			    l->want.partner[qi] + 1 : 0;
			buf_reset(&t);
			free(qn);
		}
		para_set(l, &p, &v);
		para_free(&p);
	}
	if (l->tight > 0)
		for (i = 0; i < v.n; i++)
			v.v[i].before *= l->tight >= 3 ? 0.45 : 0.6;
	vlist_cat(v0, &v);
	vlist_free(&v);
	buf_free(&t);
}

/* Tightening steps tried for a partner a little too long for one page. */
#define	TIGHT_MAX	3
/* How much too long is "a little": the most a partner may overflow. */
#define	TIGHT_SLACK(l)	((l)->th.body_leading * 8)
/* Lines of body text a continuation page carries at least. */
#define	CONT_MIN	6

/* Height of boxes i to the end of v as they start a page. */
static double
S_rest(const struct vlist *v, size_t i)
{
	double	 h = 0;
	size_t	 j;

	for (j = i; j < v->n; j++)
		h += (j > i ? v->v[j].before : 0) + v->v[j].h;
	return h;
}

/*
 * A partner starts on a new page, either side: a long one goes on
 * overleaf under its name in the running head.  (Starting long ones on
 * a left-hand page cost blank pages inside the booklet.)
 *
 * What a typesetter does with a page that runs over by a few lines:
 * set it again a little tighter — less space between paragraphs and
 * sections, then 12 pt leading, then a smaller contact box — until it
 * fits (TIGHT_MAX attempts, the first that fits wins).  What cannot fit
 * runs to a second page set normally, broken so that the continuation
 * carries a real share of the text: never fewer than CONT_MIN lines,
 * and at a section heading when one is near.
 */
static void
S_partner(struct lay *l, const struct partner *pp)
{
	struct vlist	 v = { 0 };
	struct buf	 t;
	struct src	 src;
	char		*name;
	double		 avail = lay_avail(l), lead = l->th.body_leading,
			 need, rest;
	size_t		 k = S_category_index(l, pp->category), pg, sec[4],
			 sec2[4], nsec, nsec2, i, brk, best;
	int		 tight;

	name = model_display_name(pp);
	buf_init(&t);
	S_partner_boxes(l, pp, &v, sec, &nsec);
	need = S_rest(&v, 0);
	for (tight = 1; tight <= TIGHT_MAX && need > avail + 0.01 &&
	    need <= avail + TIGHT_SLACK(l); tight++) {
		struct vlist	 w = { 0 };

		l->tight = tight;
		if (tight >= 2)	/* 12.5 pt becomes 12 pt */
			l->th.body_leading = fmax(lead - 0.5,
			    l->th.body_size * 1.25);
		S_partner_boxes(l, pp, &w, sec2, &nsec2);
		l->th.body_leading = lead;
		l->tight = 0;
		if (S_rest(&w, 0) <= avail + 0.01) {
			vlist_free(&v);
			v = w;
			need = S_rest(&v, 0);
			break;
		}
		vlist_free(&w);
	}

	/* Two pages: where the first one ends. */
	brk = lay_fit(&v, 0, avail);
	if (brk < v.n && (rest = S_rest(&v, brk)) <= avail &&
	    rest < CONT_MIN * lead) {
		/*
		 * Too little left for overleaf: the last section heading
		 * that gives it enough, if the first page stays at least
		 * half full; else the last legal break that does.
		 */
		best = 0;
		for (i = nsec; i-- > 0;)
			if (sec[i] > 0 && sec[i] < brk &&
			    S_rest(&v, sec[i]) >= CONT_MIN * lead &&
			    need - S_rest(&v, sec[i]) >= avail / 2) {
				best = sec[i];
				break;
			}
		for (i = brk; best == 0 && i-- > 1;)
			if (!v.v[i - 1].keep && S_rest(&v, i) >= CONT_MIN * lead)
				best = i;
		if (best > 0)
			v.v[best].newpage = 1;
	}
	v.v[1].outline = lay_outline(l, name, 1, 0, 0);	/* the name */
	pg = lay_flow(l, &v, pp->category->label, name, (int)k + 1);
	/* The update date at the foot of its last page, in the margin. */
	{
		char	*date = date_fr(&pp->mise_a_jour);
		size_t	 last = l->doc->npages - 1;

		buf_printf(&t, "Mis à jour le %s", date);
		src.file = pp->path;
		src.pos = pp->mise_a_jour_pos;
		lay_page_text(l, last, lay_left(l, last), l->bottom - MM(7),
		    FACE_REGULAR, SZ_SMALL(l), RGB_MUTED, buf_cstr(&t), &src);
		free(date);
	}
	l->got.partner[S_partner_index(l, pp)] = pg;
	vlist_free(&v);
	buf_free(&t);
	free(name);
}

/* ---- indexes --------------------------------------------------------------- */

/* The heading of a need in the index: pictogram, label, "(suite)". */
static void
S_theme_head(struct lay *l, struct vlist *v, const struct thematique *th,
    double before, int suite)
{
	const struct site *s = l->site;
	struct vbox	*b;
	struct src	 src;
	unsigned int	 h = colour_dark(l->th.lead_rgb);
	char		 ic[8], *t;
	double		 iw = 0;

	b = vlist_add(v, SZ_H2(l) * 1.5, before);
	b->keep = 1;
	S_picto(l, th, ic);
	if (ic[0] != '\0') {
		lay_text(l, b, 0, -(b->h / 2 + SZ_H2(l) * 0.33), FACE_ICON,
		    SZ_H2(l), h, ic, strlen(ic), NULL);
		iw = SZ_H2(l) * 1.6;
	}
	src.file = s->path;
	src.pos = th->pos;
	t = xasprintf("%s%s", th->label, suite ? " (suite)" : "");
	lay_text(l, b, iw, -(b->h / 2 + SZ_H2(l) * 0.3), FACE_BOLD, SZ_H2(l),
	    h, t, strlen(t), &src);
	free(t);
}

static void
S_themes(struct lay *l)
{
	const struct site *s = l->site;
	struct vlist	 v = { 0 };
	struct vbox	*b;
	struct vlist	 tmp = { 0 };
	struct vbox	*cont;
	struct partner	**byname;
	unsigned int	 h = colour_dark(l->th.lead_rgb);
	size_t		 i, j, n, pg, cnt, k;
	char		*name;

	S_title(l, &v, "Je cherche de l'aide pour…", h, 1);
	byname = model_sorted_by_name(s);
	for (i = 0; i < s->nthematiques; i++) {
		const struct thematique *th = &s->thematiques[i];

		for (j = cnt = 0; j < s->npartners; j++)
			cnt += model_has_thematique(byname[j], th);
		if (cnt == 0)
			continue;
		S_theme_head(l, &v, th, i > 0 ? l->th.body_leading * 0.7 : 0, 0);
		S_theme_head(l, &tmp, th, 0, 1);
		cont = vlist_pop(&tmp);
		for (j = n = 0; j < s->npartners; j++) {
			const struct partner *p = byname[j];
			struct src src = S_psrc(p, PF_NOM);

			if (!model_has_thematique(p, th))
				continue;
			name = model_display_name(p);
			k = v.n;
			b = S_leader(l, &v, name, NULL, FACE_REGULAR,
			    l->th.body_size * 0.95, RGB_TEXT,
			    l->want.partner[S_partner_index(l, p)],
			    SZ_H2(l) * 1.6, 0, &src);
			free(name);
			if (n > 0 && k < v.n)
				v.v[k].cont = vbox_dup(cont);
			/* The heading keeps two entries; no entry alone at a head. */
			if (b != NULL && ((n == 0 && cnt > 1) || n + 2 == cnt))
				b->keep = 1;
			n++;
		}
		vbox_free(cont);
	}
	free(byname);
	vlist_free(&tmp);
	pg = lay_flow(l, &v, "Je cherche de l'aide pour…",
	    "Je cherche de l'aide pour…", 0);
	l->got.sec[SEC_THEMES] = pg;
	vlist_free(&v);
}

struct entry {
	char			*key;	/* sort key: the name or sigle */
	char			*text;	/* as printed */
	const char		*see;	/* cross-reference: the name, or NULL */
	const struct partner	*p;
};

static int
S_entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int	 c = str_collate(x->key, y->key);

	if (c == 0)
		c = strcmp(x->p->slug, y->p->slug);
	return c;
}

static void
S_alpha(struct lay *l)
{
	const struct site *s = l->site;
	struct vlist	 v = { 0 };
	struct vbox	*b;
	struct entry	*e;
	unsigned int	 h = colour_dark(l->th.lead_rgb);
	struct vlist	 tmp = { 0 };
	struct vbox	*cont = NULL;
	size_t		 i, j, k = 0, n = 0, pg;
	char		*fold, *t, letter[2] = { 0, 0 }, prev = 0;

	S_title(l, &v, "Index alphabétique", h, 1);
	e = xcalloc(2 * s->npartners + 1, sizeof(*e));
	for (i = 0; i < s->npartners; i++) {
		const struct partner *p = &s->partners[i];

		e[n].key = xstrdup(p->nom.s);
		e[n].text = model_display_name(p);
		e[n++].p = p;
		if (p->sigle.s != NULL && strcmp(p->sigle.s, p->nom.s) != 0) {
			e[n].key = xstrdup(p->sigle.s);
			e[n].text = xstrdup(p->sigle.s);
			e[n].see = p->nom.s;
			e[n++].p = p;
		}
	}
	qsort(e, n, sizeof(*e), S_entry_cmp);
	for (i = 0; i < n; i++) {
		struct src src = S_psrc(e[i].p, PF_NOM);

		fold = str_fold(e[i].key);
		letter[0] = (fold[0] >= 'a' && fold[0] <= 'z') ?
		    (char)(fold[0] - 'a' + 'A') : '#';
		free(fold);
		if (letter[0] != prev) {
			b = para_line(l, &v, letter, FACE_BOLD, SZ_H2(l),
			    SZ_H2(l) * 1.4, h, prev ? l->th.body_leading * 0.6 : 0,
			    NULL);
			b->keep = 1;
			prev = letter[0];
			t = xasprintf("%s (suite)", letter);
			vbox_free(cont);
			para_line(l, &tmp, t, FACE_BOLD, SZ_H2(l), SZ_H2(l) * 1.4,
			    h, 0, NULL);
			cont = vlist_pop(&tmp);
			free(t);
			k = 0;
		}
		j = v.n;
		S_leader(l, &v, e[i].text, e[i].see, FACE_REGULAR,
		    l->th.body_size * 0.95, RGB_TEXT,
		    l->want.partner[S_partner_index(l, e[i].p)], 0, 0, &src);
		if (k++ > 0 && j < v.n)
			v.v[j].cont = vbox_dup(cont);
	}
	vbox_free(cont);
	vlist_free(&tmp);
	for (i = 0; i < n; i++) {
		free(e[i].key);
		free(e[i].text);
	}
	free(e);
	pg = lay_flow(l, &v, "Index alphabétique", "Index alphabétique", 0);
	l->got.sec[SEC_ALPHA] = pg;
	vlist_free(&v);
}

/* ---- the booklet ------------------------------------------------------------- */

void
pages_booklet(struct lay *l)
{
	const struct site *s = l->site;
	size_t		 i, j;

	S_cover(l);
	S_edito(l);
	S_guide(l);
	S_contents(l);
	for (i = 0; i < s->ncategories; i++) {
		/*
		 * A divider takes the next page, either side: the thumb tab
		 * finds it, and a blank page inside a booklet looks unfinished.
		 */
		S_divider(l, &s->categories[i]);
		for (j = 0; j < s->npartners; j++)
			if (s->partners[j].category == &s->categories[i])
				S_partner(l, &s->partners[j]);
	}
	S_themes(l);
	S_alpha(l);
	/* Blank pages so that the back cover ends a multiple of four. */
	while ((l->doc->npages + 1) % 4 != 0)
		S_notes(l);
	S_back(l);
}
