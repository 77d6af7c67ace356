/*
 * bk_partner.c — a category's divider page and the partners' pages:
 * title, tinted contact box (two balanced columns, QR code, logo),
 * needs, services, "Travaille avec"; a partner tightens its setting
 * to fit one page before it runs over (bk.h for the helpers).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"
#include "pdf_qr.h"
#include "picto.h"
#include "typo.h"

/* ---- categories and partners --------------------------------------------- */

/*
 * The category's name in its divider's band, in 26 pt bold, at most
 * maxh tall: a name too long for it is set smaller (found by
 * fuzz_layout: a name of one long word ran up out of the band and off
 * the page's text block), and at the smallest size cut short with
 * "…".
 */
static void
S_divider_label(struct lay *l, const struct category *c, struct vlist *v,
    double maxh)
{
	static const double sizes[] = { 26, 20, 16, 13, 10 };
	const size_t	 nsizes = sizeof(sizes) / sizeof(sizes[0]);
	struct para	 p;
	struct src	 src;
	char		*label = xstrdup(c->label), *cut;
	double		 width = 0;
	size_t		 k;

	src.file = l->site->path;
	src.pos = c->pos;
	for (k = 0; ; ) {
		para_init(&p, sizes[k], sizes[k] * 31 / 26, l->tw);
		p.align = ALIGN_LEFT;
		p.nohyph = 1;
		para_add(&p, label, FACE_BOLD, RGB_WHITE, SPAN_NOHYPH, &src);
		para_set(l, &p, v);
		para_free(&p);
		if (bk_vheight(v) <= maxh || (k + 1 == nsizes &&
		    width > 0 && width < l->tw))
			break;
		vlist_free(v);
		if (k + 1 < nsizes) {
			k++;
			continue;
		}
		/* The smallest size: shorter and shorter, with "…". */
		width = width > 0 ? width * 0.8 : l->tw * fmax(1, floor(maxh /
		    (sizes[k] * 31 / 26)));
		cut = lay_ellipsis(l, FACE_BOLD, sizes[k], c->label, width);
		free(label);
		label = cut;
	}
	free(label);
}

void
bk_divider(struct lay *l, const struct category *c)
{
	const struct site *s = l->site;
	struct pdf_doc	*d = l->doc;
	struct vlist	 v = { 0 }, tmp = { 0 };
	struct vbox	*b, *cont;
	size_t		 k = bk_category_index(l, c), pg, i, j, n;
	double		 top = d->page_h - MM(26), bot = d->page_h * 0.58;
	char		*t;
	unsigned int	 tg;

	pg = lay_newpage(l, c->label, (int)k + 1, 1);
	lay_ref_here(l, REF_CATEGORY(l, k), pg);
	lay_outline(l, c->label, 0, pg, d->page_h);

	bk_band(l, pg, bot, top - bot, colour_dark(c->rgb));
	tg = lay_tag_open(l, "H1");
	S_divider_label(l, c, &v, top - bot - MM(7) - MM(5) - 21);
	lay_tag_close(l, tg);
	t = xasprintf("%zu" NBSP "partenaire%s", c->npartners, c->npartners > 1 ?
	    "s" : "");
	tg = lay_tag_open(l, "P");
	para_line(l, &v, t, FACE_REGULAR, 12, 17, RGB_WHITE, 4, NULL);
	lay_tag_close(l, tg);
	free(t);
	lay_put(l, &v, pg, bot + MM(7) + bk_vheight(&v));
	vlist_free(&v);

	/*
	 * The list under the band, continued overleaf as long as it runs,
	 * under the category's name and "(suite)".
	 */
	t = xasprintf("%s (suite)", c->label);
	para_line(l, &tmp, t, FACE_BOLD, SZ_H2(l), SZ_H2(l) * 1.4,
	    colour_dark(c->rgb), 0, NULL);
	cont = vlist_pop(&tmp);
	free(t);
	tg = lay_tag_open(l, "TOC");
	for (j = n = 0; j < s->npartners; j++) {
		const struct partner *pp = &s->partners[j];
		struct src src = bk_psrc(pp, PF_NOM);

		if (pp->category != c)
			continue;
		t = model_display_name(pp);
		i = v.n;
		b = bk_leader(l, &v, t, NULL, FACE_REGULAR, l->theme.body_size,
		    RGB_TEXT, lay_ref(l, REF_PARTNER(l, j)), 0, 0, &src);
		free(t);
		if (n > 0 && i < v.n)
			v.v[i].cont = vbox_dup(cont);
		/* No entry alone at the head of a page. */
		if (b != NULL && n + 2 == c->npartners)
			b->keep = 1;
		n++;
	}
	lay_tag_close(l, tg);
	vbox_free(cont);
	vlist_free(&tmp);
	lay_flow_at(l, &v, pg, bot - MM(10), c->label, (int)k + 1);
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

	unsigned int	 t;

	up = bk_upper(label);
	b = vlist_add(&r->v, sz * 1.3, r->v.n > 0 ? ROW_GAP(r) * 1.5 : 0);
	b->keep = 1;
	t = lay_tag_open(r->l, "H3");
	lay_text(r->l, b, 0, -sz * 1.0, FACE_BOLD, sz, r->label_rgb, up,
	    strlen(up), NULL);
	lay_tag_close(r->l, t);
	free(up);
}

