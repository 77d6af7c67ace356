/*
 * network.c — the partners' network as a graph, laid out by Graphviz
 * (see network.h).
 *
 * Graphviz's memory: the context, the graph and the layout are freed
 * here on every path (gvFreeLayout(), agclose(), gvFreeContext()).
 * Positions are read back from the nodes' "pos" attributes, which
 * attach_attrs() writes after gvLayout(); the numbers are printed by
 * Graphviz in the C locale's format, and annuaire never changes
 * LC_NUMERIC (i18n.c sets LC_CTYPE and LC_MESSAGES only).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "network.h"

int
network_any(const struct site *s)
{
	size_t	 i;

	for (i = 0; i < s->npartners; i++)
		if (s->partners[i].nliens > 0)
			return 1;
	return 0;
}

/* Whether partner p names q among its liens. */
static int
S_names(const struct partner *p, const struct partner *q)
{
	size_t	 i;

	for (i = 0; i < p->nliens; i++)
		if (p->liens[i] == q)
			return 1;
	return 0;
}

static int
S_cmp_edge(const void *x, const void *y)
{
	const struct net_edge *a = x, *b = y;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	return 0;
}

struct network *
network_new(const struct site *s, const struct category *focus)
{
	struct network	*n = xcalloc(1, sizeof(*n));
	size_t		*node, *deg, i, j, k, np = s->npartners;
	int		*keep;

	/* Per partner: how many links either way, and whether it is kept. */
	deg = xcalloc(np ? np : 1, sizeof(*deg));
	keep = xcalloc(np ? np : 1, sizeof(*keep));
	node = xcalloc(np ? np : 1, sizeof(*node));
	for (i = 0; i < np; i++)
		for (j = 0; j < s->partners[i].nliens; j++) {
			k = (size_t)(s->partners[i].liens[j] - s->partners);
			deg[i]++;
			deg[k]++;
			if (focus == NULL || s->partners[i].category == focus ||
			    s->partners[k].category == focus)
				keep[i] = keep[k] = 1;
		}
	for (i = 0; i < np; i++) {
		const struct partner *p = &s->partners[i];

		if (focus != NULL && p->category != focus && !keep[i])
			continue;
		if (deg[i] == 0) {
			n->alone = xreallocarray(n->alone, n->nalone + 1,
			    sizeof(*n->alone));
			n->alone[n->nalone++] = i;
			continue;
		}
		if (!keep[i])
			continue;
		n->nodes = xreallocarray(n->nodes, n->nnodes + 1,
		    sizeof(*n->nodes));
		memset(&n->nodes[n->nnodes], 0, sizeof(*n->nodes));
		n->nodes[n->nnodes].partner = i;
		node[i] = ++n->nnodes;	/* 1 + node index */
	}
	/* The edges, once per pair. */
	for (i = 0; i < np; i++) {
		const struct partner *p = &s->partners[i];

		for (j = 0; j < p->nliens; j++) {
			const struct partner *q = p->liens[j];
			struct net_edge	*e;

			k = (size_t)(q - s->partners);
			if (focus != NULL && p->category != focus &&
			    q->category != focus)
				continue;
			if (node[i] == 0 || node[k] == 0)
				continue;
			if (S_names(q, p) && k < i)
				continue;	/* drawn from q's side */
			n->edges = xreallocarray(n->edges, n->nedges + 1,
			    sizeof(*n->edges));
			e = &n->edges[n->nedges++];
			e->a = node[i] < node[k] ? node[i] - 1 : node[k] - 1;
			e->b = node[i] < node[k] ? node[k] - 1 : node[i] - 1;
			e->mutual = S_names(q, p);
			e->from_b = !e->mutual && e->a != node[i] - 1;
		}
	}
	if (n->nedges > 1)
		qsort(n->edges, n->nedges, sizeof(*n->edges), S_cmp_edge);
	free(node);
	free(keep);
	free(deg);
	return n;
}

void
network_free(struct network *n)
{
	if (n == NULL)
		return;
	free(n->nodes);
	free(n->edges);
	free(n->alone);
	free(n);
}

/* Set attribute name of object o to a number (points, inches). */
static void
S_setnum(void *o, const char *name, double v)
{
	char	 b[64];

	snprintf(b, sizeof(b), "%.4f", v);
	agsafeset(o, (char *)name, b, "");
}

/* Move the drawing to start at 0, 0 and set its size from the boxes. */
static void
S_bbox(struct network *n)
{
	double	 x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;
	size_t	 i;

	n->w = n->h = 0;
	if (n->nnodes == 0)
		return;
	for (i = 0; i < n->nnodes; i++) {
		const struct net_node *v = &n->nodes[i];

		x0 = fmin(x0, v->x - v->w / 2);
		x1 = fmax(x1, v->x + v->w / 2);
		y0 = fmin(y0, v->y - v->h / 2);
		y1 = fmax(y1, v->y + v->h / 2);
	}
	for (i = 0; i < n->nnodes; i++) {
		n->nodes[i].x -= x0;
		n->nodes[i].y -= y0;
	}
	n->w = x1 - x0;
	n->h = y1 - y0;
}

