/*
 * html_network.c — reseau.html's drawing and list: the partners'
 * network (network.h) as inline SVG written here from the positions
 * Graphviz gave, and the same links as text, per partner.
 *
 * The SVG needs no script: each node is a link (<a href>, focusable)
 * to the partner's page with a <title>; each edge a <g> with a
 * <title>; a mutual link is drawn once, as a double line, a one-way
 * link as a line with an arrow head at the partner named.  Labels are
 * set with textLength to the width their box was laid out for, so
 * whatever font the browser picks, no two labels overlap.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_int.h"
#include "network.h"

/* Sizes of the drawing, in CSS pixels at its natural size. */
#define	NET_FONT	14.0	/* label size (bold) */
#define	NET_PAD		7.0	/* inside a box, left and right */
#define	NET_MARK	10.0	/* the category's marker */
#define	NET_BOX_H	26.0
#define	NET_GAP		26.0	/* between two boxes at least */
#define	NET_MARGIN	6.0	/* around the drawing */
#define	NET_LABEL_MAX	24	/* characters of a label, then "…" */

/* ---- labels ------------------------------------------------------------ */

/* s escaped for HTML text and attributes, appended to b. */
static void
S_html_network_esc(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_putc(b, *s); break;
		}
}

char *
hnet_label(const struct partner *p)
{
	const char	*s = p->sigle.s != NULL ? p->sigle.s :
			    p->nom.s != NULL ? p->nom.s : p->slug;
	struct buf	 b;
	size_t		 i, n, k;
	unsigned int	 cp;

	if (utf8_len(s) <= NET_LABEL_MAX)
		return xstrdup(s);
	/* Cut at the last space before the limit, then "…". */
	buf_init(&b);
	for (i = n = 0, k = 0; s[i] != '\0' && n < NET_LABEL_MAX - 1; n++) {
		i += utf8_decode(s + i, strlen(s + i), &cp);
		if (cp == ' ')
			k = i - 1;
	}
	if (k == 0)
		k = i;
	/* No comma or stop before the ellipsis. */
	while (k > 0 && strchr(" ,;:.-", s[k - 1]) != NULL)
		k--;
	buf_put(&b, s, k);
	buf_puts(&b, "\xe2\x80\xa6");
	return buf_detach(&b);
}

/*
 * Width of a label in bold NET_FONT px, generous (capitals and digits
 * wide, narrow letters counted as wide as others): the text is then
 * set to exactly this width (textLength).
 */
static double
S_label_w(const char *s)
{
	double		 w = 0;
	size_t		 i = 0, n = strlen(s);
	unsigned int	 cp;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		if (cp == ' ')
			w += 0.3;
		else if ((cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
		    cp == 'm' || cp == 'w' || (cp >= 0xc0 && cp <= 0xde))
			w += 0.72;
		else
			w += 0.58;
	}
	return w * NET_FONT;
}

/* ---- the SVG ------------------------------------------------------------ */

/* The category's marker, a second cue beside the colour (legend too). */
void
hnet_marker(struct buf *b, size_t shape, double x, double y, double m)
{
	double	 h = m / 2;

	switch (shape % NETWORK_NSHAPES) {
	case 0:	/* filled square */
		buf_printf(b, "<rect class=\"m-plein\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%.1f\"/>", x, y - h, m, m);
		break;
	case 1:	/* hollow square */
		buf_printf(b, "<rect class=\"m-trait\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%.1f\"/>", x + 1, y - h + 1,
		    m - 2, m - 2);
		break;
	case 2:	/* triangle */
		buf_printf(b, "<path class=\"m-plein\" d=\"M%.1f %.1fL%.1f "
		    "%.1fL%.1f %.1fZ\"/>", x, y + h, x + m, y + h, x + h,
		    y - h);
		break;
	case 3:	/* cross */
		buf_printf(b, "<path class=\"m-trait\" d=\"M%.1f %.1fL%.1f "
		    "%.1fM%.1f %.1fL%.1f %.1f\"/>", x, y - h, x + m, y + h,
		    x, y + h, x + m, y - h);
		break;
	case 4:	/* plus */
		buf_printf(b, "<path class=\"m-trait\" d=\"M%.1f %.1fL%.1f "
		    "%.1fM%.1f %.1fL%.1f %.1f\"/>", x, y, x + m, y, x + h,
		    y - h, x + h, y + h);
		break;
	case 5:	/* diamond */
		buf_printf(b, "<path class=\"m-plein\" d=\"M%.1f %.1fL%.1f "
		    "%.1fL%.1f %.1fL%.1f %.1fZ\"/>", x + h, y - h, x + m, y,
		    x + h, y + h, x, y);
		break;
	case 6:	/* bar */
		buf_printf(b, "<rect class=\"m-plein\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%.1f\"/>", x, y - m / 6, m,
		    m / 3);
		break;
	default: /* two uprights */
		buf_printf(b, "<path class=\"m-trait\" d=\"M%.1f %.1fL%.1f "
		    "%.1fM%.1f %.1fL%.1f %.1f\"/>", x + 1.5, y - h, x + 1.5,
		    y + h, x + m - 1.5, y - h, x + m - 1.5, y + h);
		break;
	}
}

