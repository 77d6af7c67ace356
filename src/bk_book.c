/*
 * bk_book.c — the booklet: layout_booklet() opens the theme and its
 * fonts, sets the grid, lays the sections out in reading order as
 * chunks of the engine (lay_run(): cover, édito, "Mode d'emploi",
 * contents, news, for each category its divider and its partners, the
 * two indexes, notes pages, back cover), then adds the page furniture
 * (running head, folio, thumb tabs), the page labels and the metadata.
 *
 * Every function that can fail returns 0/NULL; nothing prints.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"
#include "picto.h"
#include "typo.h"

/*
 * Running head and folio on the outer side, thumb tab on the outer
 * edge, for every page that wants them.
 */
static void
S_furniture(struct lay *l)
{
	struct pdf_doc	*d = l->doc;
	struct pdf_page	*p;
	struct pdf_item	*it;
	const struct category *c;
	char		 num[16];
	double		 base = d->page_h - MM(8.5), fw, tab_h, tab_w, gap,
			 tab_y, x;
	size_t		 i, k, n;
	unsigned int	 cp;
	int		 right;
	char		 letter[8];

	/* Page furniture: artifacts for a screen reader. */
	(void)lay_tag_artifact(l);
	tab_w = MM(7);
	gap = MM(2);
	tab_h = l->site->ncategories > 0 ? fmin(MM(24), (d->page_h * 0.55 -
	    gap * (double)l->site->ncategories) / (double)l->site->ncategories) : 0;
	for (i = 0; i < d->npages; i++) {
		p = &d->pages[i];
		right = i % 2 == 0;	/* outer side of a recto is the right */
		if (l->info[i].furniture && !p->blank) {
			snprintf(num, sizeof(num), "%d", p->folio);
			fw = lay_width(l, FACE_BOLD, 8, num, strlen(num));
			x = right ? d->page_w - l->outer - fw : l->outer;
			lay_page_text(l, i, x, base, FACE_BOLD, 8, RGB_TEXT, num,
			    NULL)->margin = 1;
			if (p->running_head != NULL) {
				/*
				 * One line: a long head ends with "…".  It
				 * keeps clear of the folio, however many
				 * digits (found at 100 000 partners: six
				 * digits ran into the head).
				 */
				double off = fmax(MM(8), fw + MM(1.5));
				char *rh = lay_ellipsis(l, FACE_REGULAR, 7.5,
				    p->running_head, l->tw - off);

				fw = lay_width(l, FACE_REGULAR, 7.5, rh,
				    strlen(rh));
				x = right ? d->page_w - l->outer - off - fw :
				    l->outer + off;
				lay_page_text(l, i, x, base, FACE_REGULAR, 7.5,
				    RGB_MUTED, rh, NULL)->margin = 1;
				free(rh);
			}
		}
		if (l->info[i].thumb == 0 || p->blank)
			continue;
		k = (size_t)l->info[i].thumb - 1;
		c = &l->site->categories[k];
		tab_y = d->page_h - MM(30) - (double)(k + 1) * tab_h -
		    (double)k * gap;
		it = pdf_page_add(p);
		it->type = ITEM_RECT;
		it->fill = 1;
		it->rgb = colour_dark(c->rgb);
		it->y = tab_y;
		it->h = tab_h;
		it->w = tab_w + BLEED_MAX;
		it->x = right ? d->page_w - tab_w : -BLEED_MAX;
		/* The initial of the category, white, centred in the visible tab. */
		n = utf8_decode(c->label, strlen(c->label), &cp); /* 0: none */
		memcpy(letter, c->label, n);
		letter[n] = '\0';
		fw = lay_width(l, FACE_BOLD, 9, letter, strlen(letter));
		x = right ? d->page_w - tab_w + (tab_w - MM(1.5) - fw) / 2 :
		    MM(1.5) + (tab_w - MM(1.5) - fw) / 2;
		lay_page_text(l, i, x, tab_y + tab_h / 2 - 3.2, FACE_BOLD, 9,
		    RGB_WHITE, letter, NULL)->margin = 1;
	}
}

/* Midnight UTC of the latest update of a page: the content's own date. */
static long long
S_content_epoch(const struct site *s)
{
	const struct date *best = NULL;
	long long	 y, m, d, era, yoe, doy, doe;
	size_t		 i;

	for (i = 0; i < s->npartners; i++) {
		const struct date *x = &s->partners[i].mise_a_jour;

		if (best == NULL || x->y > best->y || (x->y == best->y &&
		    (x->m > best->m || (x->m == best->m && x->d > best->d))))
			best = x;
	}
	if (best == NULL || best->y < 1970) {
		if (s->edition < 1970)
			return 0;
		y = s->edition, m = 1, d = 1;
	} else
		y = best->y, m = best->m, d = best->d;
	/* Days from civil (H. Hinnant). */
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468) * 86400;
}

