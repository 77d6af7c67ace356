/*
 * pdf_emit_content.c — the content stream of every page, written once
 * and compressed once, then placed as a Form XObject into each output
 * file (reading order, imposed, with bleed).
 *
 * The operators are written into our own buffer (no libharu call per
 * operator): numbers in thousandths of a point, colours from a table,
 * text as literal strings of 2-byte codes (the Unicode code point, as
 * libharu's Identity-H Type0 fonts expect).  Each rectangle stays its
 * own "re f" (a QR code too): poppler draws a single rectangle crisply,
 * a path of many with soft edges.
 * Fonts are named /F<index of struct emit.font>, images /I<index of
 * struct emit_shared.img>, in the resources every file gives its forms
 * (pdf_emit.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "fault.h"
#include "pdf_emit.h"
#include "util.h"

/*
 * libdeflate's level 6, measured on the content of 1 000 partners
 * (1 252 pages, 11.5 MB before compression; CPU seconds on the build
 * machine): zlib 1 2.97 MB 0.18 s, zlib 6 2.56 MB 0.21 s; libdeflate
 * 1 2.77 MB 0.05 s, 6 2.55 MB 0.11-0.15 s, 9 2.50 MB 0.23-0.25 s.
 * Compressed once for every file of the build, level 6 costs ~3 % of
 * it; 9 would save 2 % of the size for twice the time.
 */
#define DEFLATE_LEVEL	6

/* What the content stream has set, to avoid repeating operators. */
struct gstate {
	int		 in_text;
	int		 face;		/* -1: unknown */
	long		 size;		/* thousandths of a point, -1 */
	long		 fill;		/* 0xRRGGBB, -1: unknown */
	long		 stroke;
	long		 lw;		/* thousandths, -1: unknown */
	long		 tx, ty;	/* text line start, thousandths */
};

struct builder {
	struct emit	*e;
	struct buf	 b;
	struct gstate	 g;
	const struct pdf_item *it;	/* the text item being drawn */
	int		 started;	/* its first run is placed */
	/* Marked content (a tagged document): the sequence open. */
	int		 marked;	/* one is open */
	unsigned int	 mark;		/* its element, 0: an artifact */
	unsigned int	 mcid;		/* the page's next MCID */
};

/* Round v to thousandths. */
static long
S_milli(double v)
{
	if (!(v > -1e9 && v < 1e9))	/* NaN or absurd: 0 */
		return 0;
	return lround(v * 1000);
}