int
network_layout(struct network *n, double gap, double edge, int columns,
    struct diags *d)
{
	GVC_t		*gvc = NULL;
	Agraph_t	*g = NULL;
	Agnode_t	**nv = NULL;
	char		 name[32];
	size_t		 i;
	int		 ok = 0, laid = 0;

	if (n->nnodes == 0) {
		n->w = n->h = 0;
		return 1;
	}
	gvc = gvContext();
	if (gvc == NULL) {
		diag_error(d, "graphviz", 0, 0, "cannot start Graphviz");
		return 0;
	}
	g = agopen("reseau", Agundirected, NULL);
	if (g == NULL) {
		diag_error(d, "graphviz", 0, 0, "cannot create a graph");
		goto out;
	}
	/*
	 * sfdp (multilevel force-directed), from a fixed seed; edges
	 * about `edge' points long (K, in inches); the boxes kept gap points apart
	 * (overlap removal, prism; sep is in points when written "+N");
	 * the connected components packed in rows of `columns'.
	 */
	agattr(g, AGRAPH, "start", "1");
	snprintf(name, sizeof(name), "%.3f", edge / 72);
	agattr(g, AGRAPH, "K", name);
	agattr(g, AGRAPH, "overlap", "prism");
	agattr(g, AGRAPH, "overlap_scaling", "-1");
	agattr(g, AGRAPH, "splines", "false");
	snprintf(name, sizeof(name), "+%.2f", gap / 2);
	agattr(g, AGRAPH, "sep", name);
	agattr(g, AGRAPH, "esep", name);
	agattr(g, AGRAPH, "pack", "true");
	snprintf(name, sizeof(name), "array_%d", columns > 0 ? columns : 1);
	agattr(g, AGRAPH, "packmode", name);
	agattr(g, AGNODE, "shape", "box");
	agattr(g, AGNODE, "fixedsize", "true");
	agattr(g, AGNODE, "label", "");

	nv = xcalloc(n->nnodes, sizeof(*nv));
	for (i = 0; i < n->nnodes; i++) {
		snprintf(name, sizeof(name), "n%zu", i);
		nv[i] = agnode(g, name, 1);
		S_setnum(nv[i], "width", n->nodes[i].w / 72);
		S_setnum(nv[i], "height", n->nodes[i].h / 72);
	}
	for (i = 0; i < n->nedges; i++)
		agedge(g, nv[n->edges[i].a], nv[n->edges[i].b], NULL, 1);

	if (gvLayout(gvc, g, "sfdp") != 0) {
		diag_error(d, "graphviz", 0, 0, "sfdp could not lay out the "
		    "partners' network");
		goto out;
	}
	laid = 1;
	attach_attrs(g);
	for (i = 0; i < n->nnodes; i++) {
		const char *pos = agget(nv[i], "pos");
		double	 x, y;

		if (pos == NULL || sscanf(pos, "%lf,%lf", &x, &y) != 2) {
			diag_error(d, "graphviz", 0, 0, "sfdp gave no position "
			    "to a node");
			goto out;
		}
		n->nodes[i].x = x;
		n->nodes[i].y = y;
	}
	S_bbox(n);
	ok = 1;
out:
	if (laid)
		gvFreeLayout(gvc, g);
	if (g != NULL)
		agclose(g);
	free(nv);
	gvFreeContext(gvc);
	return ok;
}

double
network_min_scale(const struct network *n, double gap)
{
	double	 s = 0, t, dx, dy, nx, ny, tx, ty;
	size_t	 i, j;

	for (i = 0; i < n->nnodes; i++)
		for (j = i + 1; j < n->nnodes; j++) {
			const struct net_node *a = &n->nodes[i];
			const struct net_node *b = &n->nodes[j];

			dx = fabs(a->x - b->x);
			dy = fabs(a->y - b->y);
			nx = (a->w + b->w) / 2 + gap;
			ny = (a->h + b->h) / 2 + gap;
			tx = dx > 0 ? nx / dx : HUGE_VAL;
			ty = dy > 0 ? ny / dy : HUGE_VAL;
			t = fmin(tx, ty);
			if (t > s)
				s = t;
		}
	return n->nnodes < 2 || s == 0 ? 1 : s;
}

void
network_scale(struct network *n, double s)
{
	size_t	 i;

	for (i = 0; i < n->nnodes; i++) {
		n->nodes[i].x *= s;
		n->nodes[i].y *= s;
	}
	S_bbox(n);
}

void
network_transpose(struct network *n)
{
	size_t	 i;
	double	 t;

	for (i = 0; i < n->nnodes; i++) {
		struct net_node *v = &n->nodes[i];

		t = v->x; v->x = v->y; v->y = t;
		t = v->w; v->w = v->h; v->h = t;
	}
	t = n->w; n->w = n->h; n->h = t;
}

void
network_clip(double cx, double cy, double w, double h, double tx, double ty,
    double *ox, double *oy)
{
	double	 dx = tx - cx, dy = ty - cy, sx, sy, s;

	sx = dx != 0 ? (w / 2) / fabs(dx) : HUGE_VAL;
	sy = dy != 0 ? (h / 2) / fabs(dy) : HUGE_VAL;
	s = fmin(fmin(sx, sy), 1);
	*ox = cx + dx * s;
	*oy = cy + dy * s;
}
