/*
 * bk_network.c — the booklet's page "Le réseau des partenaires", after
 * the "Mode d'emploi": the partners' network (network.h, laid out by
 * Graphviz) drawn as vectors in the display list — lines for the
 * links, a box, a marker and a label for each partner, in the
 * booklet's fonts — with a legend of the categories and the partners
 * without any link named below.  Every label lies inside the text
 * block and no two overlap (the boxes are laid out gap points apart,
 * and the drawing is only ever scaled as far as that allows):
 * lay_verify() checks it like any page.
 *
 * Large editions: one page holds the whole network while it has at
 * most NET_PAGE_MAX partners with links and fits at the labels' size.
 * Otherwise one page per category, its partners with links and the
 * partners of other categories they are linked with; a category whose
 * network does not fit either is named with what is left out.  The
 * items are ordinary display-list items (lines, rectangles, text,
 * links to the partners' pages).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bk.h"
#include "network.h"

/* Above this many partners with links, a page per category. */
#define	NET_PAGE_MAX	60
#define	NET_LABEL_MAX	20	/* characters of a label, then "…" */

/* The sizes of the drawing, from the theme's body size. */
struct net_geom {
	double	 size;		/* label size (bold) */
	double	 pad;		/* inside a box, either side */
	double	 mark;		/* the marker */
	double	 box_h;
	double	 gap;		/* between two boxes, at least */
};

static void
S_geom(const struct lay *l, struct net_geom *g)
{
	g->size = l->theme.body_size * 0.74;
	g->pad = g->size * 0.4;
	g->mark = g->size * 0.7;
	g->box_h = g->size * 1.9;
	g->gap = g->size * 0.9;
}

/* A partner's label: sigle, or name (shortened with "…"); allocated. */
static char *
S_label(struct lay *l, const struct net_geom *g, const struct partner *p)
{
	const char *s = p->sigle.s != NULL ? p->sigle.s :
	    p->nom.s != NULL ? p->nom.s : p->slug;

	return lay_ellipsis(l, FACE_BOLD, g->size, s, g->size * NET_LABEL_MAX *
	    0.55);
}

static struct pdf_item *
S_bk_network_line(struct lay *l, size_t pg, double x, double y, double x2, double y2,
    double w, unsigned int rgb)
{
	struct pdf_item	*it = pdf_page_add(&l->doc->pages[pg]);

	it->type = ITEM_LINE;
	it->x = x;
	it->y = y;
	it->x2 = x2;
	it->y2 = y2;
	it->stroke_w = w;
	it->rgb = rgb;
	return it;
}

static struct pdf_item *
S_rect(struct lay *l, size_t pg, double x, double y, double w, double h,
    unsigned int fill, unsigned int stroke, double sw)
{
	struct pdf_item	*it = pdf_page_add(&l->doc->pages[pg]);

	it->type = ITEM_RECT;
	it->fill = 1;
	it->rgb = fill;
	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->stroke_w = sw;
	it->stroke_rgb = stroke;
	return it;
}

/* The marker of shape i (network.h), m wide from x, centred on y. */
static void
S_marker(struct lay *l, size_t pg, size_t i, double x, double y, double m,
    unsigned int rgb)
{
	double	 h = m / 2, w = m * 0.14;

	switch (i % NETWORK_NSHAPES) {
	case 0:
		S_rect(l, pg, x, y - h, m, m, rgb, rgb, 0);
		break;
	case 1:
		S_rect(l, pg, x + w / 2, y - h + w / 2, m - w, m - w,
		    RGB_WHITE, rgb, w);
		break;
	case 2:
		S_bk_network_line(l, pg, x, y - h, x + m, y - h, w, rgb);
		S_bk_network_line(l, pg, x + m, y - h, x + h, y + h, w, rgb);
		S_bk_network_line(l, pg, x + h, y + h, x, y - h, w, rgb);
		break;
	case 3:
		S_bk_network_line(l, pg, x, y - h, x + m, y + h, w, rgb);
		S_bk_network_line(l, pg, x, y + h, x + m, y - h, w, rgb);
		break;
	case 4:
		S_bk_network_line(l, pg, x, y, x + m, y, w, rgb);
		S_bk_network_line(l, pg, x + h, y - h, x + h, y + h, w, rgb);
		break;
	case 5:
		S_bk_network_line(l, pg, x + h, y - h, x + m, y, w, rgb);
		S_bk_network_line(l, pg, x + m, y, x + h, y + h, w, rgb);
		S_bk_network_line(l, pg, x + h, y + h, x, y, w, rgb);
		S_bk_network_line(l, pg, x, y, x + h, y - h, w, rgb);
		break;
	case 6:
		S_rect(l, pg, x, y - m / 6, m, m / 3, rgb, rgb, 0);
		break;
	default:
		S_bk_network_line(l, pg, x + w, y - h, x + w, y + h, w, rgb);
		S_bk_network_line(l, pg, x + m - w, y - h, x + m - w, y + h, w, rgb);
		break;
	}
}