/* Write n thousandths as a PDF number, no trailing zero, then c. */
static void
S_put_milli(struct buf *b, long n, int c)
{
	char		 tmp[32], *p = tmp + sizeof(tmp);
	unsigned long	 u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
	unsigned int	 frac = (unsigned int)(u % 1000);
	int		 digits = 3;

	*--p = (char)c;
	if (frac != 0) {
		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		while (digits-- > 0) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	u /= 1000;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (n < 0)
		*--p = '-';
	buf_put(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

void
emit_num(struct buf *b, double v, int c)
{
	S_put_milli(b, S_milli(v), c);
}

/* "r g b op": each component c/255 to thousandths (exact round trip). */
static void
S_put_rgb(struct buf *b, unsigned int rgb, const char *op)
{
	int	 i;

	for (i = 16; i >= 0; i -= 8)
		S_put_milli(b, ((long)((rgb >> i) & 0xFF) * 1000 + 127) / 255, ' ');
	buf_puts(b, op);
}

static void
S_end_text(struct builder *bd)
{
	if (bd->g.in_text)
		buf_puts(&bd->b, "ET\n");
	bd->g.in_text = 0;
}

static void
S_set_fill(struct builder *bd, unsigned int rgb)
{
	if (bd->g.fill == (long)rgb)
		return;
	S_put_rgb(&bd->b, rgb, "rg\n");
	bd->g.fill = (long)rgb;
}

static void
S_set_stroke(struct builder *bd, unsigned int rgb, double w)
{
	long	 lw = S_milli(w);

	if (bd->g.stroke != (long)rgb) {
		S_put_rgb(&bd->b, rgb, "RG\n");
		bd->g.stroke = (long)rgb;
	}
	if (bd->g.lw != lw) {
		S_put_milli(&bd->b, lw, ' ');
		buf_puts(&bd->b, "w\n");
		bd->g.lw = lw;
	}
}

/* Text s (already cleaned: BMP, no controls) as a literal string of
 * 2-byte codes; only ( ) \ and CR need an escape.  Written in place:
 * at most 4 bytes per byte of s (an escaped pair for a 1-byte char). */
static void
S_put_codes(struct buf *b, const char *s)
{
	size_t		 n = strlen(s), k;
	unsigned int	 cp;
	unsigned char	 c[2], *o;
	int		 i;

	buf_grow(b, 4 * n + 8);
	o = (unsigned char *)b->data + b->len;
	*o++ = '(';
	while (n > 0) {
		if ((k = utf8_decode(s, n, &cp)) == 0)
			break;	/* cannot happen: emit_font_text() cleaned s */
		c[0] = (unsigned char)(cp >> 8);
		c[1] = (unsigned char)(cp & 0xFF);
		for (i = 0; i < 2; i++) {
			if (c[i] == '(' || c[i] == ')' || c[i] == '\\')
				*o++ = '\\';
			if (c[i] == '\r') {
				*o++ = '\\';
				*o++ = 'r';
			} else
				*o++ = c[i];
		}
		s += k, n -= k;
	}
	memcpy(o, ")Tj\n", 5);		/* with the NUL buf keeps */
	b->len = (size_t)((char *)o + 4 - b->data);
}

static void
S_draw_run(void *arg, int fi, const char *t, size_t len)
{
	struct builder	*bd = arg;
	const struct pdf_item *it = bd->it;
	char		*run, *s;
	long		 size = S_milli(it->size), x, y;

	if (emit_font_get(bd->e, fi) == NULL)
		return;
	run = xstrndup(t, len);
	s = emit_font_text(bd->e, fi, run);
	free(run);
	if (*s != '\0') {
		if (!bd->g.in_text) {
			buf_puts(&bd->b, "BT\n");
			bd->g.tx = bd->g.ty = 0;
		}
		bd->g.in_text = 1;
		if (bd->g.face != fi || bd->g.size != size) {
			buf_printf(&bd->b, "/F%d ", fi);
			S_put_milli(&bd->b, size, ' ');
			buf_puts(&bd->b, "Tf\n");
			bd->g.face = fi;
			bd->g.size = size;
		}
		S_set_fill(bd, it->rgb);
		/* Later runs go on where the previous one ended. */
		if (!bd->started) {
			x = S_milli(it->x);
			y = S_milli(it->y);
			S_put_milli(&bd->b, x - bd->g.tx, ' ');
			S_put_milli(&bd->b, y - bd->g.ty, ' ');
			buf_puts(&bd->b, "Td\n");
			bd->g.tx = x;
			bd->g.ty = y;
		}
		S_put_codes(&bd->b, s);
		bd->started = 1;
	}
	free(s);
}

static void
S_draw_text(struct builder *bd, const struct pdf_item *it)
{
	if (it->text == NULL || it->size <= 0 ||
	    (unsigned)it->face >= FACE__COUNT ||
	    emit_font_get(bd->e, (int)it->face) == NULL)
		return;
	bd->it = it;
	bd->started = 0;
	emit_font_runs(bd->e, it->face, it->text, S_draw_run, bd);
}

static void
S_put_rect(struct buf *b, const struct pdf_item *it)
{
	emit_num(b, it->x, ' ');
	emit_num(b, it->y, ' ');
	emit_num(b, it->w, ' ');
	emit_num(b, it->h, ' ');
	buf_puts(b, "re ");
}

static void
S_draw_item(struct builder *bd, const struct pdf_item *it)
{
	struct buf	*b = &bd->b;
	int		 k;

	if (it->type == ITEM_TEXT) {
		S_draw_text(bd, it);
		return;
	}
	if (it->type == ITEM_LINK_URI || it->type == ITEM_LINK_PAGE)
		return;		/* annotations, see add_links() */
	S_end_text(bd);
	switch (it->type) {
	case ITEM_RECT:
		if (!it->fill && it->stroke_w <= 0)
			break;
		if (it->fill)
			S_set_fill(bd, it->rgb);
		if (it->stroke_w > 0)
			S_set_stroke(bd, it->stroke_rgb, it->stroke_w);
		S_put_rect(b, it);
		buf_puts(b, !it->fill ? "S\n" : it->stroke_w > 0 ? "B\n" :
		    "f\n");
		break;
	case ITEM_LINE:
		if (it->stroke_w <= 0)
			break;
		S_set_stroke(bd, it->rgb, it->stroke_w);
		emit_num(b, it->x, ' ');
		emit_num(b, it->y, ' ');
		buf_puts(b, "m ");
		emit_num(b, it->x2, ' ');
		emit_num(b, it->y2, ' ');
		buf_puts(b, "l S\n");
		break;
	case ITEM_IMAGE:
		if (it->path == NULL || it->w <= 0 || it->h <= 0 ||
		    (k = emit_image_index(bd->e, it)) < 0)
			break;
		buf_puts(b, "q ");
		emit_num(b, it->w, ' ');
		buf_puts(b, "0 0 ");
		emit_num(b, it->h, ' ');
		emit_num(b, it->x, ' ');
		emit_num(b, it->y, ' ');
		buf_printf(b, "cm /I%d Do Q\n", k);
		break;
	default:
		break;
	}
}

/*
 * Tests (ANNUAIRE_FAULT=untag): the item drawn outside any marked
 * content, the first text of a paragraph after the first page.
 */
static const struct pdf_item *
S_victim(const struct pdf_doc *doc)
{
	static const struct pdf_doc *cached;
	static const struct pdf_item *victim;
	size_t		 i, j;

	if (cached == doc)
		return victim;
	cached = doc;
	victim = NULL;
	for (i = 1; victim == NULL && i < doc->npages; i++)
		for (j = 0; victim == NULL && j < doc->pages[i].nitems; j++) {
			const struct pdf_item *it = &doc->pages[i].items[j];

			if (it->type == ITEM_TEXT && it->node != 0 &&
			    it->node <= doc->nnodes && strcmp(doc->nodes[
			    it->node - 1].role, "P") == 0)
				victim = it;
		}
	return victim;
}

int
emit_mark(const struct pdf_doc *doc, const struct pdf_item *it,
    unsigned int *node)
{
	switch (it->type) {
	case ITEM_TEXT:
		if (it->text == NULL || it->size <= 0 ||
		    (unsigned)it->face >= FACE__COUNT)
			return 0;
		break;
	case ITEM_RECT:
		if (!it->fill && it->stroke_w <= 0)
			return 0;
		break;
	case ITEM_LINE:
		if (it->stroke_w <= 0)
			return 0;
		break;
	case ITEM_IMAGE:
		if (it->path == NULL || it->w <= 0 || it->h <= 0)
			return 0;
		break;
	default:
		return 0;
	}
	*node = it->node <= doc->nnodes ? it->node : 0;
	if (doc->nnodes > 0 && fault_untag() && it == S_victim(doc))
		*node = EMIT_UNMARKED;
	return 1;
}

/* Record event v of the page being drawn (emit_shared.ev). */
static void
S_event(struct emit_shared *sh, unsigned int v)
{
	if (sh->nev == sh->capev) {
		sh->capev = sh->capev ? sh->capev + sh->capev / 2 : 1024;
		sh->ev = xreallocarray(sh->ev, sh->capev, sizeof(*sh->ev));
	}
	sh->ev[sh->nev++] = v;
}

/* Open the marked-content sequence item it belongs to, if not open. */
static void
S_open_mark(struct builder *bd, const struct pdf_item *it)
{
	const struct pdf_doc *doc = bd->e->doc;
	unsigned int	 node;

	if (doc->nnodes == 0 || !emit_mark(doc, it, &node) ||
	    (bd->marked && bd->mark == node))
		return;
	/* A sequence holds whole text objects. */
	S_end_text(bd);
	if (bd->marked)
		buf_puts(&bd->b, "EMC\n");
	bd->marked = 0;
	if (node == EMIT_UNMARKED)
		return;
	if (node == 0)
		buf_puts(&bd->b, "/Artifact BMC\n");
	else {
		buf_printf(&bd->b, "/%s <</MCID %u>> BDC\n",
		    doc->nodes[node - 1].role, bd->mcid++);
		S_event(bd->e->sh, node);
	}
	bd->marked = 1;
	bd->mark = node;
}

/* The uncompressed content of page p into b (reset first). */
static void
S_draw_page(struct builder *bd, const struct pdf_page *p)
{
	static const struct gstate g0 = { 0, -1, -1, -1, -1, -1, 0, 0 };
	const struct pdf_doc *doc = bd->e->doc;
	size_t	 i;

	buf_reset(&bd->b);
	bd->g = g0;
	bd->marked = 0;
	bd->mcid = 0;
	for (i = 0; i < p->nitems; i++) {
		const struct pdf_item *it = &p->items[i];

		if (doc->nnodes > 0 && (it->type == ITEM_LINK_URI ||
		    it->type == ITEM_LINK_PAGE))
			S_event(bd->e->sh, EMIT_EV_LINK | (it->node <=
			    doc->nnodes ? it->node : 0));
		S_open_mark(bd, it);
		S_draw_item(bd, it);
	}
	S_end_text(bd);
	if (bd->marked)
		buf_puts(&bd->b, "EMC\n");
}

int
emit_content_build(struct emit *e, struct emit_shared *sh)
{
	const struct pdf_doc *doc = e->doc;
	struct libdeflate_compressor *z;
	struct builder	 bd;
	struct emit_body *body;
	unsigned char	*scratch = NULL;
	size_t		 i, bound, cap = 0;

	/* Out of memory exits, as everywhere else. */
	libdeflate_set_memory_allocator(xmalloc, free);
	z = libdeflate_alloc_compressor(DEFLATE_LEVEL);
	memset(&bd, 0, sizeof(bd));
	bd.e = e;
	buf_init(&bd.b);
	sh->body = xcalloc(doc->npages ? doc->npages : 1, sizeof(*sh->body));
	sh->npages = doc->npages;
	if (doc->nnodes > 0)
		sh->ev0 = xcalloc(doc->npages + 1, sizeof(*sh->ev0));
	for (i = 0; i < doc->npages; i++) {
		const struct pdf_page *p = &doc->pages[i];

		if (sh->ev0 != NULL)
			sh->ev0[i] = sh->nev;
		if (p->blank || p->nitems == 0)
			continue;
		S_draw_page(&bd, p);
		if (sh->drop != NULL)
			pdf_pages_keep_links(&sh->drop->pages[i], 1);
		sh->raw += bd.b.len;
		body = &sh->body[i];
		/* Compressed into scratch, then kept at its size (the
		 * bound is about the uncompressed size). */
		bound = libdeflate_zlib_compress_bound(z, bd.b.len);
		if (bound > cap) {
			free(scratch);
			scratch = xmalloc(cap = bound);
		}
		body->len = libdeflate_zlib_compress(z, bd.b.data, bd.b.len,
		    scratch, bound);
		if (body->len == 0)	/* cannot happen with the bound */
			break;
		body->z = xmalloc(body->len);
		memcpy(body->z, scratch, body->len);
	}
	free(scratch);
	buf_free(&bd.b);
	libdeflate_free_compressor(z);
	if (i < doc->npages)
		return 0;
	if (sh->ev0 != NULL)
		sh->ev0[doc->npages] = sh->nev;
	/* The images, in the order of their names /I<k>. */
	sh->nimg = e->nimg;
	sh->img = xcalloc(e->nimg ? e->nimg : 1, sizeof(*sh->img));
	for (i = 0; i < e->nimg; i++)
		sh->img[i] = xstrdup(e->img[i].path);
	sh->built = 1;
	return 1;
}

void
emit_shared_free(struct emit_shared *sh)
{
	size_t	 i;

	if (sh == NULL)
		return;
	for (i = 0; i < sh->npages; i++)
		free(sh->body[i].z);
	free(sh->body);
	for (i = 0; i < sh->nimg; i++)
		free(sh->img[i]);
	free(sh->img);
	free(sh->ev);
	free(sh->ev0);
	free(sh);
}