static void
S_row_end(struct crow *r, struct para *p, const char *label)
{
	unsigned int	 t;

	if (para_empty(p)) {
		para_free(p);
		return;
	}
	if (r->labels && label != NULL) {
		S_row_label(r, label);
		p->before = 0;
	}
	t = lay_tag_open(r->l, "P");
	para_set(r->l, p, &r->v);
	lay_tag_close(r->l, t);
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
	unsigned int	 ttab, trow, tcell;
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
	/* A table: a row per group of days, the days its header. */
	ttab = lay_tag_open(l, "Table");
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
		trow = lay_tag_open(l, "TR");
		tcell = lay_tag_open(l, "TH");
		lay_text(l, b, 0, base, FACE_REGULAR, r->size, RGB_MUTED, lab,
		    strlen(lab), NULL);
		lay_tag_close(l, tcell);
		tcell = lay_tag_open(l, "TD");
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
		lay_tag_close(l, tcell);
		lay_tag_close(l, trow);
	}
	lay_tag_close(l, ttab);
	for (day = 0; day < 7; day++)
		free(txt[day]);
precisions:
	if (h->precisions.s != NULL) {
		struct para	 p;
		struct src	 ps = bk_tsrc(pp->path, &h->precisions);

		unsigned int	 tp;

		S_row_begin(r, &p);
		p.before = any ? r->leading * 0.1 : 0;
		para_add(&p, h->precisions.s, FACE_ITALIC, RGB_TEXT, 0, &ps);
		tp = lay_tag_open(l, "P");
		para_set(l, &p, &r->v);
		lay_tag_close(l, tp);
		para_free(&p);
	}
}

/*
 * Width and height of the partner's logo in pixels, as the loader
 * decoded it: the layout reads no content file.  Zero when there is no
 * valid logo.
 */
