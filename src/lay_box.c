/*
 * pdf_layout.c — the booklet's layout: model -> struct pdf_doc.
 *
 * This file holds the machinery: boxes, text items (with the font's
 * coverage check), pagination with keeps, page furniture (running head,
 * folio, thumb index), the chunks laid out once (and again, in place,
 * only when they printed a page number that turned out wrong), and the
 * text dump of a layout.  The sections themselves are
 * in pdf_pages.c, pdf_partner.c and pdf_index.c, paragraphs in
 * pdf_text.c.
 *
 * Every function that can fail returns 0/NULL; nothing prints.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "picto.h"
#include "lay.h"
#include "typo.h"


/* ---- boxes ------------------------------------------------------------- */

struct pdf_item *
vbox_add(struct vbox *b)
{
	return pdf_items_add(&b->items, &b->nitems, &b->cap);
}

struct vbox *
vlist_add(struct vlist *l, double h, double before)
{
	struct vbox	*b;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	b = &l->v[l->n++];
	memset(b, 0, sizeof(*b));
	b->h = h;
	b->before = before;
	return b;
}

static void
S_item_free(struct pdf_item *it)
{
	free(it->text);
	free(it->path);
	free(it->uri);
}

static void
S_vbox_free(struct vbox *b)
{
	size_t	 j;

	for (j = 0; j < b->nitems; j++)
		S_item_free(&b->items[j]);
	free(b->items);
	if (b->cont != NULL) {
		S_vbox_free(b->cont);
		free(b->cont);
	}
}

/* Give item it its own copies of the strings it points to. */
static void
S_item_dup(struct pdf_item *it)
{
	it->text = it->text != NULL ? xstrdup(it->text) : NULL;
	it->path = it->path != NULL ? xstrdup(it->path) : NULL;
	it->uri = it->uri != NULL ? xstrdup(it->uri) : NULL;
}

struct vbox *
vbox_dup(const struct vbox *b)
{
	struct vbox	*d;
	struct pdf_item	*it;
	size_t		 i;

	d = xcalloc(1, sizeof(*d));
	d->h = b->h;
	for (i = 0; i < b->nitems; i++) {
		it = vbox_add(d);
		*it = b->items[i];
		S_item_dup(it);
	}
	return d;
}

void
vbox_free(struct vbox *b)
{
	if (b == NULL)
		return;
	S_vbox_free(b);
	free(b);
}

struct vbox *
vlist_pop(struct vlist *l)
{
	struct vbox	*b;

	if (l->n == 0)
		return NULL;
	b = xmalloc(sizeof(*b));
	*b = l->v[--l->n];
	return b;
}

