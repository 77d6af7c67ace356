/*
 * pdf_pages.c — the sections of the booklet, in reading order: cover,
 * édito, "Mode d'emploi", contents, for each category a divider and
 * its partners (pdf_partner.c), the index by need and the index by
 * name (pdf_index.c), back cover.  The helpers the three files share
 * are here, declared in pdf_pages.h.
 *
 * Page numbers printed here come from lay_ref(), the pages things land
 * on go to lay_ref_here(): lay_run() lays each section out once, and
 * again only the ones that printed a wrong number.  All user-facing
 * words are French.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "picto.h"
#include "bk.h"
#include "pdf_qr.h"
#include "typo.h"

/* ---- small helpers ------------------------------------------------------ */

/* The printed number of a page index, "00" while unknown. */
void
pages_pageno(size_t idx, char *out, size_t sz)
{
	if (idx == SIZE_MAX)
		snprintf(out, sz, "00");
	else
		snprintf(out, sz, "%zu", idx + 1);
}

size_t
pages_partner_index(const struct lay *l, const struct partner *p)
{
	return (size_t)(p - l->site->partners);
}

size_t
pages_category_index(const struct lay *l, const struct category *c)
{
	return (size_t)(c - l->site->categories);
}

/* Source position of a partner's field. */
struct src
pages_psrc(const struct partner *p, enum partner_field f)
{
	struct src	 s;

	s.file = p->path;
	s.pos = p->fpos[f];
	return s;
}

struct src
pages_tsrc(const char *file, const struct text *t)
{
	struct src	 s;

	s.file = file;
	s.pos = t->pos;
	return s;
}

/* Height of a list of boxes set on one page. */
double
pages_vheight(const struct vlist *v)
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
	double		 y, x0 = lay_left(l, pg), step = l->theme.body_leading * 2;

	lay_page_text(l, pg, x0, lay_top(l) - SZ_TITLE(l), FACE_BOLD,
	    SZ_TITLE(l), colour_dark(l->theme.lead_rgb), "Notes", NULL);
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

