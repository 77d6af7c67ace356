/*
 * bk_front.c — the booklet's front matter: édito, "Mode d'emploi" (how
 * to find a partner: by need, by category, by name), the contents, and
 * the page of an edition without partners.
 *
 * Page numbers printed here come from lay_ref(), the pages things land
 * on go to lay_ref_here(): lay_run() lays each section out once, and
 * again only the ones that printed a wrong number.  All user-facing
 * words are French.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"
#include "network.h"
#include "news.h"

/* ---- front matter --------------------------------------------------------- */

void
bk_edito(struct lay *l)
{
	const struct site *s = l->site;
	struct vlist	 v = { 0 };
	struct para	 p;
	size_t		 pg;

	if (s->edito.s == NULL)
		return;
	bk_title(l, &v, "Édito", colour_dark(l->theme.lead_rgb), 1);
	md_set(l, s->edito.s, s->path, s->edito.pos.line + 1,
	    s->edito.pos.col + 2, colour_dark(l->theme.lead_rgb),
	    l->theme.body_leading, &v);
	if (s->edito_signature.s != NULL) {
		struct src src = bk_tsrc(s->path, &s->edito_signature);

		para_init(&p, l->theme.body_size, l->theme.body_leading, l->tw);
		p.before = l->theme.body_leading;
		p.align = ALIGN_RIGHT;
		p.nohyph = 1;
		unsigned int	 t;

		para_add(&p, s->edito_signature.s, FACE_ITALIC, RGB_TEXT, 0, &src);
		t = lay_tag_open(l, "P");
		para_set(l, &p, &v);
		lay_tag_close(l, t);
		para_free(&p);
	}
	pg = lay_flow(l, &v, "Édito", "Édito", 0);
	lay_ref_here(l, REF_SEC(l, SEC_EDITO), pg);
	vlist_free(&v);
}

void
bk_guide(struct lay *l)
{
	const struct site *s = l->site;
	struct vlist	 v = { 0 };
	struct vbox	*b;
	struct buf	 t;
	char		 num[24], num2[24];
	size_t		 i, n, pg, first;
	double		 chip = MM(4);
	unsigned int	 h = colour_dark(l->theme.lead_rgb);

	bk_title(l, &v, "Mode d'emploi", h, 1);
	bk_body_text(l, &v, "Ce livret présente les partenaires de la Maison de "
	    "Quartier : ce que chacun fait, pour qui, et comment le joindre. "
	    "Il se consulte de trois façons.", FACE_REGULAR, RGB_TEXT, 0, NULL);

	bk_heading(l, &v, "Par besoin", h, l->theme.body_leading);
	buf_init(&t);
	bk_pageno(lay_ref(l, REF_SEC(l, SEC_THEMATIC_INDEX)), num, sizeof(num));
	buf_printf(&t, "L'index « Je cherche de l'aide pour… », page %s, "
	    "regroupe les partenaires par besoin : ", num);
	/* The first four needs, lowercased: they run in the sentence. */
	for (i = n = 0; i < s->nthematiques && n < 4; i++) {
		if (s->thematiques[i].npartners == 0)
			continue;	/* not in the index */
		if (n++)
			buf_puts(&t, ", ");
		bk_lcfirst(&t, s->thematiques[i].label);
	}
	for (; i < s->nthematiques && s->thematiques[i].npartners == 0; i++)
		;
	buf_puts(&t, i < s->nthematiques ? "…" : ".");
	bk_body_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
	buf_reset(&t);

	bk_heading(l, &v, "Par catégorie", h, l->theme.body_leading);
	for (i = n = 0; i < s->ncategories; i++)
		n += s->categories[i].npartners > 0;
	buf_printf(&t, "Les fiches sont classées en %zu catégorie%s. Un onglet "
	    "de couleur, au bord de chaque page, permet d'ouvrir le livret "
	    "directement à la bonne catégorie :", n, n > 1 ? "s" : "");
	bk_body_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
	buf_reset(&t);
	for (i = first = 0; i < s->ncategories; i++) {
		const struct category *c = &s->categories[i];

		if (c->npartners == 0)
			continue;

		b = bk_leader(l, &v, c->label, NULL, FACE_BOLD,
		    l->theme.body_size, colour_dark(c->rgb), lay_ref(l, REF_CATEGORY(l, i)),
		    chip + MM(3), first++ == 0 ? l->theme.body_leading * 0.4 : 2,
		    NULL);
		if (b != NULL)
			lay_rect(b, 0, -b->h + (b->h - chip) / 2, chip, chip,
			    colour_dark(c->rgb));
	}

	bk_heading(l, &v, "Par nom", h, l->theme.body_leading);
	bk_pageno(lay_ref(l, REF_SEC(l, SEC_ALPHA)), num, sizeof(num));
	bk_pageno(lay_ref(l, REF_SEC(l, SEC_CONTENTS)), num2, sizeof(num2));
	buf_printf(&t, "L'index alphabétique, page %s, donne chaque partenaire "
	    "par son nom et par son sigle. Le sommaire, page %s, suit l'ordre "
	    "du livret.", num, num2);
	bk_body_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
	buf_reset(&t);

	if (l->opts->news != NULL && news_any(l->opts->news)) {
		bk_heading(l, &v, "Ce qui a changé", h, l->theme.body_leading);
		bk_pageno(lay_ref(l, REF_SEC(l, SEC_NEWS)), num, sizeof(num));
		buf_printf(&t, "Les nouveautés de l'édition, page %s, disent ce "
		    "qui a changé depuis l'édition %d : nouveaux partenaires, "
		    "nouveaux noms, nouvelles coordonnées, horaires et actions, "
		    "départs.", num, l->opts->news->edition);
		bk_body_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0,
		    NULL);
		buf_reset(&t);
	}

	bk_heading(l, &v, "Sur chaque fiche", h, l->theme.body_leading);
	bk_body_text(l, &v,
	    "Le cadre de couleur réunit l'adresse, le téléphone, les "
	    "horaires et les conditions d'accès : sans rendez-vous, sur "
	    "rendez-vous ou sur orientation d'un travailleur social. Son code "
	    "QR ouvre le site du partenaire sur un téléphone. Au bas de la "
	    "fiche, « Travaille avec » renvoie aux partenaires proches.",
	    FACE_REGULAR, RGB_TEXT, 0, NULL);
	if (s->url.s != NULL) {
		char	*u = model_url_label(s->url.s);

		bk_heading(l, &v, "En ligne", h, l->theme.body_leading);
		buf_printf(&t, "Toutes les fiches, mises à jour et lisibles avec "
		    "un lecteur d'écran : %s", u);
		bk_body_text(l, &v, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0,
		    NULL);
		free(u);
	}
	buf_free(&t);
	pg = lay_flow(l, &v, "Mode d'emploi", "Mode d'emploi", 0);
	lay_ref_here(l, REF_SEC(l, SEC_GUIDE), pg);
	vlist_free(&v);
}

