/*
 * bk_cover.c — the booklet's cover, its back cover (publisher, "report
 * an error", the site and its QR code) and the ruled notes pages that
 * make the page count a multiple of four.  All words are French.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"
#include "pdf_qr.h"
#include "typo.h"

/*
 * The title (large, bold) and the subtitle of the cover into v, at most
 * maxh tall so that they stay above the edition's line: a title too
 * long for it is set smaller (found by fuzz_layout: a title of one long
 * word pushed the subtitle over "Édition N"), and at the smallest size
 * both are cut to one line with "…".
 */
static void
S_cover_titles(struct lay *l, struct vlist *v, double maxh)
{
	static const double scale[] = { 1.5, 1.25, 1, 0.8 };
	const size_t	 n = sizeof(scale) / sizeof(scale[0]);
	const struct site *s = l->site;
	struct para	 p;
	struct src	 src;
	char		*title, *sub;
	double		 size;
	size_t		 k;

	for (k = 0; k <= n; k++) {
		size = SZ_TITLE(l) * scale[k < n ? k : n - 1];
		if (k < n) {
			title = xstrdup(s->titre.s);
			sub = s->sous_titre.s ? xstrdup(s->sous_titre.s) : NULL;
		} else {
			/* The last resort: one line each. */
			title = lay_ellipsis(l, FACE_BOLD, size, s->titre.s,
			    l->tw);
			sub = s->sous_titre.s ? lay_ellipsis(l, FACE_REGULAR,
			    13, s->sous_titre.s, l->tw * 0.85) : NULL;
		}
		para_init(&p, size, size * 1.6 / 1.5, l->tw);
		p.align = ALIGN_LEFT;
		p.nohyph = 1;
		src = bk_tsrc(s->path, &s->titre);
		para_add(&p, title, FACE_BOLD, RGB_WHITE, SPAN_NOHYPH, &src);
		para_set(l, &p, v);
		para_free(&p);
		if (sub != NULL) {
			src = bk_tsrc(s->path, &s->sous_titre);
			para_init(&p, 13, 17, l->tw * 0.85);
			p.align = ALIGN_LEFT;
			p.before = 8;
			para_add(&p, sub, FACE_REGULAR, RGB_WHITE, 0, &src);
			para_set(l, &p, v);
			para_free(&p);
		}
		free(title);
		free(sub);
		if (k == n || bk_vheight(v) <= maxh)
			break;
		vlist_free(v);
	}
}