void
vlist_free(struct vlist *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		S_vbox_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void
vlist_cat(struct vlist *dst, struct vlist *src)
{
	size_t	 i;

	for (i = 0; i < src->n; i++) {
		if (dst->n == dst->cap) {
			dst->cap = dst->cap ? dst->cap * 2 : 32;
			dst->v = xreallocarray(dst->v, dst->cap, sizeof(*dst->v));
		}
		dst->v[dst->n++] = src->v[i];
	}
	free(src->v);
	memset(src, 0, sizeof(*src));
}

struct pdf_item *
lay_rect(struct vbox *b, double x, double y, double w, double h,
    unsigned int rgb)
{
	struct pdf_item	*it = vbox_add(b);

	it->type = ITEM_RECT;
	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->rgb = rgb;
	it->fill = 1;
	return it;
}

/* ---- text -------------------------------------------------------------- */

/*
 * Copy s into out for face: spaces and hyphens the font lacks become
 * ones it has, control characters and soft hyphens disappear, and so do
 * characters the booklet cannot print (glyphs.h; the checker warned
 * about them at their value).  Characters of the fallback face stay:
 * measurement and emitter draw them with it.
 */
static void
S_fix(struct lay *l, enum pdf_face face, const char *s, size_t len,
    struct buf *out)
{
	size_t		 k, n;
	unsigned int	 cp;

	for (k = 0; k < len; k += n) {
		if ((n = utf8_decode(s + k, len - k, &cp)) == 0) {
			n = 1;
			continue;
		}
		if (cp < 0x20 || cp == 0x7f || cp == 0xad)
			continue;
		if (!fonts_has(l->fonts, face, cp)) {
			if (cp == 0x202f && fonts_has(l->fonts, face, 0x2009))
				cp = 0x2009;	/* narrow no-break -> thin */
			else if (cp == 0x202f || cp == 0x2009 || cp == 0xa0)
				cp = 0x20;
			else if (cp == 0x2011 || cp == 0x2010)
				cp = '-';
			else if (face != FACE_ICON &&
			    !fonts_printable(l->fonts, face, cp))
				continue;
		}
		utf8_encode(out, cp);
	}
}

double
lay_width(struct lay *l, enum pdf_face face, double size, const char *s,
    size_t len)
{
	struct buf	 b;
	double		 w;

	buf_init(&b);
	S_fix(l, face, s, len, &b);
	w = fonts_width(l->fonts, face, 1, b.data ? b.data : "", b.len);
	buf_free(&b);
	return w * size;
}

struct S_measure {
	struct lay	*l;
	enum pdf_face	 face;
	double		 size;
};

static double
S_measure(const char *s, size_t len, void *arg)
{
	struct S_measure *m = arg;

	return lay_width(m->l, m->face, m->size, s, len);
}

char *
lay_ellipsis(struct lay *l, enum pdf_face face, double size, const char *s,
    double width)
{
	struct S_measure m;

	m.l = l;
	m.face = face;
	m.size = size;
	return typo_ellipsis(s, width, S_measure, &m);
}

static void
S_text_item(struct lay *l, struct pdf_item *it, double x, double y,
    enum pdf_face face, double size, unsigned int rgb, const char *s,
    size_t len, const struct src *src)
{
	struct buf	 b;

	buf_init(&b);
	S_fix(l, face, s, len, &b);
	it->type = ITEM_TEXT;
	it->x = x;
	it->y = y;
	it->face = face;
	it->size = size;
	it->rgb = rgb;
	it->w = fonts_width(l->fonts, face, size, buf_cstr(&b), b.len);
	it->text = buf_detach(&b);
	if (src != NULL) {
		it->src_file = src->file;
		it->src_pos = src->pos;
	}
	buf_free(&b);
}

struct pdf_item *
lay_text(struct lay *l, struct vbox *b, double x, double y,
    enum pdf_face face, double size, unsigned int rgb, const char *s,
    size_t len, const struct src *src)
{
	struct pdf_item	*it = vbox_add(b);

	S_text_item(l, it, x, y, face, size, rgb, s, len, src);
	return it;
}

struct pdf_item *
lay_page_text(struct lay *l, size_t page, double x, double y,
    enum pdf_face face, double size, unsigned int rgb, const char *s,
    const struct src *src)
{
	struct pdf_item	*it = pdf_page_add(&l->doc->pages[page]);

	S_text_item(l, it, x, y, face, size, rgb, s, strlen(s), src);
	return it;
}

/* ---- pages ------------------------------------------------------------- */

double
lay_left(const struct lay *l, size_t page)
{
	/* Page index 0 is page 1, a recto: its binding is on the left. */
	return page % 2 == 0 ? l->inner : l->outer;
}

double
lay_top(const struct lay *l)
{
	return l->doc->page_h - l->top;
}

size_t
lay_newpage(struct lay *l, const char *head, int thumb, int furniture)
{
	struct pdf_doc	*d = l->doc;
	struct pdf_page	*p;

	d->pages = xreallocarray(d->pages, d->npages + 1, sizeof(*d->pages));
	if (d->npages >= l->infocap) {
		l->infocap = l->infocap ? l->infocap * 2 : 64;
		l->info = xreallocarray(l->info, l->infocap, sizeof(*l->info));
	}
	p = &d->pages[d->npages];
	memset(p, 0, sizeof(*p));
	p->running_head = head != NULL ? typo_fr(head) : NULL;
	p->folio = furniture ? (int)d->npages + 1 : 0;
	l->info[d->npages].thumb = thumb;
	l->info[d->npages].furniture = furniture;
	return d->npages++;
}

int
lay_outline(struct lay *l, const char *title, int level, size_t page,
    double y)
{
	struct pdf_doc	*d = l->doc;
	struct pdf_outline *o;

	d->outlines = xreallocarray(d->outlines, d->noutlines + 1,
	    sizeof(*d->outlines));
	o = &d->outlines[d->noutlines++];
	o->title = typo_fr(title);
	o->level = level;
	o->page = page;
	o->y = y;
	return (int)d->noutlines;
}

/*
 * Add the items of box b to page pg, its top at y.  With copy, the page
 * gets copies of the items' strings and b keeps its own; without, the
 * strings move to the page and the caller must empty b.
 */
static void
S_items_to_page(struct lay *l, const struct vbox *b, size_t pg, double y,
    int copy)
{
	struct pdf_page	*p = &l->doc->pages[pg];
	double		 x0 = lay_left(l, pg);
	size_t		 i;
	struct pdf_item	*it;

	for (i = 0; i < b->nitems; i++) {
		it = pdf_page_add(p);
		*it = b->items[i];
		if (copy)
			S_item_dup(it);
		it->x += x0;
		it->y += y;
		if (it->type == ITEM_LINE) {
			it->x2 += x0;
			it->y2 += y;
		}
	}
}

/* Move the items of box b to page pg with its top at y; b is emptied. */
static void
S_place(struct lay *l, struct vbox *b, size_t pg, double y)
{
	S_items_to_page(l, b, pg, y, 0);
	b->nitems = 0;
	if (b->outline) {
		l->doc->outlines[b->outline - 1].page = pg;
		l->doc->outlines[b->outline - 1].y = y;
	}
}

double
lay_put(struct lay *l, struct vlist *list, size_t pg, double y)
{
	size_t	 i;

	for (i = 0; i < list->n; i++) {
		if (i > 0)
			y -= list->v[i].before;
		S_place(l, &list->v[i], pg, y);
		y -= list->v[i].h;
	}
	return y;
}

double
lay_avail(const struct lay *l)
{
	return lay_top(l) - l->bottom;
}

size_t
lay_fit(const struct vlist *list, size_t i, double avail)
{
	size_t	 j, brk;
	double	 used = 0;

	for (j = i; j < list->n; j++) {
		if (j > i && list->v[j].newpage)
			return j;
		used += (j > i ? list->v[j].before : 0) + list->v[j].h;
		if (used > avail + 0.01 && j > i)
			break;
	}
	if (j == list->n)
		return j;
	/* Break before j; move back past keeps. */
	for (brk = j; brk > i + 1 && list->v[brk - 1].keep; brk--)
		;
	if (brk == i + 1 && list->v[i].keep)
		brk = j;	/* nothing breakable: overfull keep */
	return brk;
}

enum flow_mode { FLOW_PLACE, FLOW_RESERVE, FLOW_FILL };

/*
 * Pour list from y down on page pg: FLOW_PLACE adds the pages and
 * places the boxes, FLOW_RESERVE only adds the pages, FLOW_FILL places
 * the boxes on the pages that follow pg, already added.
 */
static size_t
S_flow(struct lay *l, struct vlist *list, size_t pg, double y,
    const char *head_next, int thumb, enum flow_mode mode)
{
	size_t	 i, brk;

	i = 0;
	while (i < list->n) {
		brk = lay_fit(list, i, y - l->bottom);
		for (; i < brk; i++) {
			if (y < lay_top(l))
				y -= list->v[i].before;
			if (mode != FLOW_RESERVE)
				S_place(l, &list->v[i], pg, y);
			y -= list->v[i].h;
		}
		if (i < list->n) {
			if (mode == FLOW_FILL)
				pg++;
			else
				pg = lay_newpage(l, head_next, thumb, 1);
			y = lay_top(l);
			if (list->v[i].cont != NULL) {
				if (mode != FLOW_RESERVE)
					S_items_to_page(l, list->v[i].cont, pg,
					    y, 1);
				y -= list->v[i].cont->h;
			}
		}
	}
	return pg;
}

size_t
lay_flow(struct lay *l, struct vlist *list, const char *head,
    const char *head_next, int thumb)
{
	size_t	 first;

	first = lay_newpage(l, head, thumb, 1);
	S_flow(l, list, first, lay_top(l), head_next, thumb, FLOW_PLACE);
	return first;
}

size_t
lay_flow_at(struct lay *l, struct vlist *list, size_t pg, double y,
    const char *head_next, int thumb)
{
	return S_flow(l, list, pg, y, head_next, thumb, FLOW_PLACE);
}

size_t
lay_flow_reserve(struct lay *l, struct vlist *list, const char *head,
    const char *head_next, int thumb)
{
	size_t	 first;

	first = lay_newpage(l, head, thumb, 1);
	S_flow(l, list, first, lay_top(l), head_next, thumb, FLOW_RESERVE);
	return first;
}

size_t
lay_flow_fill(struct lay *l, struct vlist *list, size_t first)
{
	return S_flow(l, list, first, lay_top(l), NULL, 0, FLOW_FILL);
}

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
				/* One line: a long head ends with "…". */
				char *rh = lay_ellipsis(l, FACE_REGULAR, 7.5,
				    p->running_head, l->tw - MM(8));

				fw = lay_width(l, FACE_REGULAR, 7.5, rh,
				    strlen(rh));
				x = right ? d->page_w - l->outer - MM(8) - fw :
				    l->outer + MM(8);
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

/* ---- chunks and page references ----------------------------------------- */

size_t
lay_ref(struct lay *l, size_t target)
{
	struct lay_chunk *c = l->chunk;
	size_t		 pg;

	if (target >= l->ntargets)
		return SIZE_MAX;
	pg = l->got[target] != SIZE_MAX ? l->got[target] : l->guess[target];
	if (c != NULL) {
		c->unsure |= l->got[target] == SIZE_MAX;
		if (c->ndeps == c->capdeps) {
			c->capdeps = c->capdeps ? c->capdeps * 2 : 8;
			c->deps = xreallocarray(c->deps, c->capdeps,
			    sizeof(*c->deps));
		}
		c->deps[c->ndeps].target = target;
		c->deps[c->ndeps++].page = pg;
	}
	return pg;
}

int
lay_unsure(const struct lay *l)
{
	return l->chunk != NULL && l->chunk->unsure;
}

void
lay_defer(struct lay *l, void (*fn)(struct lay *, void *), void *arg)
{
	if (l->chunk == NULL) {
		fn(l, arg);
		return;
	}
	l->chunk->defer = fn;
	l->chunk->defer_arg = arg;
}

size_t
lay_deps_save(struct lay *l, struct lay_dep **out)
{
	struct lay_chunk *c = l->chunk;
	size_t		 n = c != NULL ? c->ndeps : 0;

	*out = xreallocarray(NULL, n + 1, sizeof(**out));
	if (n > 0)
		memcpy(*out, c->deps, n * sizeof(**out));
	if (c != NULL)
		c->ndeps = 0;
	return n;
}

void
lay_deps_restore(struct lay *l, struct lay_dep *v, size_t n)
{
	struct lay_chunk *c = l->chunk;

	if (c != NULL) {
		c->ndeps = 0;
		while (c->ndeps < n) {
			if (c->ndeps == c->capdeps) {
				c->capdeps = c->capdeps ? c->capdeps * 2 : 8;
				c->deps = xreallocarray(c->deps, c->capdeps,
				    sizeof(*c->deps));
			}
			c->deps[c->ndeps] = v[c->ndeps];
			c->ndeps++;
		}
	}
	free(v);
}

void
lay_ref_here(struct lay *l, size_t target, size_t pg)
{
	if (target < l->ntargets)
		l->got[target] = pg;
}

/* Free n pages and their items (not the array). */
static void
S_pages_free(struct pdf_page *p, size_t n)
{
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < p[i].nitems; j++)
			S_item_free(&p[i].items[j]);
		free(p[i].items);
		free(p[i].running_head);
	}
}