void
bk_contents(struct lay *l)
{
	const struct site *s = l->site;
	struct vlist	 v = { 0 };
	struct vbox	*b;
	size_t		 i, j, pg, n;
	unsigned int	 h = colour_dark(l->theme.lead_rgb);
	char		*name;
	unsigned int	 toc;

	bk_title(l, &v, "Sommaire", h, 1);
	toc = lay_tag_open(l, "TOC");
	if (s->edito.s != NULL)
		bk_leader(l, &v, "Édito", NULL, FACE_REGULAR,
		    l->theme.body_size, RGB_TEXT, lay_ref(l, REF_SEC(l, SEC_EDITO)), 0, 0,
		    NULL);
	bk_leader(l, &v, "Mode d'emploi", NULL, FACE_REGULAR,
	    l->theme.body_size, RGB_TEXT, lay_ref(l, REF_SEC(l, SEC_GUIDE)), 0, 0,
	    NULL);
	if (network_any(s))
		bk_leader(l, &v, "Le r\xc3\xa9seau des partenaires", NULL,
		    FACE_REGULAR, l->theme.body_size, RGB_TEXT,
		    lay_ref(l, REF_SEC(l, SEC_NETWORK)), 0, 0, NULL);
	if (l->opts->news != NULL && news_any(l->opts->news))
		bk_leader(l, &v, "Nouveautés de l'édition", NULL, FACE_REGULAR,
		    l->theme.body_size, RGB_TEXT, lay_ref(l, REF_SEC(l,
		    SEC_NEWS)), 0, 0, NULL);
	for (i = 0; i < s->ncategories; i++) {
		const struct category *c = &s->categories[i];
		struct vlist	 tmp = { 0 };
		struct vbox	*cont;

		if (c->npartners == 0)
			continue;	/* no divider, no line */
		b = bk_leader(l, &v, c->label, NULL, FACE_BOLD,
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
			struct src src = bk_psrc(p, PF_NOM);
			size_t	 k = v.n;

			if (p->category != c)
				continue;
			name = model_display_name(p);
			b = bk_leader(l, &v, name, NULL, FACE_REGULAR,
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
	b = bk_leader(l, &v, "Je cherche de l'aide pour…", NULL, FACE_BOLD,
	    l->theme.body_size + 1, h, lay_ref(l, REF_SEC(l, SEC_THEMATIC_INDEX)), 0,
	    l->theme.body_leading * 0.6, NULL);
	if (b != NULL)
		b->keep = 1;	/* the last two lines go together */
	bk_leader(l, &v, "Index alphabétique", NULL, FACE_BOLD,
	    l->theme.body_size + 1, h, lay_ref(l, REF_SEC(l, SEC_ALPHA)), 0, 2, NULL);
	lay_tag_close(l, toc);
	pg = lay_flow(l, &v, "Sommaire", "Sommaire", 0);
	lay_ref_here(l, REF_SEC(l, SEC_CONTENTS), pg);
	vlist_free(&v);
}

/*
 * An edition without any partner yet: in place of the guide, the
 * contents, the categories and the indexes (which would all be empty),
 * one page that says so.
 */
void
bk_no_partner(struct lay *l)
{
	struct vlist	 v = { 0 };

	bk_title(l, &v, "Partenaires", colour_dark(l->theme.lead_rgb), 1);
	bk_body_text(l, &v,
	    "Cette édition ne compte encore aucun partenaire. Les "
	    "fiches paraîtront ici dès qu'elles auront été rédigées.",
	    FACE_REGULAR, RGB_TEXT, 0, NULL);
	lay_flow(l, &v, "Partenaires", "Partenaires", 0);
	vlist_free(&v);
}
