/*
 * lay_box.c — the layout engine's boxes and pages: vertical lists of
 * boxes, text items (with the font's coverage check), pages, outline
 * entries, pagination with keeps (lay_flow()), and freeing a laid-out
 * document.  Chunks and page references are in lay_run.c, paragraphs
 * in lay_para.c, the dump in lay_dump.c; the engine knows no section
 * of the booklet (bk_*.c).
 *
 * Every function that can fail returns 0/NULL; nothing prints.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
	it->node = l->tag;
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

/* ---- the structure tree ------------------------------------------------ */

unsigned int
lay_tag_open(struct lay *l, const char *role)
{
	unsigned int	 saved = l->tag;

	if (l->tag != 0)	/* inside an artifact, all is artifact */
		l->tag = pdf_node_add(l->doc, role, l->tag);
	return saved;
}

unsigned int
lay_tag_artifact(struct lay *l)
{
	unsigned int	 saved = l->tag;

	l->tag = 0;
	return saved;
}

void
lay_tag_close(struct lay *l, unsigned int saved)
{
	l->tag = saved;
}

void
lay_tag_alt(struct lay *l, const char *alt)
{
	struct pdf_node	*n;

	if (l->tag == 0 || alt == NULL)
		return;
	n = &l->doc->nodes[l->tag - 1];
	free(n->alt);
	n->alt = xstrdup(alt);
}

void
lay_tag_lang(struct lay *l, const char *lang)
{
	struct pdf_node	*n;

	if (l->tag == 0 || lang == NULL)
		return;
	n = &l->doc->nodes[l->tag - 1];
	free(n->lang);
	n->lang = xstrdup(lang);
}

struct pdf_item *
lay_tag_item(struct lay *l, struct pdf_item *it)
{
	it->node = l->tag;
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
		if (copy) {	/* a repeated heading: decoration */
			S_item_dup(it);
			it->node = 0;
		}
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

/* A new page headed head, then the list from its top; its index. */
static size_t
S_flow_new(struct lay *l, struct vlist *list, const char *head,
    const char *head_next, int thumb, enum flow_mode mode)
{
	size_t	 first;

	first = lay_newpage(l, head, thumb, 1);
	S_flow(l, list, first, lay_top(l), head_next, thumb, mode);
	return first;
}

size_t
lay_flow(struct lay *l, struct vlist *list, const char *head,
    const char *head_next, int thumb)
{
	return S_flow_new(l, list, head, head_next, thumb, FLOW_PLACE);
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
	return S_flow_new(l, list, head, head_next, thumb, FLOW_RESERVE);
}

size_t
lay_flow_fill(struct lay *l, struct vlist *list, size_t first)
{
	return S_flow(l, list, first, lay_top(l), NULL, 0, FLOW_FILL);
}

void
lay_pages_free(struct pdf_page *p, size_t n)
{
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < p[i].nitems; j++)
			S_item_free(&p[i].items[j]);
		free(p[i].items);
		free(p[i].running_head);
	}
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
	for (i = 0; i < d->nnodes; i++) {
		free(d->nodes[i].alt);
		free(d->nodes[i].lang);
	}
	free(d->nodes);
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