/*
 * The width and height the drawing takes once the distances between
 * centres are multiplied by s (the boxes keep their size).
 */
static void
S_extent(const struct network *n, double s, double *w, double *h)
{
	double	 x0 = HUGE_VAL, x1 = -HUGE_VAL, y0 = HUGE_VAL, y1 = -HUGE_VAL;
	size_t	 i;

	for (i = 0; i < n->nnodes; i++) {
		const struct net_node *v = &n->nodes[i];

		x0 = fmin(x0, v->x * s - v->w / 2);
		x1 = fmax(x1, v->x * s + v->w / 2);
		y0 = fmin(y0, v->y * s - v->h / 2);
		y1 = fmax(y1, v->y * s + v->h / 2);
	}
	*w = n->nnodes ? x1 - x0 : 0;
	*h = n->nnodes ? y1 - y0 : 0;
}

/*
 * The largest factor by which the distances between centres of n
 * (laid out) may be multiplied for the drawing to fit W x H; 0 when it
 * cannot fit without two boxes coming closer than half the gap.
 */
static double
S_scale(const struct net_geom *g, const struct network *n, double W,
    double H)
{
	double	 lo, hi, mid, w, h;
	int	 i;

	lo = network_min_scale(n, g->gap * 0.5);
	S_extent(n, lo, &w, &h);
	if (w > W || h > H)
		return 0;
	/* By bisection: the extent grows with the factor. */
	hi = lo * 4;
	S_extent(n, hi, &w, &h);
	if (w <= W && h <= H)
		return hi;
	for (i = 0; i < 40; i++) {
		mid = (lo + hi) / 2;
		S_extent(n, mid, &w, &h);
		if (w <= W && h <= H)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Lay out n for a frame W x H: four layouts (the groups of linked
 * partners in one column or two; the drawing upright or turned a
 * quarter) and the one that fits largest, scaled to fill the frame as
 * far as it can.  Returns 0 when none fits without boxes coming closer
 * than half the gap (or Graphviz failed), 1 otherwise.
 */
static int
S_fit(struct lay *l, const struct net_geom *g, struct network *n, double W,
    double H)
{
	/* Height stretched against width, least distortion first. */
	static const double stretch[] = { 1, 1.2, 0.83, 1.45, 0.7, 1.75, 2.1,
	    2.5, 3 };
	struct net_node	*best = NULL;
	double		 bs = 0, sc;
	size_t		 i, k;
	int		 cols, turn;

	for (k = 0; best == NULL && k < sizeof(stretch) / sizeof(*stretch);
	    k++)
		for (turn = 0; turn < 2; turn++)
			for (cols = 1; cols <= 2; cols++) {
				if (turn)
					network_transpose(n);
				if (!network_layout(n, g->gap, MM(7), cols,
				    l->diags)) {
					free(best);
					return 0;
				}
				if (turn)
					network_transpose(n);
				for (i = 0; i < n->nnodes; i++)
					n->nodes[i].y *= stretch[k];
				sc = S_scale(g, n, W, H);
				if (sc > bs) {
					bs = sc;
					free(best);
					best = xreallocarray(NULL, n->nnodes,
					    sizeof(*best));
					memcpy(best, n->nodes, n->nnodes *
					    sizeof(*best));
				}
			}
	if (best == NULL)
		return 0;
	memcpy(n->nodes, best, n->nnodes * sizeof(*best));
	free(best);
	network_scale(n, bs);
	return 1;
}

/* Draw n, already fitted, with its top-left corner at (x0, top) on pg. */
static void
S_draw(struct lay *l, const struct net_geom *g, const struct network *n,
    size_t pg, double x0, double top, double W)
{
	const struct site *s = l->site;
	double	 ox = x0 + (W - n->w) / 2, oy = top - n->h;
	size_t	 i;

	/* The links first: the boxes cover their ends. */
	for (i = 0; i < n->nedges; i++) {
		const struct net_edge *e = &n->edges[i];
		const struct net_node *a = &n->nodes[e->a], *b = &n->nodes[e->b];
		double	 ax, ay, bx, by, dx, dy, len, ux, uy, t;

		if (e->from_b) {
			const struct net_node *c = a;

			a = b;
			b = c;
		}
		network_clip(ox + a->x, oy + a->y, a->w, a->h, ox + b->x, oy + b->y,
		    &ax, &ay);
		network_clip(ox + b->x, oy + b->y, b->w, b->h, ox + a->x, oy + a->y,
		    &bx, &by);
		dx = bx - ax;
		dy = by - ay;
		len = sqrt(dx * dx + dy * dy);
		if (len < 0.5)
			continue;
		ux = dx / len;
		uy = dy / len;
		if (e->mutual) {
			t = 0.9;
			S_bk_network_line(l, pg, ax - uy * t, ay + ux * t, bx - uy * t,
			    by + ux * t, 0.5, RGB_MUTED);
			S_bk_network_line(l, pg, ax + uy * t, ay - ux * t, bx + uy * t,
			    by - ux * t, 0.5, RGB_MUTED);
		} else {
			t = g->size * 0.55;
			S_bk_network_line(l, pg, ax, ay, bx, by, 0.6, RGB_MUTED);
			S_bk_network_line(l, pg, bx, by, bx - ux * t - uy * t * 0.5,
			    by - uy * t + ux * t * 0.5, 0.6, RGB_MUTED);
			S_bk_network_line(l, pg, bx, by, bx - ux * t + uy * t * 0.5,
			    by - uy * t - ux * t * 0.5, 0.6, RGB_MUTED);
		}
	}
	for (i = 0; i < n->nnodes; i++) {
		const struct net_node *v = &n->nodes[i];
		const struct partner *p = &s->partners[v->partner];
		unsigned int rgb = p->category ? p->category->rgb : RGB_MUTED;
		unsigned int dark = colour_dark(rgb);
		struct src src = bk_psrc(p, p->sigle.s ? PF_SIGLE : PF_NOM);
		double	 x = ox + v->x - v->w / 2, y = oy + v->y - v->h / 2;
		size_t	 dest = lay_ref(l, REF_PARTNER(l, v->partner));
		struct pdf_item *it;
		char	*label = S_label(l, g, p);

		S_rect(l, pg, x, y, v->w, v->h, RGB_WHITE, rgb, 0.8);
		S_marker(l, pg, p->category ? bk_category_index(l,
		    p->category) : 0, x + g->pad, y + v->h / 2, g->mark, dark);
		lay_page_text(l, pg, x + g->pad * 2 + g->mark,
		    y + v->h / 2 - g->size * 0.33, FACE_BOLD, g->size, dark,
		    label, &src);
		free(label);
		if (dest != SIZE_MAX) {
			/* Its own Link element: the annotation's /StructParent. */
			unsigned int tl = lay_tag_open(l, "Link");

			it = lay_tag_item(l, pdf_page_add(&l->doc->pages[pg]));
			lay_tag_close(l, tl);
			it->type = ITEM_LINK_PAGE;
			it->x = x;
			it->y = y;
			it->w = v->w;
			it->h = v->h;
			it->dest_page = dest;
			it->dest_y = l->doc->page_h;
		}
	}
}

/* Size each node's box for its label. */
static void
S_boxes(struct lay *l, const struct net_geom *g, struct network *n)
{
	size_t	 i;

	for (i = 0; i < n->nnodes; i++) {
		char	*label = S_label(l, g, &l->site->partners[
		    n->nodes[i].partner]);

		n->nodes[i].w = g->pad * 3 + g->mark + lay_width(l, FACE_BOLD,
		    g->size, label, strlen(label));
		n->nodes[i].h = g->box_h;
		free(label);
	}
}

/*
 * The legend (categories with partners in n, the two kinds of link)
 * and the partners alone, as boxes of v.
 */
static void
S_legend(struct lay *l, const struct net_geom *g, const struct network *n,
    struct vlist *v)
{
	const struct site *s = l->site;
	struct vbox	*b;
	struct buf	 t;
	double		 x, lw, sz = g->size, lead = sz * 1.5;
	size_t		 i, j;
	char		*label;
	int		 *used = xcalloc(s->ncategories + 1, sizeof(*used));

	for (i = 0; i < n->nnodes; i++) {
		const struct partner *p = &s->partners[n->nodes[i].partner];

		if (p->category != NULL)
			used[bk_category_index(l, p->category)] = 1;
	}
	/* Categories, as many to a line as fit. */
	b = NULL;
	x = l->tw;
	for (i = 0; i < s->ncategories; i++) {
		const struct category *c = &s->categories[i];

		if (!used[i])
			continue;
		/* A long label shortened to a line, with "…". */
		label = lay_ellipsis(l, FACE_REGULAR, sz, c->label, l->tw -
		    g->mark - sz * 0.4);
		lw = g->mark + sz * 0.4 + lay_width(l, FACE_REGULAR, sz,
		    label, strlen(label));
		if (b == NULL || x + lw > l->tw) {
			b = vlist_add(v, lead, b == NULL ? sz * 0.8 : 0);
			b->keep = 1;
			x = 0;
		}
		{
			double	 m = g->mark, h = m / 2, w = m * 0.14;
			double	 cy = -lead / 2 - sz * 0.05, mx = x;
			unsigned int rgb = colour_dark(c->rgb);
			struct pdf_item *q;

#define	LINE(a, b2, c2, d2) do { q = vbox_add(b); q->type = ITEM_LINE; \
	q->x = (a); q->y = (b2); q->x2 = (c2); q->y2 = (d2); q->stroke_w = w; \
	q->rgb = rgb; } while (0)
#define	RECT(a, b2, c2, d2, f, sw) do { q = vbox_add(b); q->type = ITEM_RECT; \
	q->fill = 1; q->x = (a); q->y = (b2); q->w = (c2); q->h = (d2); \
	q->rgb = (f); q->stroke_rgb = rgb; q->stroke_w = (sw); } while (0)
			switch (i % NETWORK_NSHAPES) {
			case 0: RECT(mx, cy - h, m, m, rgb, 0); break;
			case 1: RECT(mx + w / 2, cy - h + w / 2, m - w, m - w,
				    RGB_WHITE, w); break;
			case 2: LINE(mx, cy - h, mx + m, cy - h);
				LINE(mx + m, cy - h, mx + h, cy + h);
				LINE(mx + h, cy + h, mx, cy - h); break;
			case 3: LINE(mx, cy - h, mx + m, cy + h);
				LINE(mx, cy + h, mx + m, cy - h); break;
			case 4: LINE(mx, cy, mx + m, cy);
				LINE(mx + h, cy - h, mx + h, cy + h); break;
			case 5: LINE(mx + h, cy - h, mx + m, cy);
				LINE(mx + m, cy, mx + h, cy + h);
				LINE(mx + h, cy + h, mx, cy);
				LINE(mx, cy, mx + h, cy - h); break;
			case 6: RECT(mx, cy - m / 6, m, m / 3, rgb, 0); break;
			default: LINE(mx + w, cy - h, mx + w, cy + h);
				LINE(mx + m - w, cy - h, mx + m - w, cy + h);
				break;
			}
#undef LINE
#undef RECT
		}
		lay_text(l, b, x + g->mark + sz * 0.4, -lead / 2 - sz * 0.33,
		    FACE_REGULAR, sz, RGB_TEXT, label, strlen(label), NULL);
		free(label);
		x += lw + sz * 1.5;
	}
	free(used);
	/* The two kinds of link. */
	b = vlist_add(v, lead, 0);
	b->keep = 1;
	{
		struct pdf_item *q;
		double	 cy = -lead / 2 - sz * 0.05, L = sz * 2.2, a = sz * 0.55;
		const char *m1 = "lien r\xc3\xa9" "ciproque";
		const char *m2 = "cit\xc3\xa9 par un seul (fl\xc3\xa8" "che vers "
		    "le partenaire cit\xc3\xa9)";

		q = vbox_add(b); q->type = ITEM_LINE; q->x = 0; q->x2 = L;
		q->y = q->y2 = cy + 0.9; q->stroke_w = 0.5; q->rgb = RGB_MUTED;
		q = vbox_add(b); q->type = ITEM_LINE; q->x = 0; q->x2 = L;
		q->y = q->y2 = cy - 0.9; q->stroke_w = 0.5; q->rgb = RGB_MUTED;
		lay_text(l, b, L + sz * 0.4, -lead / 2 - sz * 0.33,
		    FACE_REGULAR, sz, RGB_TEXT, m1, strlen(m1), NULL);
		x = L + sz * 0.4 + lay_width(l, FACE_REGULAR, sz, m1,
		    strlen(m1)) + sz * 1.5;
		q = vbox_add(b); q->type = ITEM_LINE; q->x = x; q->x2 = x + L;
		q->y = q->y2 = cy; q->stroke_w = 0.6; q->rgb = RGB_MUTED;
		q = vbox_add(b); q->type = ITEM_LINE; q->x = x + L;
		q->y = cy; q->x2 = x + L - a; q->y2 = cy + a * 0.5;
		q->stroke_w = 0.6; q->rgb = RGB_MUTED;
		q = vbox_add(b); q->type = ITEM_LINE; q->x = x + L;
		q->y = cy; q->x2 = x + L - a; q->y2 = cy - a * 0.5;
		q->stroke_w = 0.6; q->rgb = RGB_MUTED;
		lay_text(l, b, x + L + sz * 0.4, -lead / 2 - sz * 0.33,
		    FACE_REGULAR, sz, RGB_TEXT, m2, strlen(m2), NULL);
	}
	/* The partners without any link, named. */
	if (n->nalone > 0) {
		struct para	 p;

		buf_init(&t);
		buf_puts(&t, "Pas encore de lien d\xc3\xa9" "clar\xc3\xa9");
		for (j = 0; j < n->nalone; j++) {
			char *name = model_display_name(&s->partners[
			    n->alone[j]]);

			buf_puts(&t, j ? ", " : "\xc2\xa0: ");
			buf_puts(&t, name);
			free(name);
		}
		buf_puts(&t, ".");
		para_init(&p, sz, lead, l->tw);
		p.before = sz * 0.6;
		p.align = ALIGN_LEFT;
		para_add(&p, buf_cstr(&t), FACE_REGULAR, RGB_TEXT, 0, NULL);
		para_set(l, &p, v);
		para_free(&p);
		buf_free(&t);
	}
}

