/*
 * bk_index.c — the booklet's two indexes: "Je cherche de l'aide
 * pour…" (partners by need, under each need's pictogram) and the
 * alphabetical index (names and sigles, with cross-references).  A
 * group broken across pages repeats its heading with "(suite)".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"
#include "typo.h"

/* ---- indexes --------------------------------------------------------------- */

/* The heading of a need in the index: pictogram, label, "(suite)". */
static void
S_thematic_head(struct lay *l, struct vlist *v,
    const struct thematique *thema, double before, int suite)
{
	const struct site *s = l->site;
	struct vbox	*b;
	struct src	 src;
	unsigned int	 h = colour_dark(l->theme.lead_rgb);
	char		 ic[8], *t;
	double		 iw = 0;
	unsigned int	 th, tf;

	b = vlist_add(v, SZ_H2(l) * 1.5, before);
	b->keep = 1;
	th = lay_tag_open(l, "H2");
	bk_picto(l, thema, ic);
	if (ic[0] != '\0') {
		tf = lay_tag_open(l, "Figure");
		lay_tag_alt(l, thema->label);
		lay_text(l, b, 0, -(b->h / 2 + SZ_H2(l) * 0.33), FACE_ICON,
		    SZ_H2(l), h, ic, strlen(ic), NULL);
		lay_tag_close(l, tf);
		iw = SZ_H2(l) * 1.6;
	}
	src.file = s->path;
	src.pos = thema->pos;
	t = xasprintf("%s%s", thema->label, suite ? " (suite)" : "");
	if (lay_width(l, FACE_BOLD, SZ_H2(l), t, strlen(t)) <= l->tw - iw)
		lay_text(l, b, iw, -(b->h / 2 + SZ_H2(l) * 0.3), FACE_BOLD,
		    SZ_H2(l), h, t, strlen(t), &src);
	else {
		/* A long label wraps, the lines in the one heading box. */
		struct para	 p;
		struct vlist	 lines = { 0 };
		size_t		 i, j;
		double		 y = -(b->h - SZ_H2(l) * 1.3) / 2;

		para_init(&p, SZ_H2(l), SZ_H2(l) * 1.3, l->tw - iw);
		p.indent = iw;
		p.align = ALIGN_LEFT;
		p.nohyph = 1;
		para_add(&p, t, FACE_BOLD, h, SPAN_NOHYPH, &src);
		para_set(l, &p, &lines);
		para_free(&p);
		for (i = 0; i < lines.n; i++) {
			for (j = 0; j < lines.v[i].nitems; j++) {
				struct pdf_item *it = vbox_add(b);

				*it = lines.v[i].items[j];
				it->y += y;
			}
			lines.v[i].nitems = 0;	/* the strings moved */
			y -= lines.v[i].h;
		}
		b->h = -y + (b->h - SZ_H2(l) * 1.3) / 2;
		vlist_free(&lines);
	}
	lay_tag_close(l, th);
	free(t);
}

void
bk_thematic_index(struct lay *l)
{
	const struct site *s = l->site;
	struct vlist	 v = { 0 };
	struct vbox	*b;
	struct vlist	 tmp = { 0 };
	struct vbox	*cont;
	struct partner	**byname;
	unsigned int	 h = colour_dark(l->theme.lead_rgb), toc;
	size_t		 i, j, n, pg, cnt, k;
	char		*name;

	bk_title(l, &v, "Je cherche de l'aide pour…", h, 1);
	toc = lay_tag_open(l, "TOC");
	byname = model_sorted_by_name(s);
	for (i = 0; i < s->nthematiques; i++) {
		const struct thematique *thema = &s->thematiques[i];

		for (j = cnt = 0; j < s->npartners; j++)
			cnt += model_has_thematique(byname[j], thema);
		if (cnt == 0)
			continue;
		S_thematic_head(l, &v, thema,
		    i > 0 ? l->theme.body_leading * 0.7 : 0, 0);
		S_thematic_head(l, &tmp, thema, 0, 1);
		cont = vlist_pop(&tmp);
		for (j = n = 0; j < s->npartners; j++) {
			const struct partner *p = byname[j];
			struct src src = bk_psrc(p, PF_NOM);

			if (!model_has_thematique(p, thema))
				continue;
			name = model_display_name(p);
			k = v.n;
			b = bk_leader(l, &v, name, NULL, FACE_REGULAR,
			    l->theme.body_size * 0.95, RGB_TEXT,
			    lay_ref(l, REF_PARTNER(l, bk_partner_index(l, p))),
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
	lay_tag_close(l, toc);
	pg = lay_flow(l, &v, "Je cherche de l'aide pour…",
	    "Je cherche de l'aide pour…", 0);
	lay_ref_here(l, REF_SEC(l, SEC_THEMATIC_INDEX), pg);
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

void
bk_alpha(struct lay *l)
{
	const struct site *s = l->site;
	struct vlist	 v = { 0 };
	struct vbox	*b;
	struct entry	*e;
	unsigned int	 h = colour_dark(l->theme.lead_rgb), toc;
	struct vlist	 tmp = { 0 };
	struct vbox	*cont = NULL;
	size_t		 i, j, k = 0, n = 0, pg;
	char		*fold, *t, letter[2] = { 0, 0 }, prev = 0;

	bk_title(l, &v, "Index alphabétique", h, 1);
	toc = lay_tag_open(l, "TOC");
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
		struct src src = bk_psrc(e[i].p, PF_NOM);

		fold = str_fold(e[i].key);
		letter[0] = (fold[0] >= 'a' && fold[0] <= 'z') ?
		    (char)(fold[0] - 'a' + 'A') : '#';
		free(fold);
		if (letter[0] != prev) {
			unsigned int tg = lay_tag_open(l, "H2");

			b = para_line(l, &v, letter, FACE_BOLD, SZ_H2(l),
			    SZ_H2(l) * 1.4, h, prev ? l->theme.body_leading * 0.6 : 0,
			    NULL);
			lay_tag_close(l, tg);
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
		bk_leader(l, &v, e[i].text, e[i].see, FACE_REGULAR,
		    l->theme.body_size * 0.95, RGB_TEXT,
		    lay_ref(l, REF_PARTNER(l, bk_partner_index(l, e[i].p))), 0, 0,
		    &src);
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
	lay_tag_close(l, toc);
	pg = lay_flow(l, &v, "Index alphabétique", "Index alphabétique", 0);
	lay_ref_here(l, REF_SEC(l, SEC_ALPHA), pg);
	vlist_free(&v);
}