void
pages_band(struct lay *l, size_t pg, double y, double h, unsigned int rgb)
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
pages_title(struct lay *l, struct vlist *out, const char *title,
    unsigned int rgb, int outline)
{
	struct vbox	*b;

	b = para_line(l, out, title, FACE_BOLD, SZ_TITLE(l), SZ_TITLE(l) * 1.25,
	    rgb, 0, NULL);
	b->keep = 1;
	if (outline)
		b->outline = lay_outline(l, title, 0, 0, 0);
	/* Air below the title. */
	vlist_add(out, l->theme.body_leading, 0)->keep = 1;
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
S_body_text(struct lay *l, struct vlist *out, const char *text, enum pdf_face f,
    unsigned int rgb, double before, const struct src *src)
{
	struct para	 p;

	para_init(&p, l->theme.body_size, l->theme.body_leading, l->tw);
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
struct vbox *
pages_leader(struct lay *l, struct vlist *out, const char *text,
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

	pages_pageno(dest, num, sizeof(num));
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
void
pages_picto(struct lay *l, const struct thematique *t, char out[8])
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
pages_lcfirst(struct buf *b, const char *s)
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
pages_upper(const char *s)
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

/* ---- cover and back cover ----------------------------------------------- */

static void
S_cover(struct lay *l)
{
	const struct site *s = l->site;
	struct pdf_doc	*d = l->doc;
	struct vlist	 v = { 0 };
	struct para	 p;
	char		*t;
	size_t		 pg;
	double		 band = d->page_h * 0.46, y;

	pg = lay_newpage(l, NULL, 0, 0);
	/* White text on it: 4.5:1. */
	pages_band(l, pg, band, d->page_h - band + BLEED_MAX,
	    colour_dark(l->theme.lead_rgb));

	/* In the band: title, subtitle, set from the top margin. */
	para_init(&p, SZ_TITLE(l) * 1.5, SZ_TITLE(l) * 1.6, l->tw);
	p.align = ALIGN_LEFT;
	p.nohyph = 1;
	{
		struct src src = pages_tsrc(s->path, &s->titre);

		para_add(&p, s->titre.s, FACE_BOLD, RGB_WHITE, SPAN_NOHYPH, &src);
	}
	para_set(l, &p, &v);
	para_free(&p);
	if (s->sous_titre.s != NULL) {
		struct src src = pages_tsrc(s->path, &s->sous_titre);

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
	if (s->npartners == 0)
		t = xstrdup("Qui peut aider, pour quoi, et comment le joindre : "
		    "cette édition ne compte encore aucun partenaire.");
	else
		t = xasprintf("Qui peut aider, pour quoi, et comment le "
		    "joindre : %zu" NBSP "partenaire%s du quartier, à retrouver "
		    "par besoin, par catégorie ou par nom.", s->npartners,
		    s->npartners > 1 ? "s" : "");
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
		struct src src = pages_tsrc(s->path, &s->editeur.nom);

		t = lay_ellipsis(l, FACE_BOLD, 10, s->editeur.nom.s, l->tw);
		lay_page_text(l, pg, lay_left(l, pg), y, FACE_BOLD, 10,
		    colour_dark(l->theme.lead_rgb), t, &src);
		free(t);
	}
	if (s->editeur.adresse.ville.s != NULL) {
		t = lay_ellipsis(l, FACE_REGULAR, 9, s->editeur.adresse.ville.s,
		    l->tw);
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

	S_heading(l, v, head, colour_dark(l->theme.lead_rgb), l->theme.body_leading);
	para_init(&p, l->theme.body_size, l->theme.body_leading, l->tw);
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
	struct pdf_item	*it;
	struct vlist	 v = { 0 };
	struct vbox	*b;
	const char	*lines[6], *uris[6];
	char		*addr = NULL, *cp = NULL, *mail = NULL, *cmail = NULL,
			*site = NULL, *t, *url = NULL;
	size_t		 pg;
	double		 qr = MM(28), y;

	pg = lay_newpage(l, NULL, 0, 0);
	lay_ref_here(l, REF_SEC(l, SEC_BACK), pg);

	para_line(l, &v, s->titre.s, FACE_BOLD, SZ_TITLE(l), SZ_TITLE(l) * 1.25,
	    colour_dark(l->theme.lead_rgb), 0, NULL);
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
		site = model_url_label(e->site.s);
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
		S_heading(l, &v, "Version accessible", colour_dark(l->theme.lead_rgb),
		    l->theme.body_leading);
		url = model_url_label(s->url.s);
		t = xasprintf("Ce livret ne peut pas être lu par un lecteur "
		    "d'écran. Le site reprend toutes les fiches, à jour, "
		    "lisibles avec un lecteur d'écran ou agrandies : %s", url);
		{
			struct para	 p;

			para_init(&p, l->theme.body_size, l->theme.body_leading,
			    l->tw - qr - MM(6));
			p.align = ALIGN_LEFT;
			para_add(&p, t, FACE_REGULAR, RGB_TEXT, 0, NULL);
			para_add(&p, "", FACE_REGULAR, RGB_TEXT, 0, NULL);
			para_set(l, &p, &v);
			para_free(&p);
		}
		free(t);
		b = vlist_add(&v, qr, l->theme.body_leading * 0.5);
		qr_draw(b, s->url.s, 0, 0, qr);
		it = vbox_add(b);
		it->type = ITEM_LINK_URI;
		it->x = 0;
		it->y = -qr;
		it->w = qr;
		it->h = qr;
		it->uri = xstrdup(s->url.s);
		lay_put(l, &v, pg, y - l->theme.body_leading);
		vlist_free(&v);
	}

	/* The band at the foot, into the bleed; white text on it: 4.5:1. */
	pages_band(l, pg, -BLEED_MAX, MM(16) + BLEED_MAX,
	    colour_dark(l->theme.lead_rgb));
	if (e->nom.s != NULL) {
		char	*one;

		t = xasprintf("%s — %s %d", e->nom.s, s->titre.s, s->edition);
		one = lay_ellipsis(l, FACE_REGULAR, 8, t, l->tw);
		lay_page_text(l, pg, lay_left(l, pg), MM(6.5), FACE_REGULAR, 8,
		    RGB_WHITE, one, NULL)->margin = 1;
		free(one);
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
	pages_title(l, &v, "Édito", colour_dark(l->theme.lead_rgb), 1);
	md_set(l, s->edito.s, s->path, s->edito.pos.line + 1,
	    s->edito.pos.col + 2, colour_dark(l->theme.lead_rgb),
	    l->theme.body_leading, &v);
	if (s->edito_signature.s != NULL) {
		struct src src = pages_tsrc(s->path, &s->edito_signature);

		para_init(&p, l->theme.body_size, l->theme.body_leading, l->tw);
		p.before = l->theme.body_leading;
		p.align = ALIGN_RIGHT;
		p.nohyph = 1;
		para_add(&p, s->edito_signature.s, FACE_ITALIC, RGB_TEXT, 0, &src);
		para_set(l, &p, &v);
		para_free(&p);
	}
	pg = lay_flow(l, &v, "Édito", "Édito", 0);
	lay_ref_here(l, REF_SEC(l, SEC_EDITO), pg);
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
	size_t		 i, n, pg, first;
	double		 chip = MM(4);
	unsigned int	 h = colour_dark(l->theme.lead_rgb);

	pages_title(l, &v, "Mode d'emploi", h, 1);
	S_body_text(l, &v, "Ce livret présente les partenaires de la Maison de "
	    "Quartier : ce que chacun fait, pour qui, et comment le joindre. "
	    "Il se consulte de trois façons.", FACE_REGULAR, RGB_TEXT, 0, NULL);

	S_heading(l, &v, "Par besoin", h, l->theme.body_leading);
	buf_init(&t);
	pages_pageno(lay_ref(l, REF_SEC(l, SEC_THEMATIC_INDEX)), num, sizeof(num));
	buf_printf(&t, "L'index « Je cherche de l'aide pour… », page %s, "
	    "regroupe les partenaires par besoin : ", num);
	/* The first four needs, lowercased: they run in the sentence. */
	for (i = n = 0; i < s->nthematiques && n < 4; i++) {
		if (s->thematiques[i].npartners == 0)
			continue;	/* not in the index */
		if (n++)
			buf_puts(&t, ", ");
		pages_lcfirst(&t, s->thematiques[i].label);
	}
	for (; i < s->nthematiques && s->thematiques[i].npartners == 0; i++)
		;
	buf_puts(&t, i < s->nthematiques ? "…" : ".");
	S_body_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
	buf_reset(&t);

	S_heading(l, &v, "Par catégorie", h, l->theme.body_leading);
	for (i = n = 0; i < s->ncategories; i++)
		n += s->categories[i].npartners > 0;
	buf_printf(&t, "Les fiches sont classées en %zu catégorie%s. Un onglet "
	    "de couleur, au bord de chaque page, permet d'ouvrir le livret "
	    "directement à la bonne catégorie :", n, n > 1 ? "s" : "");
	S_body_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
	buf_reset(&t);
	for (i = first = 0; i < s->ncategories; i++) {
		const struct category *c = &s->categories[i];

		if (c->npartners == 0)
			continue;

		b = pages_leader(l, &v, c->label, NULL, FACE_BOLD,
		    l->theme.body_size, colour_dark(c->rgb), lay_ref(l, REF_CATEGORY(l, i)),
		    chip + MM(3), first++ == 0 ? l->theme.body_leading * 0.4 : 2,
		    NULL);
		if (b != NULL)
			lay_rect(b, 0, -b->h + (b->h - chip) / 2, chip, chip,
			    colour_dark(c->rgb));
	}

	S_heading(l, &v, "Par nom", h, l->theme.body_leading);
	pages_pageno(lay_ref(l, REF_SEC(l, SEC_ALPHA)), num, sizeof(num));
	pages_pageno(lay_ref(l, REF_SEC(l, SEC_CONTENTS)), num2, sizeof(num2));
	buf_printf(&t, "L'index alphabétique, page %s, donne chaque partenaire "
	    "par son nom et par son sigle. Le sommaire, page %s, suit l'ordre "
	    "du livret.", num, num2);
	S_body_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
	buf_reset(&t);

	S_heading(l, &v, "Sur chaque fiche", h, l->theme.body_leading);
	S_body_text(l, &v,
	    "Le cadre de couleur réunit l'adresse, le téléphone, les "
	    "horaires et les conditions d'accès : sans rendez-vous, sur "
	    "rendez-vous ou sur orientation d'un travailleur social. Son code "
	    "QR ouvre le site du partenaire sur un téléphone. Au bas de la "
	    "fiche, « Travaille avec » renvoie aux partenaires proches.",
	    FACE_REGULAR, RGB_TEXT, 0, NULL);
	if (s->url.s != NULL) {
		char	*u = model_url_label(s->url.s);

		S_heading(l, &v, "En ligne", h, l->theme.body_leading);
		buf_printf(&t, "Toutes les fiches, mises à jour et lisibles avec "
		    "un lecteur d'écran : %s", u);
		S_body_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0,
		    NULL);
		free(u);
	}
	buf_free(&t);
	pg = lay_flow(l, &v, "Mode d'emploi", "Mode d'emploi", 0);
	lay_ref_here(l, REF_SEC(l, SEC_GUIDE), pg);
	vlist_free(&v);
}

static void
S_contents(struct lay *l)
{
	const struct site *s = l->site;
	struct vlist	 v = { 0 };
	struct vbox	*b;
	size_t		 i, j, pg, n;
	unsigned int	 h = colour_dark(l->theme.lead_rgb);
	char		*name;

	pages_title(l, &v, "Sommaire", h, 1);
	if (s->edito.s != NULL)
		pages_leader(l, &v, "Édito", NULL, FACE_REGULAR,
		    l->theme.body_size, RGB_TEXT, lay_ref(l, REF_SEC(l, SEC_EDITO)), 0, 0,
		    NULL);
	pages_leader(l, &v, "Mode d'emploi", NULL, FACE_REGULAR,
	    l->theme.body_size, RGB_TEXT, lay_ref(l, REF_SEC(l, SEC_GUIDE)), 0, 0, NULL);
	for (i = 0; i < s->ncategories; i++) {
		const struct category *c = &s->categories[i];
		struct vlist	 tmp = { 0 };
		struct vbox	*cont;

		if (c->npartners == 0)
			continue;	/* no divider, no line */
		b = pages_leader(l, &v, c->label, NULL, FACE_BOLD,
		    l->theme.body_size + 1, colour_dark(c->rgb),
		    lay_ref(l, REF_CATEGORY(l, i)), 0,
		    l->theme.body_leading * 0.6, NULL);
		if (b != NULL)
			b->keep = 1;
		/* Overleaf, the category's name again, "(suite)". */
		name = xasprintf("%s (suite)", c->label);
		para_line(l, &tmp, name, FACE_BOLD, l->theme.body_size + 1,
		    (l->theme.body_size + 1) * 1.25, colour_dark(c->rgb), 0, NULL);
		cont = vlist_pop(&tmp);
		vlist_free(&tmp);
		free(name);
		for (j = n = 0; j < s->npartners; j++) {
			const struct partner *p = &s->partners[j];
			struct src src = pages_psrc(p, PF_NOM);
			size_t	 k = v.n;

			if (p->category != c)
				continue;
			name = model_display_name(p);
			b = pages_leader(l, &v, name, NULL, FACE_REGULAR,
			    l->theme.body_size * 0.95, RGB_TEXT,
			    lay_ref(l, REF_PARTNER(l, j)), MM(4), 0, &src);
			free(name);
			if (n > 0 && k < v.n)
				v.v[k].cont = vbox_dup(cont);
			/*
			 * The category heading keeps its first two entries;
			 * no entry alone at the head of a page.
			 */
			if (b != NULL && ((n == 0 && c->npartners > 1) ||
			    n + 2 == c->npartners))
				b->keep = 1;
			n++;
		}
		vbox_free(cont);
	}
	b = pages_leader(l, &v, "Je cherche de l'aide pour…", NULL, FACE_BOLD,
	    l->theme.body_size + 1, h, lay_ref(l, REF_SEC(l, SEC_THEMATIC_INDEX)), 0,
	    l->theme.body_leading * 0.6, NULL);
	if (b != NULL)
		b->keep = 1;	/* the last two lines go together */
	pages_leader(l, &v, "Index alphabétique", NULL, FACE_BOLD,
	    l->theme.body_size + 1, h, lay_ref(l, REF_SEC(l, SEC_ALPHA)), 0, 2, NULL);
	pg = lay_flow(l, &v, "Sommaire", "Sommaire", 0);
	lay_ref_here(l, REF_SEC(l, SEC_CONTENTS), pg);
	vlist_free(&v);
}

/*
 * An edition without any partner yet: in place of the guide, the
 * contents, the categories and the indexes (which would all be empty),
 * one page that says so.
 */
static void
S_no_partner(struct lay *l)
{
	struct vlist	 v = { 0 };

	pages_title(l, &v, "Partenaires", colour_dark(l->theme.lead_rgb), 1);
	S_body_text(l, &v,
	    "Cette édition ne compte encore aucun partenaire. Les "
	    "fiches paraîtront ici dès qu'elles auront été rédigées.",
	    FACE_REGULAR, RGB_TEXT, 0, NULL);
	lay_flow(l, &v, "Partenaires", "Partenaires", 0);
	vlist_free(&v);
}

/* ---- the booklet ------------------------------------------------------------- */

/* The sections as chunks of lay_run(): arg is a category or partner index. */
static void
S_ch_cover(struct lay *l, size_t arg)
{
	(void)arg;
	S_cover(l);
}

static void
S_ch_edito(struct lay *l, size_t arg)
{
	(void)arg;
	S_edito(l);
}

static void
S_ch_no_partner(struct lay *l, size_t arg)
{
	(void)arg;
	S_no_partner(l);
}

static void
S_ch_guide(struct lay *l, size_t arg)
{
	(void)arg;
	S_guide(l);
}

static void
S_ch_contents(struct lay *l, size_t arg)
{
	(void)arg;
	S_contents(l);
}

static void
S_ch_news(struct lay *l, size_t arg)
{
	(void)arg;
	pages_news(l);
}

static void
S_ch_divider(struct lay *l, size_t arg)
{
	pages_divider(l, &l->site->categories[arg]);
}

static void
S_ch_partner(struct lay *l, size_t arg)
{
	pages_partner(l, &l->site->partners[arg]);
}

static void
S_ch_thematic(struct lay *l, size_t arg)
{
	(void)arg;
	pages_thematic_index(l);
}

static void
S_ch_alpha(struct lay *l, size_t arg)
{
	(void)arg;
	pages_alpha(l);
}

/* Blank pages so that the back cover ends a multiple of four. */
static void
S_ch_notes(struct lay *l, size_t arg)
{
	(void)arg;
	while ((l->doc->npages + 1) % 4 != 0)
		S_notes(l);
}

static void
S_ch_back(struct lay *l, size_t arg)
{
	(void)arg;
	S_back(l);
}

static void
S_add(struct lay_chunk **v, size_t *n, lay_chunk_fn *fn, size_t arg)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	memset(&(*v)[*n], 0, sizeof(**v));
	(*v)[*n].fn = fn;
	(*v)[(*n)++].arg = arg;
}

int
pages_booklet(struct lay *l)
{
	const struct site *s = l->site;
	struct lay_chunk *v = NULL;
	size_t		 i, j, n = 0, *guess;
	int		 ok;

	S_add(&v, &n, S_ch_cover, 0);
	S_add(&v, &n, S_ch_edito, 0);
	if (s->npartners == 0) {
		/* A short booklet: cover, édito, this page, back cover. */
		S_add(&v, &n, S_ch_no_partner, 0);
	} else {
		S_add(&v, &n, S_ch_guide, 0);
		S_add(&v, &n, S_ch_contents, 0);
		S_add(&v, &n, S_ch_news, 0);
		for (i = 0; i < s->ncategories; i++) {
			/*
			 * A divider takes the next page, either side: the
			 * thumb tab finds it, and a blank page inside a
			 * booklet looks unfinished.  An empty category has
			 * none (the loader warns of it).
			 */
			if (s->categories[i].npartners == 0)
				continue;
			S_add(&v, &n, S_ch_divider, i);
			for (j = 0; j < s->npartners; j++)
				if (s->partners[j].category == &s->categories[i])
					S_add(&v, &n, S_ch_partner, j);
		}
		S_add(&v, &n, S_ch_thematic, 0);
		S_add(&v, &n, S_ch_alpha, 0);
	}
	S_add(&v, &n, S_ch_notes, 0);
	S_add(&v, &n, S_ch_back, 0);
	/*
	 * Where a partner is expected before it is laid out: about its
	 * chunk's place, after contents of a line per partner, so that
	 * the numbers printed meanwhile ("p. 123") have the right width
	 * most of the time.
	 */
	guess = xreallocarray(NULL, REF__COUNT(l) + 1, sizeof(*guess));
	for (i = 0; i < REF__COUNT(l); i++)
		guess[i] = SIZE_MAX;
	for (i = 0; i < n; i++)
		if (v[i].fn == S_ch_partner)
			guess[REF_PARTNER(l, v[i].arg)] = i + i / 8 +
			    s->npartners / 30;
	ok = lay_run(l, v, n, REF__COUNT(l), guess, LAY_MAX_ROUNDS);
	free(guess);
	free(v);
	return ok;
}