/*
 * One page: title (with an outline entry when outline), a sentence,
 * the drawing of n fitted between them and the legend.  When the
 * drawing does not fit: with must, the page says what is left out
 * (toobig); without, no page.  Returns the page, or SIZE_MAX.
 */
static size_t
S_bk_network_page(struct lay *l, const struct net_geom *g, struct network *n,
    const char *title, const char *intro, int outline, int must,
    const char *toobig)
{
	struct vlist	 top = { 0 }, bottom = { 0 };
	size_t		 pg = SIZE_MAX;
	double		 y, hb, avail;
	int		 fits;
	unsigned int	 h = colour_dark(l->theme.lead_rgb);

	bk_title(l, &top, title, h, 0);
	bk_body_text(l, &top, intro, FACE_REGULAR, RGB_TEXT, 0, NULL);
	S_legend(l, g, n, &bottom);
	hb = bk_vheight(&bottom);
	y = lay_top(l) - bk_vheight(&top);
	avail = y - g->size - (l->bottom + hb + g->size);
	fits = avail > 0 && S_fit(l, g, n, l->tw, avail);
	if (fits || must) {
		pg = lay_newpage(l, "Le r\xc3\xa9seau des partenaires", 0, 1);
		if (outline)
			lay_outline(l, "Le r\xc3\xa9seau des partenaires", 0, pg,
			    lay_top(l));
		y = lay_put(l, &top, pg, lay_top(l));
	}
	if (fits) {
		/* For a screen reader: the drawing is a Figure whose text
		 * says what it shows; the links themselves are read on each
		 * partner's page ("Travaille avec"). */
		unsigned int	 t = lay_tag_open(l, "Figure");
		char		*alt = xasprintf("Dessin du r\xc3\xa9seau : %zu "
				    "partenaires reli\xc3\xa9s par %zu liens ; "
				    "chaque fiche les nomme sous \xc2\xab\xc2\xa0"
				    "Travaille avec\xc2\xa0\xc2\xbb.", n->nnodes,
				    n->nedges);

		lay_tag_alt(l, alt);
		free(alt);
		S_draw(l, g, n, pg, lay_left(l, pg), y - g->size, l->tw);
		lay_tag_close(l, t);
		lay_put(l, &bottom, pg, l->bottom + hb);
	} else if (must) {
		struct vlist	 v = { 0 };

		bk_body_text(l, &v, toobig, FACE_ITALIC, RGB_TEXT, 0, NULL);
		lay_put(l, &v, pg, y - g->size);
		vlist_free(&v);
	}
	vlist_free(&top);
	vlist_free(&bottom);
	return pg;
}