/* Free n outline entries (not the array). */
static void
S_outlines_free(struct pdf_outline *o, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(o[i].title);
}

/* memcpy() of n elements of size sz; nothing when n is 0. */
static void
S_copy(void *dst, const void *src, size_t n, size_t sz)
{
	if (n > 0)
		memcpy(dst, src, n * sz);
}

/* Lay out chunk c at the end of the document. */
static void
S_chunk(struct lay *l, struct lay_chunk *c)
{
	c->page0 = l->doc->npages;
	c->out0 = l->doc->noutlines;
	c->ndeps = 0;
	c->unsure = 0;
	c->defer = NULL;
	l->chunk = c;
	c->fn(l, c->arg);
	l->chunk = NULL;
	c->page1 = l->doc->npages;
	c->out1 = l->doc->noutlines;
}

/* Finish the chunks from..n-1 that deferred their completion. */
static void
S_finish(struct lay *l, struct lay_chunk *v, size_t from, size_t n)
{
	struct lay_chunk *c;
	size_t		 k;

	for (k = from; k < n; k++) {
		c = &v[k];
		if (c->defer == NULL)
			continue;
		l->chunk = c;
		c->defer(l, c->defer_arg);
		l->chunk = NULL;
		c->defer = NULL;
	}
}

/* Whether chunk c printed a page number that is not its target's. */
static int
S_stale(const struct lay *l, const struct lay_chunk *c)
{
	size_t	 i;

	for (i = 0; i < c->ndeps; i++)
		if (l->got[c->deps[i].target] != c->deps[i].page)
			return 1;
	return 0;
}