static size_t
S_cat_index(const struct site *s, const struct category *c)
{
	return c != NULL ? (size_t)(c - s->categories) : 0;
}

/* The short name of a partner, for titles: "CAF", or its name. */
static const char *
S_short(const struct partner *p)
{
	return p->sigle.s != NULL ? p->sigle.s : p->nom.s != NULL ?
	    p->nom.s : p->slug;
}

/* One edge: a double line (mutual) or a line and an arrow head. */
static void
S_edge(struct buf *b, const struct site *s, const struct network *n,
    const struct net_edge *e, double H)
{
	const struct net_node *a = &n->nodes[e->a], *c = &n->nodes[e->b];
	const struct partner *pa = &s->partners[a->partner];
	const struct partner *pc = &s->partners[c->partner];
	double	 ax = a->x + NET_MARGIN, ay = H - a->y + NET_MARGIN;
	double	 cx = c->x + NET_MARGIN, cy = H - c->y + NET_MARGIN;
	double	 x0, y0, x1, y1, dx, dy, len, ux, uy;

	network_clip(ax, ay, a->w, a->h, cx, cy, &x0, &y0);
	network_clip(cx, cy, c->w, c->h, ax, ay, &x1, &y1);
	dx = x1 - x0;
	dy = y1 - y0;
	len = sqrt(dx * dx + dy * dy);
	if (len < 1)
		len = 1;
	ux = dx / len;
	uy = dy / len;
	if (e->mutual) {
		buf_puts(b, "<g class=\"lien lien-reciproque\"><title>");
		S_html_network_esc(b, S_short(pa));
		buf_puts(b, " et ");
		S_html_network_esc(b, S_short(pc));
		buf_puts(b, "\xc2\xa0: lien r\xc3\xa9" "ciproque</title>");
		/* Two parallel lines, 1.6 px either side of the axis. */
		buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\"/>", x0 - uy * 1.6, y0 + ux * 1.6,
		    x1 - uy * 1.6, y1 + ux * 1.6);
		buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\"/>", x0 + uy * 1.6, y0 - ux * 1.6,
		    x1 + uy * 1.6, y1 - ux * 1.6);
		buf_puts(b, "</g>\n");
		return;
	}
	buf_puts(b, "<g class=\"lien\"><title>");
	S_html_network_esc(b, S_short(e->from_b ? pc : pa));
	buf_puts(b, " cite ");
	S_html_network_esc(b, S_short(e->from_b ? pa : pc));
	buf_puts(b, "</title>");
	if (e->from_b) {	/* draw from b to a: the head at a */
		double t;

		t = x0; x0 = x1; x1 = t;
		t = y0; y0 = y1; y1 = t;
		ux = -ux;
		uy = -uy;
	}
	buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
	    x0, y0, x1 - ux * 6, y1 - uy * 6);
	buf_printf(b, "<path class=\"fleche\" d=\"M%.1f %.1fL%.1f %.1fL%.1f "
	    "%.1fZ\"/>", x1, y1, x1 - ux * 9 - uy * 4.5, y1 - uy * 9 + ux * 4.5,
	    x1 - ux * 9 + uy * 4.5, y1 - uy * 9 - ux * 4.5);
	buf_puts(b, "</g>\n");
}