void
bk_cover(struct lay *l)
{
	const struct site *s = l->site;
	struct pdf_doc	*d = l->doc;
	struct vlist	 v = { 0 };
	struct para	 p;
	char		*t;
	size_t		 pg;
	double		 band = d->page_h * 0.46, y;
	unsigned int	 tg;

	pg = lay_newpage(l, NULL, 0, 0);
	/* White text on it: 4.5:1. */
	bk_band(l, pg, band, d->page_h - band + BLEED_MAX,
	    colour_dark(l->theme.lead_rgb));

	/* In the band: title, subtitle, set from the top margin. */
	tg = lay_tag_open(l, "H1");
	S_cover_titles(l, &v, d->page_h - MM(40) - (band + MM(9) + 20 * 1.1 +
	    MM(3)));
	lay_tag_close(l, tg);
	lay_put(l, &v, pg, d->page_h - MM(40));
	vlist_free(&v);

	/* The edition, large, at the foot of the band. */
	t = xasprintf("Édition %d", s->edition);
	tg = lay_tag_open(l, "P");
	lay_page_text(l, pg, lay_left(l, pg), band + MM(9), FACE_BOLD, 20,
	    RGB_WHITE, t, NULL);
	lay_tag_close(l, tg);
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
	tg = lay_tag_open(l, "P");
	para_set(l, &p, &v);
	lay_tag_close(l, tg);
	para_free(&p);
	free(t);
	lay_put(l, &v, pg, band - MM(12));
	vlist_free(&v);

	/* The publisher at the foot. */
	y = l->bottom + 14;
	tg = lay_tag_open(l, "P");
	{
		struct src src = bk_tsrc(s->path, &s->editeur.nom);

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
	lay_tag_close(l, tg);
}

/* A labelled block of the back cover. */
static void
S_back_block(struct lay *l, struct vlist *v, const char *head,
    const char *const *lines, size_t n, const char *const *uris)
{
	struct para	 p;
	size_t		 i;
	struct span	*s;
	unsigned int	 t;

	bk_heading(l, v, head, colour_dark(l->theme.lead_rgb), l->theme.body_leading);
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
	t = lay_tag_open(l, "P");
	para_set(l, &p, v);
	lay_tag_close(l, t);
	para_free(&p);
}

void
bk_back(struct lay *l)
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
	unsigned int	 tg;

	pg = lay_newpage(l, NULL, 0, 0);
	lay_ref_here(l, REF_SEC(l, SEC_BACK), pg);

	tg = lay_tag_open(l, "H1");
	para_line(l, &v, s->titre.s, FACE_BOLD, SZ_TITLE(l), SZ_TITLE(l) * 1.25,
	    colour_dark(l->theme.lead_rgb), 0, NULL);
	lay_tag_close(l, tg);
	t = xasprintf("Édition %d", s->edition);
	tg = lay_tag_open(l, "P");
	para_line(l, &v, t, FACE_REGULAR, 11, 15, RGB_MUTED, 0, NULL);
	lay_tag_close(l, tg);
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
		bk_heading(l, &v, "Version accessible", colour_dark(l->theme.lead_rgb),
		    l->theme.body_leading);
		url = model_url_label(s->url.s);
		t = xasprintf("Le site reprend toutes les fiches, à jour, "
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
		{
			unsigned int	 tl, tf;
			size_t		 k = b->nitems;
			char		*alt = xasprintf("Code QR : site %s",
					    s->url.s);

			tl = lay_tag_open(l, "Link");
			tf = lay_tag_open(l, "Figure");
			lay_tag_alt(l, alt);
			qr_draw(b, s->url.s, 0, 0, qr);
			for (; k < b->nitems; k++)
				lay_tag_item(l, &b->items[k]);
			lay_tag_close(l, tf);
			it = lay_tag_item(l, vbox_add(b));
			lay_tag_close(l, tl);
			free(alt);
		}
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
	bk_band(l, pg, -BLEED_MAX, MM(16) + BLEED_MAX,
	    colour_dark(l->theme.lead_rgb));
	if (e->nom.s != NULL) {
		char	*one;

		t = xasprintf("%s — %s %d", e->nom.s, s->titre.s, s->edition);
		one = lay_ellipsis(l, FACE_REGULAR, 8, t, l->tw);
		tg = lay_tag_open(l, "P");
		lay_page_text(l, pg, lay_left(l, pg), MM(6.5), FACE_REGULAR, 8,
		    RGB_WHITE, one, NULL)->margin = 1;
		lay_tag_close(l, tg);
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

/*
 * A page for notes, ruled: the pages that make the count a multiple
 * of four are more useful on a social worker's desk than left blank.
 */
static void
S_note_page(struct lay *l)
{
	size_t		 pg = lay_newpage(l, "Notes", 0, 1);
	struct pdf_item	*it;
	double		 y, x0 = lay_left(l, pg), step = l->theme.body_leading * 2;

	unsigned int	 tg = lay_tag_open(l, "H1");

	lay_page_text(l, pg, x0, lay_top(l) - SZ_TITLE(l), FACE_BOLD,
	    SZ_TITLE(l), colour_dark(l->theme.lead_rgb), "Notes", NULL);
	lay_tag_close(l, tg);
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
bk_notes(struct lay *l)
{
	while ((l->doc->npages + 1) % 4 != 0)
		S_note_page(l);
}