/*
 * Lay chunk k out again in place.  The pages and outline entries after
 * it are set aside and put back when its page count stays; otherwise
 * the chunks after it are laid out again, expecting their targets
 * shifted by the difference.
 */
static void
S_rechunk(struct lay *l, struct lay_chunk *v, size_t n, size_t k)
{
	struct pdf_doc	*d = l->doc;
	struct lay_chunk *c = &v[k];
	struct pdf_page	*pages;
	struct pageinfo	*info;
	struct pdf_outline *outs;
	size_t		 npages, nouts, oldend = c->page1, oldout = c->out1, i,
			*tail;
	ptrdiff_t	 delta, odelta;

	/* Set aside what follows; free the chunk's pages. */
	npages = d->npages - c->page1;
	nouts = d->noutlines - c->out1;
	pages = xreallocarray(NULL, npages + 1, sizeof(*pages));
	info = xreallocarray(NULL, npages + 1, sizeof(*info));
	outs = xreallocarray(NULL, nouts + 1, sizeof(*outs));
	S_copy(pages, d->pages + c->page1, npages, sizeof(*pages));
	S_copy(info, l->info + c->page1, npages, sizeof(*info));
	S_copy(outs, d->outlines + c->out1, nouts, sizeof(*outs));
	/* The targets in what follows (chunk k sets only its own). */
	tail = xreallocarray(NULL, l->ntargets + 1, sizeof(*tail));
	for (i = 0; i < l->ntargets; i++)
		tail[i] = l->got[i] != SIZE_MAX && l->got[i] >= oldend ?
		    l->got[i] : SIZE_MAX;
	S_pages_free(d->pages + c->page0, c->page1 - c->page0);
	S_outlines_free(d->outlines + c->out0, c->out1 - c->out0);
	d->npages = c->page0;
	d->noutlines = c->out0;

	S_chunk(l, c);
	S_finish(l, v, k, k + 1);
	delta = (ptrdiff_t)c->page1 - (ptrdiff_t)oldend;
	odelta = (ptrdiff_t)c->out1 - (ptrdiff_t)oldout;
	if (delta == 0) {
		/* Same pages: what follows stays as it was. */
		d->pages = xreallocarray(d->pages, d->npages + npages + 1,
		    sizeof(*d->pages));
		if (d->npages + npages > l->infocap) {
			l->infocap = d->npages + npages;
			l->info = xreallocarray(l->info, l->infocap,
			    sizeof(*l->info));
		}
		S_copy(d->pages + d->npages, pages, npages, sizeof(*pages));
		S_copy(l->info + d->npages, info, npages, sizeof(*info));
		d->npages += npages;
		d->outlines = xreallocarray(d->outlines, d->noutlines + nouts + 1,
		    sizeof(*d->outlines));
		S_copy(d->outlines + d->noutlines, outs, nouts, sizeof(*outs));
		d->noutlines += nouts;
		for (i = k + 1; i < n; i++) {
			v[i].out0 = (size_t)((ptrdiff_t)v[i].out0 + odelta);
			v[i].out1 = (size_t)((ptrdiff_t)v[i].out1 + odelta);
		}
	} else {
		/*
		 * Everything after moves (and a page's side decides its
		 * margins): lay it out again, its targets expected shifted.
		 */
		S_pages_free(pages, npages);
		S_outlines_free(outs, nouts);
		for (i = 0; i < l->ntargets; i++)
			if (tail[i] != SIZE_MAX) {
				l->guess[i] = (size_t)((ptrdiff_t)tail[i] + delta);
				l->got[i] = SIZE_MAX;
			}
		for (i = k + 1; i < n; i++)
			S_chunk(l, &v[i]);
		S_finish(l, v, k + 1, n);
	}
	free(pages);
	free(info);
	free(outs);
	free(tail);
}