static void
S_metadata(struct lay *l)
{
	const struct site *s = l->site;
	struct pdf_doc	*d = l->doc;
	struct buf	 b;
	size_t		 i;

	d->title = xasprintf("%s %d", s->titre.s, s->edition);
	d->author = xstrdup(s->editeur.nom.s);
	d->subject = xstrdup(s->sous_titre.s != NULL ? s->sous_titre.s :
	    "Annuaire des partenaires");
	buf_init(&b);
	for (i = 0; i < s->ncategories; i++)
		buf_printf(&b, "%s%s", b.len ? ", " : "", s->categories[i].label);
	for (i = 0; i < s->nthematiques; i++)
		buf_printf(&b, "%s%s", b.len ? ", " : "",
		    s->thematiques[i].label);
	d->keywords = buf_detach(&b);
	buf_free(&b);
	d->lang = xstrdup("fr-FR");
	d->date = build_epoch(S_content_epoch(s));
}

/*
 * Page labels matching the printed folios: the folio is the page's
 * place in the booklet, so one decimal range covers every page; the
 * covers, which print none, are named.
 */
static void
S_labels(struct pdf_doc *d)
{
	size_t	 n = 0;

	d->labels = xcalloc(3, sizeof(*d->labels));
	d->labels[n].start = 0;
	d->labels[n].style = 0;
	d->labels[n++].prefix = xstrdup("Couverture");
	if (d->npages > 2) {
		d->labels[n].start = 1;
		d->labels[n].style = 1;
		d->labels[n++].first = 2;
	}
	if (d->npages > 1) {
		d->labels[n].start = d->npages - 1;
		d->labels[n].style = 0;
		d->labels[n++].prefix = xstrdup("Dos");
	}
	d->nlabels = n;
}

/* ---- the sections, as chunks ---------------------------------------- */

/* The sections as chunks of lay_run(): arg is a category or partner index. */
static void
S_ch_cover(struct lay *l, size_t arg)
{
	(void)arg;
	bk_cover(l);
}

static void
S_ch_edito(struct lay *l, size_t arg)
{
	(void)arg;
	bk_edito(l);
}

static void
S_ch_no_partner(struct lay *l, size_t arg)
{
	(void)arg;
	bk_no_partner(l);
}

static void
S_ch_guide(struct lay *l, size_t arg)
{
	(void)arg;
	bk_guide(l);
}

static void
S_ch_network(struct lay *l, size_t arg)
{
	(void)arg;
	bk_network(l);
}

static void
S_ch_contents(struct lay *l, size_t arg)
{
	(void)arg;
	bk_contents(l);
}

static void
S_ch_news(struct lay *l, size_t arg)
{
	(void)arg;
	bk_news(l);
}

static void
S_ch_divider(struct lay *l, size_t arg)
{
	bk_divider(l, &l->site->categories[arg]);
}

static void
S_ch_partner(struct lay *l, size_t arg)
{
	unsigned int	 t = lay_tag_open(l, "Sect");

	bk_partner(l, &l->site->partners[arg]);
	lay_tag_close(l, t);
}

static void
S_ch_thematic(struct lay *l, size_t arg)
{
	(void)arg;
	bk_thematic_index(l);
}

static void
S_ch_alpha(struct lay *l, size_t arg)
{
	(void)arg;
	bk_alpha(l);
}

/* Blank pages so that the back cover ends a multiple of four. */
static void
S_ch_notes(struct lay *l, size_t arg)
{
	(void)arg;
	bk_notes(l);
}

static void
S_ch_back(struct lay *l, size_t arg)
{
	(void)arg;
	bk_back(l);
}

/*
 * Add a chunk; its items go in structure element tag, or, when 0, in a
 * new Sect of the document (l->tag): one per part of the booklet.
 * Returns the chunk's element.
 */
static unsigned int
S_add(struct lay *l, struct lay_chunk **v, size_t *n, lay_chunk_fn *fn,
    size_t arg, unsigned int tag)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	memset(&(*v)[*n], 0, sizeof(**v));
	(*v)[*n].fn = fn;
	(*v)[*n].tag = tag != 0 ? tag : pdf_node_add(l->doc, "Sect", l->tag);
	(*v)[*n].arg = arg;
	return (*v)[(*n)++].tag;
}