static int
S_image_size(const struct partner *pp, double *w, double *h)
{
	*w = pp->logo_w;
	*h = pp->logo_h;
	return pp->logo.s != NULL && *w > 0 && *h > 0;
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
			src = bk_tsrc(pp->path, &pp->public_);
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
					bk_lcfirst(&t, model_modalite_label(
					    (enum modalite)bit));
				}
			}
			if (j > 0)
				buf_puts(&t, ".");
			if (model_cout_label(pp->cout) != NULL)
				buf_printf(&t, "%s%s.", t.len ? " " : "",
				    model_cout_label(pp->cout));
			S_row_begin(r, &p);
			src = bk_psrc(pp, PF_ACCES);
			para_add(&p, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, &src);
			if (pp->acces_precisions.s != NULL) {
				src = bk_tsrc(pp->path,
				    &pp->acces_precisions);
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
			src = bk_psrc(pp, PF_LANGUES);
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
			src = bk_psrc(pp, PF_ACCESSIBILITE);
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
				src = bk_tsrc(pp->path, &ct->nom);
				para_add(&p, ct->nom.s, FACE_BOLD, RGB_TEXT, SPAN_NOHYPH,
				    &src);
				if (ct->fonction.s != NULL) {
					src = bk_tsrc(pp->path, &ct->fonction);
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
					src = bk_tsrc(pp->path, &ct->courriel);
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
 * The card of a contact box into column c: address and transports,
 * then phone (bold), e-mail and website as one group.
 */
static void
S_card(const struct partner *pp, struct crow *c)
{
	struct para	 p;
	struct buf	 t;
	struct src	 src;
	size_t		 n0;
	char		*u;

	buf_init(&t);
	/* The card: address, transports. */
	S_row_begin(c, &p);
	src = bk_tsrc(pp->path, &pp->adresse.rue);
	para_add(&p, pp->adresse.rue.s, FACE_REGULAR, RGB_TEXT, SPAN_NOHYPH,
	    &src);
	if (pp->adresse.complement.s != NULL) {
		src = bk_tsrc(pp->path, &pp->adresse.complement);
		para_add(&p, "", FACE_REGULAR, RGB_TEXT, SPAN_BREAK, NULL);
		para_add(&p, pp->adresse.complement.s, FACE_REGULAR, RGB_TEXT,
		    0, &src);
	}
	para_add(&p, "", FACE_REGULAR, RGB_TEXT, SPAN_BREAK, NULL);
	buf_printf(&t, "%s %s", pp->adresse.code_postal.s ?
	    pp->adresse.code_postal.s : "", pp->adresse.ville.s ?
	    pp->adresse.ville.s : "");
	src = bk_tsrc(pp->path, &pp->adresse.ville);
	para_add(&p, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, SPAN_NOHYPH, &src);
	buf_reset(&t);
	S_row_end(c, &p, NULL);
	if (pp->transports.s != NULL) {
		src = bk_tsrc(pp->path, &pp->transports);
		S_row_begin(c, &p);
		p.before = c->leading * 0.1;
		para_add(&p, pp->transports.s, FACE_ITALIC, RGB_TEXT, 0, &src);
		S_row_end(c, &p, NULL);
	}
	/* Phone, e-mail, website: one group. */
	if (pp->telephone.display != NULL) {
		S_row_begin(c, &p);
		p.size = c->size * 1.12;
		src = bk_psrc(pp, PF_TELEPHONE);
		para_add(&p, pp->telephone.display, FACE_BOLD, RGB_TEXT,
		    SPAN_NOHYPH | SPAN_RAW, &src)->uri =
		    pp->telephone.uri ? xstrdup(pp->telephone.uri) : NULL;
		S_row_end(c, &p, NULL);
	}
	/* (The rows of this group close up: no gap above their first line.) */
	if (pp->courriel.s != NULL) {
		u = xasprintf("mailto:%s", pp->courriel.s);
		src = bk_tsrc(pp->path, &pp->courriel);
		n0 = c->v.n;
		S_row_text(c, NULL, pp->courriel.s, FACE_REGULAR,
		    SPAN_NOHYPH | SPAN_RAW | SPAN_URL, u, &src);
		if (pp->telephone.display != NULL && c->v.n > n0)
			c->v.v[n0].before = 0;
		free(u);
	}
	if (pp->site.s != NULL) {
		u = model_url_label(pp->site.s);
		src = bk_tsrc(pp->path, &pp->site);
		n0 = c->v.n;
		S_row_text(c, NULL, u, FACE_REGULAR,
		    SPAN_NOHYPH | SPAN_RAW | SPAN_URL, pp->site.s, &src);
		if ((pp->telephone.display != NULL || pp->courriel.s != NULL) &&
		    c->v.n > n0)
			c->v.v[n0].before = 0;
		free(u);
	}

	buf_free(&t);
}

/*
 * The closing line of a contact box, into b at x = pad, top at y: the
 * QR code of the partner's site (a link to it) when there is a site,
 * then the logo (when has_logo; iw x ih its size in pixels) beside it,
 * as tall as the code at most and within the column width w.
 */
static void
S_qr_logo(struct lay *l, struct vbox *b, const struct partner *pp,
    double pad, double y, double qr, double w, const char *logo,
    int has_logo, double iw, double ih)
{
	struct pdf_item	*it;
	double		 lw, lh, lx = pad;
	unsigned int	 tl, tf;
	size_t		 k;
	char		*alt, *name;

	if (pp->site.s != NULL) {
		/* A link to the site: a Figure (the code's squares). */
		name = model_display_name(pp);
		alt = xasprintf("Code QR : site de %s (%s)", name, pp->site.s);
		tl = lay_tag_open(l, "Link");
		tf = lay_tag_open(l, "Figure");
		lay_tag_alt(l, alt);
		k = b->nitems;
		qr_draw(b, pp->site.s, pad, y, qr);
		for (; k < b->nitems; k++)
			lay_tag_item(l, &b->items[k]);
		lay_tag_close(l, tf);
		it = lay_tag_item(l, vbox_add(b));
		lay_tag_close(l, tl);
		free(alt);
		free(name);
		it->type = ITEM_LINK_URI;
		it->x = pad;
		it->y = y - qr;
		it->w = it->h = qr;
		it->uri = xstrdup(pp->site.s);
		lx += qr + MM(3);
	}
	if (has_logo) {
		lh = qr;
		lw = lh * iw / ih;
		if (lw > w - (lx - pad)) {
			lw = w - (lx - pad);
			lh = lw * ih / iw;
		}
		name = model_display_name(pp);
		alt = xasprintf("Logo de %s", name);
		tf = lay_tag_open(l, "Figure");
		lay_tag_alt(l, alt);
		it = lay_tag_item(l, vbox_add(b));
		lay_tag_close(l, tf);
		free(alt);
		free(name);
		it->type = ITEM_IMAGE;
		it->x = lx;
		it->y = y - (qr - lh) / 2 - lh;
		it->w = lw;
		it->h = lh;
		it->path = xstrdup(logo);
	}
}

/*
 * How a partner's page is set: the theme's body text, or, for a
 * partner a little too long for its page, a tightened setting (see
 * pages_partner).  Passed to what draws the page, so that nothing
 * changes the theme for a while.
 */
struct pstyle {
	int		 tight;		/* tightening: 0 none, up to TIGHT_MAX */
	double		 size;		/* body text size */
	double		 leading;	/* body leading */
	double		 box;		/* text size in the contact box */
};

/*
 * A contact box taller than a page (pages of text in acces.precisions,
 * many named contacts): one column, each row a box of its own on the
 * tint, so that it breaks across pages like a paragraph; the QR code
 * and the logo close it.
 */
static void
S_contact_rows(struct lay *l, const struct pstyle *st,
    const struct partner *pp, struct vlist *out, const char *logo,
    int has_logo, double iw, double ih)
{
	struct crow	 c;
	struct vbox	*b, *row;
	struct pdf_item	*it;
	unsigned int	 light = colour_light(pp->category->rgb);
	double		 pad = MM(2.5), qr = MM(15), top;
	size_t		 i, j;
	int		 g, tail = pp->site.s != NULL || has_logo;

	memset(&c, 0, sizeof(c));
	c.l = l;
	c.size = st->box;
	c.leading = c.size * 1.3;
	c.w = l->tw - 2 * pad;
	c.label_rgb = colour_dark(pp->category->rgb);
	S_card(pp, &c);
	c.labels = 1;
	for (g = 0; g < INFO__COUNT; g++)
		S_info(l, &c, pp, (enum info)g);
	for (i = 0; i < c.v.n; i++) {
		row = &c.v.v[i];
		top = i == 0 ? pad : row->before;
		b = vlist_add(out, top + row->h + (i + 1 == c.v.n && !tail ?
		    pad : 0), i == 0 ? st->leading * 0.5 : 0);
		row = &c.v.v[i];
		b->keep = row->keep;
		lay_rect(b, 0, -b->h, l->tw, b->h, light);
		for (j = 0; j < row->nitems; j++) {
			it = vbox_add(b);
			*it = row->items[j];
			it->x += pad;
			it->y -= top;
			if (it->type == ITEM_LINE) {
				it->x2 += pad;
				it->y2 -= top;
			}
		}
		row->nitems = 0;	/* the strings moved */
	}
	if (tail) {
		b = vlist_add(out, c.leading * 0.6 + qr + pad, 0);
		lay_rect(b, 0, -b->h, l->tw, b->h, light);
		S_qr_logo(l, b, pp, pad, -c.leading * 0.6, qr, c.w, logo,
		    has_logo, iw, ih);
	}
	vlist_free(&c.v);
}

/*
 * The contact box's second column, balanced: while it makes the box
 * shorter, its last group moves under the card (above the QR code).
 * left_h is the card's height with its QR code; returns the number of
 * groups that stay in the right column r (the rest go under card c).
 */
static int
S_contact_split(const struct partner *pp, const struct crow *c,
    const struct crow *r, double left_h)
{
	double		 hr[INFO__COUNT], hl[INFO__COUNT], right_h = 0;
	int		 g, split;

	for (g = 0; g < INFO__COUNT; g++) {
		struct crow	 tr = *r, tc = *c;

		memset(&tr.v, 0, sizeof(tr.v));
		S_info(r->l, &tr, pp, (enum info)g);
		hr[g] = bk_vheight(&tr.v) +
		    (tr.v.n > 0 ? ROW_GAP(r) * 1.5 : 0);
		vlist_free(&tr.v);
		memset(&tc.v, 0, sizeof(tc.v));
		tc.labels = 1;
		S_info(c->l, &tc, pp, (enum info)g);
		hl[g] = bk_vheight(&tc.v) +
		    (tc.v.n > 0 ? ROW_GAP(c) * 1.5 : 0);
		vlist_free(&tc.v);
		right_h += hr[g];
	}
	for (split = INFO__COUNT; split > 0; split--) {
		if (hr[split - 1] == 0)
			continue;
		if (fmax(left_h + hl[split - 1], right_h - hr[split - 1]) >=
		    fmax(left_h, right_h))
			break;	/* the box would not get shorter */
		left_h += hl[split - 1];
		right_h -= hr[split - 1];
	}
	return split;
}

/*
 * The contact box assembled into out: background, the two columns c
 * and r (gap apart, pad inside the tint), then the QR code (qr wide)
 * and the logo under the card.  Returns the box's height.
 */
static double
S_contact_put(struct lay *l, const struct pstyle *st,
    const struct partner *pp, struct vlist *out, struct crow *c,
    struct crow *r, double pad, double gap, double qr,
    const char *logo, int has_logo, double iw, double ih)
{
	struct vbox	*box;
	struct pdf_item	*bg;
	size_t		 bgi;
	double		 yl, yr;

	box = vlist_add(out, 0, st->leading * 0.5);
	box->keep = 0;
	lay_rect(box, 0, 0, 0, 0, colour_light(pp->category->rgb));
	bgi = box->nitems - 1;	/* drawn first; sized at the end */
	yl = S_col_put(box, c, pad, -pad);
	yr = S_col_put(box, r, pad + c->w + gap, -pad);
	if (pp->site.s != NULL || has_logo)
		yl -= c->leading * 0.6;
	S_qr_logo(l, box, pp, pad, yl, qr, c->w, logo, has_logo, iw, ih);
	if (pp->site.s != NULL || has_logo)
		yl -= qr;
	box->h = -fmin(yl, yr) + pad;
	bg = &box->items[bgi];	/* the array may have moved */
	bg->x = 0;
	bg->y = -box->h;
	bg->w = l->tw;
	bg->h = box->h;
	return box->h;
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
S_contact(struct lay *l, const struct pstyle *st, const struct partner *pp,
    struct vlist *out)
{
	const struct site *s = l->site;
	struct crow	 c, r;
	double		 pad = MM(2.5), gap = MM(5), qr = MM(15), w, h,
			 iw = 0, ih = 0;
	char		*logo = NULL;
	int		 has_logo = 0, g, split;

	w = l->tw - 2 * pad;
	memset(&c, 0, sizeof(c));
	c.l = l;
	c.size = st->box;
	c.leading = c.size * 1.3;
	c.w = floor(w * 0.38);
	r = c;
	r.w = w - c.w - gap;
	r.labels = 1;
	r.label_rgb = colour_dark(pp->category->rgb);
	c.label_rgb = r.label_rgb;
	if (pp->logo.s != NULL) {
		logo = path_join(s->content_dir, pp->logo.s);
		has_logo = S_image_size(pp, &iw, &ih);
	}

	S_card(pp, &c);
	split = S_contact_split(pp, &c, &r, bk_vheight(&c.v) +
	    (pp->site.s != NULL || has_logo ? c.leading * 0.6 + qr : 0));
	c.labels = 1;
	for (g = 0; g < INFO__COUNT; g++)
		S_info(l, g < split ? &r : &c, pp, (enum info)g);

	h = S_contact_put(l, st, pp, out, &c, &r, pad, gap, qr, logo,
	    has_logo, iw, ih);
	vlist_free(&c.v);
	vlist_free(&r.v);
	if (h > lay_avail(l)) {
		/* Taller than a page: set again as rows that may break. */
		vbox_free(vlist_pop(out));
		S_contact_rows(l, st, pp, out, logo, has_logo, iw, ih);
	}
	free(logo);
}

/* s with its spaces made no-break, into b. */
static void
S_no_break_into(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		if (*s == ' ')
			buf_puts(b, NBSP);
		else
			buf_putc(b, *s);
}

/* Gap between two needs on one line. */
#define	NEED_GAP(l)	(SZ_SMALL(l) * 1.2)

/*
 * The needs of a partner (pictogram and label each) on one line of box
 * b, from x on baseline y; with b NULL, only measure.  Returns the
 * width of the line, so that measuring and placing cannot disagree.
 */
static double
S_needs(struct lay *l, const struct partner *pp, struct vbox *b,
    double x, double y, unsigned int rgb)
{
	double		 x0 = x, sz = SZ_SMALL(l);
	size_t		 i, n;
	char		 ic[8];
	unsigned int	 t;

	for (i = 0; i < pp->nthematiques; i++) {
		const struct thematique *th = pp->thematiques[i];

		bk_picto(l, th, ic);
		if (i > 0)
			x += NEED_GAP(l);
		if ((n = strlen(ic)) > 0) {
			/* The pictogram: a Figure named by the need. */
			t = b != NULL ? lay_tag_open(l, "Figure") : l->tag;
			if (b != NULL)
				lay_tag_alt(l, th->label);
			x += (b != NULL ? lay_text(l, b, x, y, FACE_ICON, sz,
			    rgb, ic, n, NULL)->w :
			    lay_width(l, FACE_ICON, sz, ic, n)) + sz * 0.35;
			lay_tag_close(l, t);
		}
		n = strlen(th->label);
		x += b != NULL ? lay_text(l, b, x, y, FACE_REGULAR, sz,
		    RGB_MUTED, th->label, n, NULL)->w :
		    lay_width(l, FACE_REGULAR, sz, th->label, n);
	}
	return x - x0;
}

/* A section heading of a partner page. */
static void
S_psection(struct lay *l, const struct pstyle *st, struct vlist *out,
    const char *title, unsigned int rgb)
{
	struct vbox	*b;
	unsigned int	 t = lay_tag_open(l, "H3");

	b = para_line(l, out, title, FACE_BOLD, st->size * 1.1,
	    st->leading * 1.05, rgb, st->leading * 0.45, NULL);
	b->keep = 1;
	lay_tag_close(l, t);
}

static void
S_bullet(struct lay *l, const struct pstyle *st, struct vlist *out,
    struct para *p, unsigned int rgb, int first)
{
	p->indent = st->size * 1.2;
	p->width = l->tw - p->indent;
	p->marker = "•";
	p->marker_rgb = rgb;
	unsigned int	 t;

	p->before = first ? 0 : st->leading * 0.1;
	t = lay_tag_open(l, "LI");
	para_set(l, p, out);
	lay_tag_close(l, t);
}

/*
 * The top line of a partner page into v: the category badge, then the
 * pictograms and labels of the partner's needs when they fit beside it.
 * Returns whether they did (else they get a line of their own under
 * the résumé, S_needs_line).
 */
static int
S_top_line(struct lay *l, const struct partner *pp, struct vlist *v,
    unsigned int dark)
{
	struct vbox	*b;
	char		*badge;
	double		 bw;
	int		 inline_needs;
	unsigned int	 t;

	b = vlist_add(v, SZ_SMALL(l) * 1.95, 0);
	b->keep = 1;
	/* The badge is one line: a long category label ends with "…". */
	badge = lay_ellipsis(l, FACE_BOLD, SZ_SMALL(l), pp->category->label,
	    l->tw - SZ_SMALL(l) * 1.2);
	bw = lay_width(l, FACE_BOLD, SZ_SMALL(l), badge, strlen(badge)) +
	    SZ_SMALL(l) * 1.2;
	lay_rect(b, 0, -SZ_SMALL(l) * 1.75, bw, SZ_SMALL(l) * 1.75, dark);
	t = lay_tag_open(l, "P");
	lay_text(l, b, SZ_SMALL(l) * 0.6, -SZ_SMALL(l) * 1.2, FACE_BOLD,
	    SZ_SMALL(l), RGB_WHITE, badge, strlen(badge), NULL);
	lay_tag_close(l, t);
	free(badge);
	inline_needs = S_needs(l, pp, NULL, 0, 0, 0) <=
	    l->tw - bw - SZ_SMALL(l) * 1.5;
	if (inline_needs) {
		t = lay_tag_open(l, "P");
		(void)S_needs(l, pp, b, bw + SZ_SMALL(l) * 1.5,
		    -SZ_SMALL(l) * 1.2, dark);
		lay_tag_close(l, t);
	}
	return inline_needs;
}

/* The partner's name and sigle, the page's title, into v. */
static void
S_title(struct lay *l, const struct partner *pp, struct vlist *v,
    unsigned int dark)
{
	struct para	 p;
	struct src	 src;
	char		*t;
	unsigned int	 tag;

	para_init(&p, SZ_TITLE(l) * 0.8, SZ_TITLE(l) * 0.93, l->tw);
	p.align = ALIGN_LEFT;
	p.nohyph = 1;
	p.keep_last = 1;
	p.before = 2;
	src = bk_psrc(pp, PF_NOM);
	para_add(&p, pp->nom.s, FACE_BOLD, dark, SPAN_NOHYPH, &src);
	if (pp->sigle.s != NULL && strcmp(pp->sigle.s, pp->nom.s) != 0) {
		src = bk_psrc(pp, PF_SIGLE);
		t = xasprintf(" (%s)", pp->sigle.s);
		para_add(&p, t, FACE_BOLD, dark, SPAN_NOHYPH, &src);
		free(t);
	}
	tag = lay_tag_open(l, "H2");
	para_set(l, &p, v);
	lay_tag_close(l, tag);
	para_free(&p);
}

/* The résumé, larger than the body, into v. */
static void
S_resume(struct lay *l, const struct pstyle *st, const struct partner *pp,
    struct vlist *v)
{
	struct para	 p;
	struct src	 src;
	unsigned int	 t;

	para_init(&p, st->size * 1.08, st->leading * 1.06, l->tw);
	p.align = ALIGN_LEFT;
	p.before = st->leading * 0.3;
	src = bk_psrc(pp, PF_RESUME);
	para_add(&p, pp->resume.s, FACE_REGULAR, RGB_TEXT, 0, &src);
	t = lay_tag_open(l, "P");
	para_set(l, &p, v);
	lay_tag_close(l, t);
	para_free(&p);
}

/* The needs on a line of their own, when not on the top line. */
static void
S_needs_line(struct lay *l, const struct pstyle *st,
    const struct partner *pp, struct vlist *v, unsigned int dark)
{
	struct para	 p;
	struct buf	 t;
	char		 ic[8];
	size_t		 i;
	unsigned int	 tp;

	buf_init(&t);
	para_init(&p, SZ_SMALL(l), SZ_SMALL(l) * 1.45, l->tw);
	p.align = ALIGN_LEFT;
	p.nohyph = 1;
	p.before = st->leading * 0.25;
	tp = lay_tag_open(l, "P");	/* the Figures below go in it */
	for (i = 0; i < pp->nthematiques; i++) {
		const struct thematique *th = pp->thematiques[i];

		if (i > 0)
			para_add(&p, "   ", FACE_REGULAR, RGB_MUTED,
			    SPAN_RAW, NULL);
		bk_picto(l, th, ic);
		if (ic[0] != '\0') {
			unsigned int tf = lay_tag_open(l, "Figure");

			lay_tag_alt(l, th->label);
			para_add(&p, ic, FACE_ICON, dark, SPAN_RAW |
			    SPAN_NOHYPH, NULL)->tag = l->tag;
			lay_tag_close(l, tf);
			para_add(&p, NBSP, FACE_REGULAR, dark, SPAN_RAW,
			    NULL);
		}
		/*
		 * No break inside a label (NBSP between its words), unless
		 * it is longer than a line: then it wraps like text (found
		 * by fuzz_layout: a long label ran out of the text block).
		 */
		if (lay_width(l, FACE_REGULAR, SZ_SMALL(l), th->label,
		    strlen(th->label)) + SZ_SMALL(l) * 2 <= l->tw)
			S_no_break_into(&t, th->label);
		else
			buf_puts(&t, th->label);
		para_add(&p, buf_cstr(&t), FACE_REGULAR, RGB_MUTED,
		    SPAN_NOHYPH, NULL);
		buf_reset(&t);
	}
	para_set(l, &p, v);
	lay_tag_close(l, tp);
	para_free(&p);
	buf_free(&t);
}

/* "Missions", a bullet each, into v. */
static void
S_missions(struct lay *l, const struct pstyle *st,
    const struct partner *pp, struct vlist *v, unsigned int dark)
{
	struct para	 p;
	struct src	 src;
	size_t		 i;
	unsigned int	 t;

	S_psection(l, st, v, "Missions", dark);
	t = lay_tag_open(l, "L");
	for (i = 0; i < pp->missions.n; i++) {
		para_init(&p, st->size, st->leading, l->tw);
		src = bk_tsrc(pp->path, &pp->missions.v[i]);
		para_add(&p, pp->missions.v[i].s, FACE_REGULAR, RGB_TEXT, 0,
		    &src);
		S_bullet(l, st, v, &p, dark, i == 0);
		para_free(&p);
	}
	lay_tag_close(l, t);
}

/*
 * "Actions", a bullet each: the title in bold (with a full stop when it
 * has no punctuation of its own), then the description, into v.
 */
static void
S_action_bullets(struct lay *l, const struct pstyle *st,
    const struct partner *pp, struct vlist *v, unsigned int dark)
{
	struct para	 p;
	struct src	 src;
	char		*t;
	size_t		 i;
	unsigned int	 tl;

	S_psection(l, st, v, "Actions", dark);
	tl = lay_tag_open(l, "L");
	for (i = 0; i < pp->nactions; i++) {
		const struct action *a = &pp->actions[i];

		para_init(&p, st->size, st->leading, l->tw);
		src = bk_tsrc(pp->path, &a->titre);
		if (a->description.s != NULL) {
			size_t	 n = strlen(a->titre.s);
			int	 punct = n > 0 && strchr(".!?…:",
			    a->titre.s[n - 1]) != NULL;

			t = xasprintf("%s%s", a->titre.s, punct ? "" : ".");
			para_add(&p, t, FACE_BOLD, RGB_TEXT, 0, &src);
			free(t);
			src = bk_tsrc(pp->path, &a->description);
			para_add(&p, " ", FACE_REGULAR, RGB_TEXT, SPAN_RAW,
			    NULL);
			para_add(&p, a->description.s, FACE_REGULAR,
			    RGB_TEXT, 0, &src);
		} else
			para_add(&p, a->titre.s, FACE_REGULAR, RGB_TEXT,
			    0, &src);
		S_bullet(l, st, v, &p, dark, i == 0);
		para_free(&p);
	}
	lay_tag_close(l, tl);
}

/*
 * "Travaille avec : " and the partners this one works with, each with
 * its page number (both links to its page), into v.
 */
static void
S_works_with(struct lay *l, const struct pstyle *st,
    const struct partner *pp, struct vlist *v, unsigned int dark)
{
	struct para	 p;
	struct src	 src;
	struct span	*sp;
	char		 num[24], *t;
	size_t		 i;
	unsigned int	 tp;

	para_init(&p, st->size, st->leading, l->tw);
	p.align = ALIGN_LEFT;
	p.before = st->leading * 0.4;
	para_add(&p, "Travaille avec : ", FACE_BOLD, dark, 0, NULL);
	for (i = 0; i < pp->nliens; i++) {
		const struct partner *q = pp->liens[i];
		size_t	 qi = bk_partner_index(l, q), qpg;
		char	*qn = model_display_name(q);

		src = bk_psrc(pp, PF_LIENS);
		if (i > 0)
			para_add(&p, ", ", FACE_REGULAR, RGB_TEXT,
			    SPAN_RAW, NULL);
		sp = para_add(&p, qn, FACE_REGULAR, RGB_TEXT,
		    SPAN_NOHYPH, &src);
		qpg = lay_ref(l, REF_PARTNER(l, qi));
		sp->dest = qpg != SIZE_MAX ? qpg + 1 : 0;
		bk_pageno(qpg, num, sizeof(num));
		t = xasprintf(NBSP "p." NBSP "%s", num);
		sp = para_add(&p, t, FACE_REGULAR, RGB_MUTED,
		    SPAN_RAW | SPAN_NOHYPH, NULL);
		sp->dest = qpg != SIZE_MAX ? qpg + 1 : 0;
		free(t);
		free(qn);
	}
	tp = lay_tag_open(l, "P");
	para_set(l, &p, v);
	lay_tag_close(l, tp);
	para_free(&p);
}

/* Less space above boxes from..end of v, as tightening st wants. */
static void
S_tighten(const struct pstyle *st, struct vlist *v, size_t from)
{
	size_t	 i;

	if (st->tight > 0)
		for (i = from; i < v->n; i++)
			v->v[i].before *= st->tight >= 3 ? 0.45 : 0.6;
}

/*
 * The boxes of a partner's page(s) into v0, in the style st; sec[]
 * gets the index of each section heading's box (Missions, Actions,
 * Présentation, and the "Travaille avec" paragraph), *nsec their
 * number (at most 4).
 */
static void
S_partner_boxes(struct lay *l, const struct pstyle *st,
    const struct partner *pp, struct vlist *v0, size_t sec[4], size_t *nsec)
{
	struct vlist	 v = { 0 };
	unsigned int	 dark = colour_dark(pp->category->rgb);
	int		 inline_needs;

	*nsec = 0;
	inline_needs = S_top_line(l, pp, &v, dark);
	S_title(l, pp, &v, dark);
	S_resume(l, st, pp, &v);
	if (pp->nthematiques > 0 && !inline_needs)
		S_needs_line(l, st, pp, &v, dark);
	S_contact(l, st, pp, &v);
	sec[(*nsec)++] = v.n;
	S_missions(l, st, pp, &v, dark);
	if (pp->nactions > 0) {
		sec[(*nsec)++] = v.n;
		S_action_bullets(l, st, pp, &v, dark);
	}
	if (pp->body != NULL) {
		sec[(*nsec)++] = v.n;
		S_psection(l, st, &v, "Présentation", dark);
		l->md_heading = "H4";	/* under the H3 above */
		md_set(l, pp->body, pp->path, pp->body_line, 1, dark,
		    st->leading, &v);
		l->md_heading = NULL;
	}
	if (pp->nliens > 0) {
		sec[(*nsec)++] = v.n;
		S_works_with(l, st, pp, &v, dark);
	}
	S_tighten(st, &v, 0);
	vlist_cat(v0, &v);
	vlist_free(&v);
}

/* Tightening steps tried for a partner a little too long for one page. */
#define	TIGHT_MAX	3
/* How much too long is "a little": the most a partner may overflow. */
#define	TIGHT_SLACK(l)	((l)->theme.body_leading * 8)
/* Lines of body text a continuation page carries at least. */
#define	CONT_MIN	6

/*
 * The style of a partner page at the tightening tight: from 1, less
 * space between boxes (S_partner_boxes); from 2, 12.5 pt leading
 * becomes 12 pt; at 3, a smaller contact box.
 */
static struct pstyle
S_pstyle(const struct lay *l, int tight)
{
	struct pstyle	 st;

	st.tight = tight;
	st.size = l->theme.body_size;
	st.leading = l->theme.body_leading;
	if (tight >= 2)
		st.leading = fmax(st.leading - 0.5, st.size * 1.25);
	st.box = st.size * (tight >= 3 ? 0.85 : 0.9);
	return st;
}

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

/* S_rest(v, 0) of the boxes of v once S_tighten(st) has spaced them. */
static double
S_rest_tight(const struct pstyle *st, const struct vlist *v)
{
	double	 h = 0, f = st->tight >= 3 ? 0.45 : 0.6;
	size_t	 j;

	if (st->tight == 0)
		return S_rest(v, 0);
	for (j = 0; j < v->n; j++)
		h += (j > 0 ? v->v[j].before * f : 0) + v->v[j].h;
	return h;
}

/*
 * A partner that printed the page of a partner not laid out yet: its
 * boxes, set with the expected page, wait on pages reserved for them
 * (lay_defer()).  Once every partner is laid out, "Travaille avec" is
 * set again with the real pages; when its lines are as tall as before
 * (the same line count: the numbers are as wide), it replaces the one
 * set with the expected pages, else the chunk is laid out again.
 */
struct S_pending {
	const struct partner *pp;
	struct pstyle	 st;
	struct vlist	 v;
	size_t		 ww;		/* first box of "Travaille avec" */
	size_t		 first;		/* first reserved page */
};

/* "Mis à jour le …" at the foot of page last, in the margin. */
static void
S_update_date(struct lay *l, const struct partner *pp, size_t last)
{
	struct src	 src;
	struct buf	 t;
	char		*date = date_fr(&pp->mise_a_jour);
	unsigned int	 tg;

	buf_init(&t);
	buf_printf(&t, "Mis à jour le %s", date);
	src.file = pp->path;
	src.pos = pp->mise_a_jour_pos;
	tg = lay_tag_open(l, "P");
	lay_page_text(l, last, lay_left(l, last), l->bottom - MM(7),
	    FACE_REGULAR, SZ_SMALL(l), RGB_MUTED, buf_cstr(&t),
	    &src)->margin = 1;
	lay_tag_close(l, tg);
	free(date);
	buf_free(&t);
}

static void
S_partner_finish(struct lay *l, void *arg)
{
	struct S_pending *pe = arg;
	struct vlist	 w = { 0 };
	struct lay_dep	*deps;
	size_t		 ndeps, i;
	int		 same;

	ndeps = lay_deps_save(l, &deps);
	S_works_with(l, &pe->st, pe->pp, &w,
	    colour_dark(pe->pp->category->rgb));
	S_tighten(&pe->st, &w, 0);
	same = w.n == pe->v.n - pe->ww;
	for (i = 0; same && i < w.n; i++) {
		const struct vbox *a = &w.v[i], *b = &pe->v.v[pe->ww + i];

		same = a->h == b->h && a->before == b->before &&
		    a->keep == b->keep && a->cont == NULL && b->cont == NULL &&
		    b->outline == 0;
	}
	if (same) {
		free(deps);
		for (i = 0; i < w.n; i++)
			w.v[i].newpage = pe->v.v[pe->ww + i].newpage;
		while (pe->v.n > pe->ww)
			vbox_free(vlist_pop(&pe->v));
		vlist_cat(&pe->v, &w);
	} else {
		/* Keep what was set: the chunk is stale, laid out again. */
		lay_deps_restore(l, deps, ndeps);
	}
	vlist_free(&w);
	S_update_date(l, pe->pp, lay_flow_fill(l, &pe->v, pe->first));
	vlist_free(&pe->v);
	free(pe);
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
void
bk_partner(struct lay *l, const struct partner *pp)
{
	struct vlist	 v = { 0 };
	char		*name;
	double		 avail = lay_avail(l), lead = l->theme.body_leading,
			 need, rest;
	size_t		 k = bk_category_index(l, pp->category), pg, sec[4],
			 sec2[4], nsec, nsec2, i, brk, best;
	int		 tight;
	struct pstyle	 st;

	name = model_display_name(pp);
	st = S_pstyle(l, 0);
	S_partner_boxes(l, &st, pp, &v, sec, &nsec);
	need = S_rest(&v, 0);
	for (tight = 1; tight <= TIGHT_MAX && need > avail + 0.01 &&
	    need <= avail + TIGHT_SLACK(l); tight++) {
		struct vlist	 w = { 0 };
		struct pstyle	 st2 = S_pstyle(l, tight);

		if (st2.size == st.size && st2.leading == st.leading &&
		    st2.box == st.box) {
			/*
			 * Only the spaces between boxes change: the boxes
			 * set untightened, measured as S_tighten() would
			 * space them (the same sums), spaced if they fit.
			 */
			if (S_rest_tight(&st2, &v) <= avail + 0.01) {
				S_tighten(&st2, &v, 0);
				st = st2;
				need = S_rest(&v, 0);
				break;
			}
			continue;
		}
		S_partner_boxes(l, &st2, pp, &w, sec2, &nsec2);
		if (S_rest(&w, 0) <= avail + 0.01) {
			vlist_free(&v);
			v = w;
			st = st2;
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
	if (lay_unsure(l) && pp->nliens > 0 && nsec > 0 &&
	    sec[nsec - 1] < v.n) {
		struct S_pending *pe = xcalloc(1, sizeof(*pe));

		pe->pp = pp;
		pe->st = st;
		pe->v = v;
		pe->ww = sec[nsec - 1];
		pg = pe->first = lay_flow_reserve(l, &pe->v,
		    pp->category->label, name, (int)k + 1);
		lay_defer(l, S_partner_finish, pe);
	} else {
		pg = lay_flow(l, &v, pp->category->label, name, (int)k + 1);
		/* The update date at the foot of its last page. */
		S_update_date(l, pp, l->doc->npages - 1);
		vlist_free(&v);
	}
	lay_ref_here(l, REF_PARTNER(l, bk_partner_index(l, pp)), pg);
	free(name);
}