int
lay_run(struct lay *l, struct lay_chunk *v, size_t n, size_t ntargets,
    const size_t *guess, int maxrounds)
{
	size_t	 i, k;
	int	 round, again = 1;

	l->ntargets = ntargets;
	l->got = xreallocarray(NULL, ntargets + 1, sizeof(*l->got));
	l->guess = xreallocarray(NULL, ntargets + 1, sizeof(*l->guess));
	for (i = 0; i < ntargets; i++)
		l->got[i] = l->guess[i] = SIZE_MAX;
	if (guess != NULL)
		memcpy(l->guess, guess, ntargets * sizeof(*guess));
	for (k = 0; k < n; k++)
		S_chunk(l, &v[k]);
	S_finish(l, v, 0, n);
	for (round = 1; again && round < maxrounds; round++) {
		again = 0;
		for (k = 0; k < n; k++)
			if (S_stale(l, &v[k])) {
				S_rechunk(l, v, n, k);
				again = 1;
			}
	}
	for (k = 0; !again && k < n; k++)
		again = S_stale(l, &v[k]);
	for (k = 0; k < n; k++)
		free(v[k].deps);
	free(l->got);
	free(l->guess);
	l->got = l->guess = NULL;
	l->ntargets = 0;
	return !again;
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
	if ((l.fonts = fonts_open(&l.theme, diags)) == NULL)
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
	/* The sections, laid out once (their page numbers settled). */
	if (!pages_booklet(&l))
		diag_warn(diags, NULL, 0, 0, "the booklet's page "
		    "numbers did not settle after %d passes",
		    LAY_MAX_ROUNDS);
	S_furniture(&l);
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
	fonts_close(l.fonts);
	theme_free(&l.theme);
	if (diags->errors > errors) {
		layout_free(doc);
		return NULL;
	}
	return doc;
}