static int
S_sections(struct lay *l)
{
	const struct site *s = l->site;
	struct lay_chunk *v = NULL;
	size_t		 i, j, n = 0, *guess;
	unsigned int	 sect;
	int		 ok;

	(void)S_add(l, &v, &n, S_ch_cover, 0, 0);
	(void)S_add(l, &v, &n, S_ch_edito, 0, 0);
	if (s->npartners == 0) {
		/* A short booklet: cover, édito, this page, back cover. */
		(void)S_add(l, &v, &n, S_ch_no_partner, 0, 0);
	} else {
		(void)S_add(l, &v, &n, S_ch_guide, 0, 0);
		(void)S_add(l, &v, &n, S_ch_network, 0, 0);
		(void)S_add(l, &v, &n, S_ch_contents, 0, 0);
		(void)S_add(l, &v, &n, S_ch_news, 0, 0);
		for (i = 0; i < s->ncategories; i++) {
			/*
			 * A divider takes the next page, either side: the
			 * thumb tab finds it, and a blank page inside a
			 * booklet looks unfinished.  An empty category has
			 * none (the loader warns of it).
			 */
			if (s->categories[i].npartners == 0)
				continue;
			/* One Sect: the divider and the partners. */
			sect = S_add(l, &v, &n, S_ch_divider, i, 0);
			for (j = 0; j < s->npartners; j++)
				if (s->partners[j].category == &s->categories[i])
					(void)S_add(l, &v, &n, S_ch_partner, j,
					    sect);
		}
		(void)S_add(l, &v, &n, S_ch_thematic, 0, 0);
		(void)S_add(l, &v, &n, S_ch_alpha, 0, 0);
	}
	(void)S_add(l, &v, &n, S_ch_notes, 0, 0);
	(void)S_add(l, &v, &n, S_ch_back, 0, 0);
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

struct pdf_doc *
layout_booklet(const struct site *s, const struct booklet_opts *o,
    struct diags *diags)
{
	struct lay	 l;
	struct pdf_doc	*doc = NULL;
	size_t		 errors = diags->errors, i;
	int		 f;

	memset(&l, 0, sizeof(l));
	l.site = s;
	l.opts = o;
	l.diags = diags;
	if (!theme_load(&l.theme, o, diags))
		goto out;
	if (o->fonts != NULL) {
		l.fonts = o->fonts;	/* opened once per build */
		fonts_replay(l.fonts, diags);
	} else if ((l.fonts = fonts_open(&l.theme, diags)) == NULL)
		goto out;
	if (l.theme.hyphenate && (l.hyph = typo_hyph_open(l.theme.hyph_dict)) == NULL)
		diag_warn(diags, l.theme.path, 0, 0, "cannot read the hyphenation "
		    "dictionary %s: the booklet is set without hyphenation",
		    l.theme.hyph_dict);
	l.picto = picto_open(l.theme.icon_font, PICTO_CSS_PATH);
	if (l.picto == NULL)
		l.picto = picto_open(l.theme.icon_font, NULL);

	/* The grid (DESIGN.md), scaled for A4. */
	f = l.theme.page_w > 500;
	l.inner = MM(f ? 20 : 15);
	l.outer = MM(f ? 16 : 12);
	l.top = MM(f ? 18 : 14);
	l.bottom = MM(f ? 22 : 18);
	l.tw = l.theme.page_w - l.inner - l.outer;
	l.text_h = l.theme.page_h - l.top - l.bottom;

	doc = xcalloc(1, sizeof(*doc));
	doc->page_w = l.theme.page_w;
	doc->page_h = l.theme.page_h;
	doc->bleed = (l.opts->bleed || l.theme.bleed) ? BLEED_MAX : 0;
	l.doc = doc;
	l.tag = pdf_node_add(doc, "Document", 0);
	/* The sections, laid out once (their page numbers settled). */
	if (!S_sections(&l))
		diag_warn(diags, NULL, 0, 0, "the booklet's page "
		    "numbers did not settle after %d passes",
		    LAY_MAX_ROUNDS);
	S_furniture(&l);
	/* The pages are set: give back the room their items do not use. */
	pdf_pages_trim(doc->pages, doc->npages);
	S_labels(doc);
	S_metadata(&l);
	for (i = 0; i < FACE__COUNT; i++)
		doc->font_path[i] = xstrdup(fonts_path(l.fonts, (enum pdf_face)i));
	for (i = 0; i < 4; i++)
		if (fonts_fallback_path(l.fonts, (enum pdf_face)i) != NULL)
			doc->fallback_path[i] = xstrdup(fonts_fallback_path(
			    l.fonts, (enum pdf_face)i));
	/* A breach of the geometry is an error: nothing is emitted. */
	(void)lay_verify(doc, l.inner, l.outer, l.top, l.bottom, diags);
out:
	free(l.info);
	picto_close(l.picto);
	if (l.hyph != NULL)
		typo_hyph_close(l.hyph);
	if (l.fonts != o->fonts)
		fonts_close(l.fonts);
	theme_free(&l.theme);
	if (diags->errors > errors) {
		layout_free(doc);
		return NULL;
	}
	return doc;
}

