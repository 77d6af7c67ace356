/*
 * network.h — the partners' network: who works with whom, from the
 * partners' `liens', as a graph laid out by Graphviz (a
 * multilevel force-directed engine, sfdp; never a layout of our
 * own).  The renderers
 * (html_network.c for reseau.html, bk_network.c for the booklet's page)
 * give each node the size of the label they will draw and get back
 * positions in a plain struct; nothing here writes HTML or PDF.
 *
 * A node is a partner with at least one link, either way; an edge is a
 * pair of partners one of which names the other (drawn once: mutual
 * when both pages name each other).  Partners without any link are
 * listed apart ("pas encore de lien déclaré").
 *
 * Deterministic: the graph is built in site order and sfdp starts
 * from a fixed seed, so the same content gives the same positions,
 * byte for byte.
 */
#ifndef NETWORK_H
#define NETWORK_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/*
 * Categories are told apart by colour and, for readers who do not see
 * colours, by a marker shape: category i has shape i % NETWORK_NSHAPES
 * (filled square, hollow square, triangle, cross, plus, diamond, bar,
 * two uprights), the same on the site and in the booklet.
 */
#define	NETWORK_NSHAPES	8

struct net_node {
	size_t		 partner;	/* index into site->partners */
	double		 w, h;		/* its box, as the caller asked (points) */
	double		 x, y;		/* its centre after network_layout():
					   from the bottom-left of the drawing,
					   y up, in points */
};

struct net_edge {
	size_t		 a, b;		/* node indices, a < b */
	int		 mutual;	/* both pages name each other */
	int		 from_b;	/* one-way: b names a (else a names b) */
};

struct network {
	struct net_node	*nodes;		/* site order */
	size_t		 nnodes;
	struct net_edge	*edges;		/* sorted by (a, b) */
	size_t		 nedges;
	size_t		*alone;		/* partners without any link, site order */
	size_t		 nalone;
	double		 w, h;		/* size of the drawing after layout */
};

/*
 * Whether any partner of site names another one: without, there is no
 * network page at all.
 */
int		 network_any(const struct site *);

/*
 * The graph of site's links, without positions (node boxes 0).  With
 * focus not NULL, only the partners of that category that have links,
 * the partners they are linked with and those links (a category's
 * page); alone then lists the category's partners without any link.
 * Never NULL; free with network_free().
 */
struct network	*network_new(const struct site *,
		    const struct category *focus);
void		 network_free(struct network *);

/*
 * Where the segment from the centre (cx, cy) of a w x h box towards
 * (tx, ty) leaves the box: an edge is drawn from border to border, in
 * the site's SVG and in the booklet alike.
 */
void		 network_clip(double cx, double cy, double w, double h,
		    double tx, double ty, double *ox, double *oy);

/*
 * Lay the graph out with Graphviz's sfdp: each node a box of the
 * caller's w x h (points), at least gap points from every other box,
 * links about edge points long between centres (sfdp's K);
 * the groups of partners linked together (connected components) packed
 * in rows of `columns' groups.
 * Fills the nodes' x, y and the drawing's w, h (the boxes' bounding
 * box, from 0, 0).  Returns 0 when Graphviz fails (diagnostic
 * appended), 1 otherwise.  An empty graph is laid out as 0 x 0.
 */
int		 network_layout(struct network *, double gap, double edge,
		    int columns, struct diags *);

/*
 * The smallest factor (<= 1) by which the distances between the
 * nodes' centres may be multiplied, the boxes keeping their size,
 * without two boxes coming closer than gap; more than 1 when some are
 * closer already (scaling by it moves them apart).
 */
double		 network_min_scale(const struct network *, double gap);

/*
 * Multiply the distances between the centres by s (boxes unchanged)
 * and move the drawing back to start at 0, 0; w and h follow.
 */
void		 network_scale(struct network *, double s);

/*
 * Swap x and y, and each box's w and h: a layout made with the boxes
 * swapped, transposed, is a layout of the real boxes turned a quarter
 * (the gaps between boxes are kept), which may suit a page better.
 */
void		 network_transpose(struct network *);

#endif /* NETWORK_H */