void
layout_free(struct pdf_doc *d)
{
	size_t	 i, j;

	if (d == NULL)
		return;
	for (i = 0; i < d->npages; i++) {
		for (j = 0; j < d->pages[i].nitems; j++)
			S_item_free(&d->pages[i].items[j]);
		free(d->pages[i].items);
		free(d->pages[i].running_head);
	}
	free(d->pages);
	for (i = 0; i < d->noutlines; i++)
		free(d->outlines[i].title);
	free(d->outlines);
	for (i = 0; i < d->nlabels; i++)
		free(d->labels[i].prefix);
	free(d->labels);
	for (i = 0; i < FACE__COUNT; i++)
		free(d->font_path[i]);
	for (i = 0; i < 4; i++)
		free(d->fallback_path[i]);
	free(d->title);
	free(d->author);
	free(d->subject);
	free(d->keywords);
	free(d->lang);
	free(d);
}

/* ---- dump -------------------------------------------------------------- */

static const char *const S_faces[FACE__COUNT] = {
	"regular", "bold", "italic", "bolditalic", "icon"
};

/* Quote s: backslash, double quote and non-printing bytes escaped. */
static void
S_quote(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_printf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			buf_printf(b, "\\x%02x", (unsigned char)*s);
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* Fixed precision, and no "-0.00". */
static void
S_num(struct buf *b, const char *name, double v)
{
	if (fabs(v) < 0.005)
		v = 0;
	buf_printf(b, " %s=%.2f", name, v);
}

/* Font files by base name: the dump does not depend on the install. */
static const char *
S_base(const char *p)
{
	const char	*s;

	if (p == NULL)
		return "(none)";
	return (s = strrchr(p, '/')) != NULL ? s + 1 : p;
}

/*
 * One item on one line: its kind, the box every kind shares (a text has
 * no height, a line has its end point instead), then what is its own.
 */
static void
S_dump_item(struct buf *b, const struct pdf_item *it)
{
	static const char *const kind[] = {
		[ITEM_TEXT] = "text", [ITEM_RECT] = "rect",
		[ITEM_LINE] = "line", [ITEM_IMAGE] = "image",
		[ITEM_LINK_URI] = "link", [ITEM_LINK_PAGE] = "goto"
	};

	buf_printf(b, "  %s", kind[it->type]);
	S_num(b, "x", it->x);
	S_num(b, "y", it->y);
	if (it->type == ITEM_LINE) {
		S_num(b, "x2", it->x2);
		S_num(b, "y2", it->y2);
	} else
		S_num(b, "w", it->w);
	if (it->type != ITEM_TEXT && it->type != ITEM_LINE)
		S_num(b, "h", it->h);
	switch (it->type) {
	case ITEM_TEXT:
		buf_printf(b, " %s", S_faces[it->face]);
		S_num(b, "size", it->size);
		buf_printf(b, " #%06x ", it->rgb);
		S_quote(b, it->text);
		break;
	case ITEM_RECT:
		if (it->fill)
			buf_printf(b, " fill=#%06x", it->rgb);
		if (it->stroke_w > 0) {
			buf_printf(b, " stroke=#%06x", it->stroke_rgb);
			S_num(b, "sw", it->stroke_w);
		}
		break;
	case ITEM_LINE:
		S_num(b, "sw", it->stroke_w);
		buf_printf(b, " #%06x", it->rgb);
		break;
	case ITEM_IMAGE:
		buf_putc(b, ' ');
		S_quote(b, it->path);
		break;
	case ITEM_LINK_URI:
		buf_putc(b, ' ');
		S_quote(b, it->uri);
		break;
	case ITEM_LINK_PAGE:
		buf_printf(b, " page=%zu", it->dest_page);
		S_num(b, "dest_y", it->dest_y);
		break;
	}
	buf_putc(b, '\n');
}

void
layout_dump(const struct pdf_doc *d, struct buf *b)
{
	size_t		 i, j;

	buf_printf(b, "doc");
	S_num(b, "w", d->page_w);
	S_num(b, "h", d->page_h);
	S_num(b, "bleed", d->bleed);
	buf_printf(b, " pages=%zu\n", d->npages);
	buf_printf(b, "meta title=");
	S_quote(b, d->title);
	buf_printf(b, " author=");
	S_quote(b, d->author);
	buf_printf(b, " subject=");
	S_quote(b, d->subject);
	buf_printf(b, " lang=");
	S_quote(b, d->lang);
	buf_printf(b, " date=%lld\n", d->date);
	buf_printf(b, "meta keywords=");
	S_quote(b, d->keywords);
	buf_putc(b, '\n');
	for (i = 0; i < FACE__COUNT; i++)
		buf_printf(b, "font %s %s\n", S_faces[i], S_base(d->font_path[i]));
	for (i = 0; i < d->nlabels; i++) {
		buf_printf(b, "label start=%zu style=%d first=%d prefix=",
		    d->labels[i].start, d->labels[i].style, d->labels[i].first);
		S_quote(b, d->labels[i].prefix);
		buf_putc(b, '\n');
	}
	for (i = 0; i < d->noutlines; i++) {
		buf_printf(b, "outline level=%d page=%zu", d->outlines[i].level,
		    d->outlines[i].page);
		S_num(b, "y", d->outlines[i].y);
		buf_printf(b, " ");
		S_quote(b, d->outlines[i].title);
		buf_putc(b, '\n');
	}
	for (i = 0; i < d->npages; i++) {
		buf_printf(b, "page %zu folio=%d%s head=", i, d->pages[i].folio,
		    d->pages[i].blank ? " blank" : "");
		S_quote(b, d->pages[i].running_head);
		buf_putc(b, '\n');
		for (j = 0; j < d->pages[i].nitems; j++)
			S_dump_item(b, &d->pages[i].items[j]);
	}
}