/* One node: a link to the partner's page. */
static void
S_html_network_node(struct buf *b, const struct site *s, const struct network *n,
    const struct net_node *v, const char *root, double H)
{
	const struct partner *p = &s->partners[v->partner];
	char	*label = hnet_label(p), *name = model_display_name(p);
	double	 x = v->x - v->w / 2 + NET_MARGIN;
	double	 y = H - v->y - v->h / 2 + NET_MARGIN;
	size_t	 i, k;

	buf_printf(b, "<a class=\"noeud cat-%s\" href=\"%spartenaires/%s.html\" "
	    "data-slug=\"%s\"><title>", p->category ? p->category->key : "",
	    root, p->slug, p->slug);
	S_html_network_esc(b, name);
	if (p->category != NULL) {
		buf_puts(b, ", ");
		S_html_network_esc(b, p->category->label);
	}
	buf_puts(b, "\xc2\xa0: travaille avec ");
	for (i = k = 0; i < n->nedges; i++) {
		const struct net_edge *e = &n->edges[i];
		size_t	 o;

		if (&n->nodes[e->a] == v)
			o = e->b;
		else if (&n->nodes[e->b] == v)
			o = e->a;
		else
			continue;
		if (k++)
			buf_puts(b, ", ");
		S_html_network_esc(b, S_short(&s->partners[n->nodes[o].partner]));
	}
	buf_puts(b, "</title>");
	buf_printf(b, "<rect class=\"boite\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
	    "height=\"%.1f\" rx=\"3\"/>", x, y, v->w, v->h);
	hnet_marker(b, S_cat_index(s, p->category), x + NET_PAD, y + v->h / 2,
	    NET_MARK);
	buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" textLength=\"%.1f\" "
	    "lengthAdjust=\"spacingAndGlyphs\">", x + NET_PAD + NET_MARK + 5,
	    y + v->h / 2 + NET_FONT * 0.35, S_label_w(label));
	S_html_network_esc(b, label);
	buf_puts(b, "</text></a>\n");
	free(name);
	free(label);
}

struct network *
hnet_layout(const struct site *s, struct diags *d)
{
	struct network	*n = network_new(s, NULL);
	size_t		 i;

	for (i = 0; i < n->nnodes; i++) {
		char *label = hnet_label(&s->partners[n->nodes[i].partner]);

		n->nodes[i].w = NET_PAD * 2 + NET_MARK + 5 + S_label_w(label);
		n->nodes[i].h = NET_BOX_H;
		free(label);
	}
	if (!network_layout(n, NET_GAP, 72, 1, d)) {
		network_free(n);
		return NULL;
	}
	return n;
}

/*
 * The layout on a thread of its own: Graphviz is the longest step of
 * the site, and the pages written meanwhile need nothing from it.  The
 * thread reads the model only and keeps its diagnostics apart; nothing
 * else in the build calls Graphviz while it runs.
 */
struct hnet_job {
	const struct site *site;
	struct network	*n;		/* the result, NULL when it failed */
	struct diags	 d;		/* the thread's diagnostics */
	pthread_t	 th;
	int		 running;	/* th is to be joined */
};

static void *
S_layout_thread(void *arg)
{
	struct hnet_job	*j = arg;

	j->n = hnet_layout(j->site, &j->d);
	return NULL;
}

struct hnet_job *
hnet_layout_start(const struct site *s, int thread)
{
	struct hnet_job	*j = xcalloc(1, sizeof(*j));

	j->site = s;
	diags_init(&j->d);
	j->running = thread &&
	    pthread_create(&j->th, NULL, S_layout_thread, j) == 0;
	return j;
}

struct network *
hnet_layout_finish(struct hnet_job *j, struct diags *d)
{
	struct network	*n;
	size_t		 i;

	if (j->running)
		(void)pthread_join(j->th, NULL);
	else	/* no thread could start: here, now */
		j->n = hnet_layout(j->site, &j->d);
	for (i = 0; i < j->d.n; i++)
		diag_add(d, j->d.v[i].sev, j->d.v[i].file, j->d.v[i].line,
		    j->d.v[i].col, "%s", j->d.v[i].msg);
	n = j->n;
	diags_free(&j->d);
	free(j);
	return n;
}