void
bk_network(struct lay *l)
{
	const struct site *s = l->site;
	struct net_geom	 g;
	struct network	*n;
	struct buf	 t, tb;
	size_t		 i, pg, first = SIZE_MAX;
	int		 percat;

	if (!network_any(s))
		return;
	S_geom(l, &g);
	buf_init(&t);
	buf_init(&tb);
	n = network_new(s, NULL);
	S_boxes(l, &g, n);
	if (n->nnodes <= NET_PAGE_MAX) {
		buf_printf(&t, "Qui travaille avec qui, tel que chaque fiche le "
		    "d\xc3\xa9" "clare (\xc2\xab\xc2\xa0Travaille avec\xc2\xa0"
		    "\xc2\xbb)\xc2\xa0: %zu partenaires reli\xc3\xa9s par %zu "
		    "liens. Chaque \xc3\xa9tiquette renvoie \xc3\xa0 la fiche.",
		    n->nnodes, n->nedges);
		first = S_bk_network_page(l, &g, n, "Le r\xc3\xa9seau des partenaires",
		    buf_cstr(&t), 1, 0, NULL);
	}
	network_free(n);
	/* Too large for one page: a page per category. */
	percat = first == SIZE_MAX;
	for (i = 0; percat && i < s->ncategories; i++) {
		const struct category *c = &s->categories[i];
		char	*title;

		if (c->npartners == 0)
			continue;
		n = network_new(s, c);
		if (n->nnodes == 0) {
			network_free(n);
			continue;
		}
		S_boxes(l, &g, n);
		buf_reset(&t);
		buf_printf(&t, "Qui travaille avec qui\xc2\xa0: les partenaires de "
		    "la cat\xc3\xa9gorie qui ont un lien, et ceux des autres "
		    "cat\xc3\xa9gories avec qui ils travaillent (%zu partenaires, "
		    "%zu liens).", n->nnodes, n->nedges);
		buf_reset(&tb);
		buf_printf(&tb, "Laiss\xc3\xa9 de c\xc3\xb4t\xc3\xa9\xc2\xa0: le "
		    "dessin de ces %zu partenaires et %zu liens, trop nombreux "
		    "pour rester lisibles sur une page. La rubrique \xc2\xab\xc2"
		    "\xa0Travaille avec\xc2\xa0\xc2\xbb de chaque fiche les "
		    "donne.", n->nnodes, n->nedges);
		title = xasprintf("R\xc3\xa9seau\xc2\xa0: %s", c->label);
		pg = S_bk_network_page(l, &g, n, title, buf_cstr(&t), 0, 1,
		    buf_cstr(&tb));
		if (first == SIZE_MAX) {
			first = pg;
			lay_outline(l, "Le r\xc3\xa9seau des partenaires", 0,
			    pg, lay_top(l));
		}
		free(title);
		network_free(n);
	}
	buf_free(&tb);
	buf_free(&t);
	if (first != SIZE_MAX)
		lay_ref_here(l, REF_SEC(l, SEC_NETWORK), first);
}
