/*
 * lay_verify.c — the booklet's layout checks its own geometry before
 * anything is emitted (lay.h, lay_verify()): a text item outside
 * the text block or drawn over another is a bug of the layout, reported
 * as an internal error, never a silent PDF.
 *
 * Text items only: rectangles, rules, images and links are placed by
 * the same code as the text they go with, and bands and thumb tabs run
 * into the bleed on purpose.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lay.h"

/* Tolerance of the comparisons, in points. */
#define	EPS	0.1

/* The ink of a text item, as a box. */
struct ink {
	double		 x0, x1, y0, y1;
	size_t		 item;
};

static void
S_ink(const struct pdf_item *it, size_t i, struct ink *k)
{
	k->x0 = it->x + EPS;
	k->x1 = it->x + it->w - EPS;
	k->y0 = it->y - it->size * 0.2;
	k->y1 = it->y + it->size * 0.7;
	k->item = i;
}

static int
S_cmp_y0(const void *a, const void *b)
{
	const struct ink *x = a, *y = b;

	if (x->y0 != y->y0)
		return x->y0 < y->y0 ? -1 : 1;
	return (x->item > y->item) - (x->item < y->item);
}

/* An item's text, shortened for a message. */
static void
S_item_name(struct buf *b, const struct pdf_item *it)
{
	size_t		 n = strlen(it->text), k, len, chars;
	unsigned int	 cp;

	buf_reset(b);
	for (k = chars = 0; k < n && chars < 40; k += len, chars++)
		if ((len = utf8_decode(it->text + k, n - k, &cp)) == 0)
			len = 1;
	/* TRANSLATORS: a quoted text of the booklet; French: « %.*s%s ». */
	buf_printf(b, _("\"%.*s%s\""), (int)k, it->text, k < n ? "…" : "");
}

static void
S_breach(struct diags *d, size_t *nbad, const struct pdf_item *it,
    size_t page, const char *what, struct buf *nm)
{
	if ((*nbad)++ >= VERIFY_MAX)
		return;
	S_item_name(nm, it);
	diag_error(d, it->src_file, it->src_pos.line, it->src_pos.col,
	    "internal error: booklet page %zu: the text %s (x %.1f, y %.1f) %s",
	    page + 1, buf_cstr(nm), it->x, it->y, what);
}

int
lay_verify(const struct pdf_doc *d, double inner, double outer, double top,
    double bottom, struct diags *diags)
{
	const struct pdf_page *p;
	const struct pdf_item *it, *o;
	struct ink	*ink = NULL;
	struct buf	 nm, what;
	size_t		 pg, i, j, n, cap = 0, nbad = 0;
	double		 left, right;

	buf_init(&nm);
	buf_init(&what);
	for (pg = 0; pg < d->npages; pg++) {
		p = &d->pages[pg];
		left = pg % 2 == 0 ? inner : outer;
		right = d->page_w - (pg % 2 == 0 ? outer : inner);
		if (p->nitems > cap) {
			cap = p->nitems;
			ink = xreallocarray(ink, cap, sizeof(*ink));
		}
		for (i = n = 0; i < p->nitems; i++) {
			it = &p->items[i];
			if (it->type != ITEM_TEXT || it->text == NULL ||
			    it->text[0] == '\0')
				continue;
			S_ink(it, i, &ink[n++]);
			if (it->margin) {
				if (it->x < -EPS || it->x + it->w >
				    d->page_w + EPS || it->y - it->size * 0.2 <
				    -EPS || it->y + it->size * 0.7 > d->page_h +
				    EPS)
					S_breach(diags, &nbad, it, pg,
					    _("runs off the page"), &nm);
				continue;
			}
			if (it->x < left - EPS || it->x + it->w > right + EPS) {
				buf_reset(&what);
				buf_printf(&what, _("is %.1f pt wide and runs out "
				    "of the text block (x %.1f to %.1f)"), it->w, left,
				    right);
				S_breach(diags, &nbad, it, pg, buf_cstr(&what), &nm);
			} else if (it->y < bottom - EPS || it->y + it->size * 0.7 >
			    d->page_h - top + EPS) {
				buf_reset(&what);
				buf_printf(&what, _("lies outside the text block "
				    "(y %.1f to %.1f)"), bottom, d->page_h - top);
				S_breach(diags, &nbad, it, pg, buf_cstr(&what), &nm);
			}
		}
		/* Overlaps: a sweep over the ink boxes sorted by their foot. */
		qsort(ink, n, sizeof(*ink), S_cmp_y0);
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n && ink[j].y0 < ink[i].y1; j++) {
				if (ink[j].x0 >= ink[i].x1 || ink[i].x0 >= ink[j].x1)
					continue;
				it = &p->items[ink[j].item];
				o = &p->items[ink[i].item];
				buf_reset(&what);
				S_item_name(&nm, o);
				buf_printf(&what, _("is drawn over the text %s (x "
				    "%.1f, y %.1f)"), buf_cstr(&nm), o->x, o->y);
				S_breach(diags, &nbad, it, pg, buf_cstr(&what), &nm);
			}
	}
	if (nbad > VERIFY_MAX)
		diag_error(diags, NULL, 0, 0, ngettext("internal error: %zu more "
		    "breach of the booklet's geometry", "internal error: %zu more "
		    "breaches of the booklet's geometry", nbad - VERIFY_MAX),
		    nbad - VERIFY_MAX);
	free(ink);
	buf_free(&nm);
	buf_free(&what);
	return nbad == 0;
}