char *
hnet_svg(const struct site *s, const struct network *n, const char *root)
{
	struct buf	 b;
	double		 W = n->w + 2 * NET_MARGIN, H = n->h + 2 * NET_MARGIN;
	size_t		 i;

	buf_init(&b);
	buf_printf(&b, "<svg class=\"reseau-svg\" xmlns=\"http://www.w3.org/"
	    "2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
	    "style=\"--largeur: %.0fpx; aspect-ratio: %.0f / %.0f\" "
	    "aria-labelledby=\"reseau-svg-titre\">\n", ceil(W), ceil(H),
	    ceil(W), ceil(H), ceil(W), ceil(W), ceil(H));
	buf_printf(&b, "<title id=\"reseau-svg-titre\">Dessin du r\xc3\xa9seau"
	    "\xc2\xa0: %zu partenaires, %zu liens</title>\n", n->nnodes,
	    n->nedges);
	buf_puts(&b, "<g class=\"liens\">\n");
	for (i = 0; i < n->nedges; i++)
		S_edge(&b, s, n, &n->edges[i], n->h);
	buf_puts(&b, "</g>\n<g class=\"noeuds\">\n");
	for (i = 0; i < n->nnodes; i++)
		S_html_network_node(&b, s, n, &n->nodes[i], root, n->h);
	buf_puts(&b, "</g>\n</svg>");
	return buf_detach(&b);
}

/* ---- the same as text ----------------------------------------------------- */

/* {href, nom, slug, [reciproque]} of partner p. */
static struct tval *
S_ref(const struct partner *p, const char *root)
{
	struct tval	*m = tval_map();

	tval_set(m, "href", tval_str_own(xasprintf("%spartenaires/%s.html",
	    root, p->slug)));
	tval_set(m, "nom", tval_str_own(model_display_name(p)));
	tval_set_str(m, "slug", p->slug);
	return m;
}

struct tval *
hnet_list(const struct site *s, const struct network *n, const char *root)
{
	struct tval	*l = tval_list(), *e, *avec, *par;
	size_t		 i, j;

	for (i = 0; i < n->nnodes; i++) {
		const struct partner *p = &s->partners[n->nodes[i].partner];
		const struct category *c = p->category;

		e = S_ref(p, root);
		tval_set_str(e, "categorie", c ? c->label : NULL);
		tval_set_str(e, "cle", c ? c->key : NULL);
		avec = tval_list();
		par = tval_list();
		for (j = 0; j < n->nedges; j++) {
			const struct net_edge *g = &n->edges[j];
			size_t	 o;
			int	 out;

			if (g->a == i) {
				o = g->b;
				out = g->mutual || !g->from_b;
			} else if (g->b == i) {
				o = g->a;
				out = g->mutual || g->from_b;
			} else
				continue;
			if (out) {
				struct tval *r = S_ref(&s->partners[
				    n->nodes[o].partner], root);

				tval_set_bool(r, "reciproque", g->mutual);
				tval_push(avec, r);
			} else
				tval_push(par, S_ref(&s->partners[
				    n->nodes[o].partner], root));
		}
		tval_set_bool(e, "a_avec", tval_len(avec) > 0);
		tval_set_bool(e, "a_par", tval_len(par) > 0);
		tval_set(e, "avec", avec);
		tval_set(e, "par", par);
		tval_push(l, e);
	}
	return l;
}

struct tval *
hnet_alone(const struct site *s, const struct network *n, const char *root)
{
	struct tval	*l = tval_list();
	size_t		 i;

	for (i = 0; i < n->nalone; i++)
		tval_push(l, S_ref(&s->partners[n->alone[i]], root));
	return l;
}

struct tval *
hnet_legend(const struct site *s)
{
	struct tval	*l = tval_list(), *e;
	struct buf	 b;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < s->ncategories; i++) {
		if (s->categories[i].npartners == 0)
			continue;
		e = tval_map();
		tval_set_str(e, "key", s->categories[i].key);
		tval_set_str(e, "label", s->categories[i].label);
		buf_reset(&b);
		hnet_marker(&b, i, 1, 7, NET_MARK);
		tval_set_str(e, "marque", buf_cstr(&b));
		tval_push(l, e);
	}
	buf_free(&b);
	return l;
}
