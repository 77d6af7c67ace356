/*
 * pdf_emit.c — the booklet's display list (pdf.h) to PDF with libharu:
 * the reading-order file (emit_pdf) and the saddle-stitch imposition
 * (emit_imposed).
 *
 * Every page is drawn by replaying its items under a placement (a
 * translation and a scale) and a clip, so the same code serves both
 * files.  Links are annotations in the output page's coordinates: their
 * rectangles go through the same placement, and internal links point at
 * wherever the target page lands (in the imposition, a sheet side).
 *
 * Choices, for the print shop and for reproducibility:
 *  - Bleed (doc->bleed > 0): the media box is the trim box grown by the
 *    bleed, 5 mm of crop marks and 1 mm of white on every side; the
 *    content is clipped to the BleedBox, and the crop marks (in
 *    registration colour, 0.25 pt) start at the bleed edge so that they
 *    never print inside the bleed.  TrimBox and BleedBox are added to
 *    each page dictionary (libharu 2.3 has no API for them).
 *  - Imposition: pages meet at the fold in the middle of an A4 landscape
 *    sheet, centred vertically, clipped to their trim box (no bleed on
 *    an office printer).  Pages larger than half a sheet (an A4 theme)
 *    are scaled down to fit it (A4 -> A5, 70.7 %).  No outline or page
 *    labels: the sides do not follow reading order.
 *  - libharu writes no /ID without encryption and no date unless asked,
 *    so the output depends on the display list only: the dates come
 *    from doc->date.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "pdf_emit.h"
#include "util.h"

#define MM		(72.0 / 25.4)
#define MARK_LEN	(5.0 * MM)	/* crop mark length */
#define MARK_GAP	(1.0 * MM)	/* white beyond the crop marks */
#define MARK_WIDTH	0.25
#define SHEET_W		841.89		/* A4 landscape */
#define SHEET_H		595.28

/* Where a source page is drawn on an output page. */
struct place {
	HPDF_Page	 page;		/* output page; NULL: not drawn */
	double		 tx, ty, s;	/* (x, y) -> (tx + s x, ty + s y) */
	double		 cx, cy, cw, ch; /* clip, output coordinates */
};

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	struct emit *e = arg;

	if (e->nerr++ == 0) {
		e->err = code;
		e->err_detail = detail;
	}
	e->last_err = code;
	e->last_detail = detail;
}

static void
rgb_of(unsigned int rgb, HPDF_REAL *r, HPDF_REAL *g, HPDF_REAL *b)
{
	*r = (HPDF_REAL)((rgb >> 16) & 0xFF) / 255;
	*g = (HPDF_REAL)((rgb >> 8) & 0xFF) / 255;
	*b = (HPDF_REAL)(rgb & 0xFF) / 255;
}

static void
set_string(struct emit *e, HPDF_InfoType type, const char *s)
{
	if (s != NULL && *s != '\0')
		HPDF_SetInfoAttr(e->pdf, type, s);
}

/* Creation and modification dates from doc->date (UTC). */
static void
set_dates(struct emit *e)
{
	struct date	 d;
	HPDF_Date	 hd;
	long long	 t = e->doc->date, sec;

	if (t <= 0)
		return;
	date_from_epoch(t, &d);
	sec = t % 86400;
	memset(&hd, 0, sizeof(hd));
	hd.year = d.y;
	hd.month = d.m;
	hd.day = d.d;
	hd.hour = (HPDF_INT)(sec / 3600);
	hd.minutes = (HPDF_INT)(sec / 60 % 60);
	hd.seconds = (HPDF_INT)(sec % 60);
	hd.ind = 'Z';
	HPDF_SetInfoDateAttr(e->pdf, HPDF_INFO_CREATION_DATE, hd);
	HPDF_SetInfoDateAttr(e->pdf, HPDF_INFO_MOD_DATE, hd);
}

/*
 * Open the libharu document with the UTF-8 encoder (set before any
 * string is made, or metadata would be encoded wrongly) and the
 * document's metadata.  Returns 0 on error.
 */
static int
emit_begin(struct emit *e, const struct pdf_doc *doc, const char *out,
    struct diags *d)
{
	HPDF_Dict	 prefs;

	memset(e, 0, sizeof(*e));
	e->doc = doc;
	e->out = out;
	e->d = d;
	e->errors0 = d->errors;
	if (doc->npages == 0) {
		diag_error(d, out, 0, 0, "empty booklet: no page to write");
		return 0;
	}
	if ((e->pdf = HPDF_New(on_error, e)) == NULL) {
		/* Only out of memory makes HPDF_New fail. */
		diag_error(d, out, 0, 0, "libharu: cannot create the PDF");
		return 0;
	}
	/* Soft masks, /Lang and /DisplayDocTitle are PDF 1.4; libharu
	 * would still write a 1.3 header. */
	e->pdf->pdf_version = HPDF_VER_14;
	HPDF_SetCompressionMode(e->pdf, HPDF_COMP_ALL);
	/* One /Pages node holds at most 32 767 kids: a longer book gets a
	 * two-level page tree (smaller ones keep their bytes). */
	if (doc->npages > HPDF_LIMIT_MAX_ARRAY)
		HPDF_SetPagesConfiguration(e->pdf, 1024);
	HPDF_UseUTFEncodings(e->pdf);
	HPDF_SetCurrentEncoder(e->pdf, "UTF-8");
	e->utf8 = HPDF_GetEncoder(e->pdf, "UTF-8");

	set_string(e, HPDF_INFO_TITLE, doc->title);
	set_string(e, HPDF_INFO_AUTHOR, doc->author);
	set_string(e, HPDF_INFO_SUBJECT, doc->subject);
	set_string(e, HPDF_INFO_KEYWORDS, doc->keywords);
	set_string(e, HPDF_INFO_CREATOR, "annuaire");
	set_dates(e);
	/* libharu 2.3 has no API for /Lang nor /DisplayDocTitle. */
	if (doc->lang != NULL && *doc->lang != '\0')
		HPDF_Dict_Add(e->pdf->catalog, "Lang",
		    HPDF_String_New(e->pdf->mmgr, doc->lang, NULL));
	if ((prefs = HPDF_Dict_New(e->pdf->mmgr)) != NULL &&
	    HPDF_Dict_Add(e->pdf->catalog, "ViewerPreferences", prefs) ==
	    HPDF_OK)
		HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
	return e->pdf != NULL;
}

/*
 * Save to path (whole file in memory, then written) and free the
 * document.  Nothing is written when an error was reported on the way
 * (an unreadable image or font).  Returns 0 on error (diagnostic
 * appended).
 */
static int
emit_end(struct emit *e, int ok)
{
	HPDF_UINT32	 size, got;
	char		*data = NULL;

	if (e->d->errors > e->errors0)
		ok = 0;
	if (ok && !emit_font_finish(e) && e->nerr == 0) {
		diag_error(e->d, e->out, 0, 0,
		    "cannot complete the embedded fonts");
		ok = 0;
	}
	if (ok && e->nerr == 0 && HPDF_SaveToStream(e->pdf) == HPDF_OK) {
		size = got = HPDF_GetStreamSize(e->pdf);
		data = xmalloc(size ? size : 1);
		/* Returns HPDF_STREAM_EOF when it reads exactly to the end. */
		HPDF_ReadFromStream(e->pdf, (HPDF_BYTE *)data, &got);
		if (e->nerr == 0 && got != size) {
			diag_error(e->d, e->out, 0, 0, "libharu: "
			    "incomplete PDF (%u bytes of %u)", (unsigned)got,
			    (unsigned)size);
			ok = 0;
		} else if (e->nerr == 0 &&
		    !file_write(e->out, data, size)) {
			diag_error(e->d, e->out, 0, 0, "cannot write: %s",
			    strerror(errno));
			ok = 0;
		}
	}
	if (e->nerr > 0) {
		if (e->nerr > 1)
			diag_error(e->d, e->out, 0, 0, "libharu: error 0x%04X "
			    "(detail %u), and others", (unsigned)e->err,
			    (unsigned)e->err_detail);
		else
			diag_error(e->d, e->out, 0, 0, "libharu: error 0x%04X "
			    "(detail %u)", (unsigned)e->err,
			    (unsigned)e->err_detail);
		ok = 0;
	}
	free(data);
	emit_image_free(e);
	if (e->pdf != NULL)
		HPDF_Free(e->pdf);
	e->pdf = NULL;
	return ok;
}

/* ---- drawing ---------------------------------------------------------- */

/* What the content stream has set, to avoid repeating operators. */
struct gstate {
	int		 in_text;
	int		 face;		/* -1: unknown */
	double		 size;
	long		 fill;		/* 0xRRGGBB, -1: unknown */
	long		 stroke;
	double		 lw;		/* -1: unknown */
};

static void
fill_rgb(HPDF_Page pg, struct gstate *g, unsigned int rgb)
{
	HPDF_REAL	 r, gr, b;

	if (g->fill == (long)rgb)
		return;
	rgb_of(rgb, &r, &gr, &b);
	HPDF_Page_SetRGBFill(pg, r, gr, b);
	g->fill = (long)rgb;
}

static void
stroke_rgb(HPDF_Page pg, struct gstate *g, unsigned int rgb, double w)
{
	HPDF_REAL	 r, gr, b;

	if (g->stroke != (long)rgb) {
		rgb_of(rgb, &r, &gr, &b);
		HPDF_Page_SetRGBStroke(pg, r, gr, b);
		g->stroke = (long)rgb;
	}
	if (g->lw != w) {
		HPDF_Page_SetLineWidth(pg, (HPDF_REAL)w);
		g->lw = w;
	}
}

static void
text_end(HPDF_Page pg, struct gstate *g)
{
	if (g->in_text)
		HPDF_Page_EndText(pg);
	g->in_text = 0;
}

/* The text being drawn, run by run (emit_font_runs()). */
struct text_run {
	struct emit		*e;
	HPDF_Page		 pg;
	struct gstate		*g;
	const struct pdf_item	*it;
	int			 started;	/* first run placed */
};

static void
draw_run(void *arg, int fi, const char *t, size_t len)
{
	struct text_run	*r = arg;
	HPDF_Font	 font;
	char		*run, *s;

	if ((font = emit_font_get(r->e, fi)) == NULL)
		return;
	run = xstrndup(t, len);
	s = emit_font_text(r->e, fi, run);
	free(run);
	if (*s != '\0') {
		if (!r->g->in_text)
			HPDF_Page_BeginText(r->pg);
		r->g->in_text = 1;
		if (r->g->face != fi || r->g->size != r->it->size) {
			HPDF_Page_SetFontAndSize(r->pg, font,
			    (HPDF_REAL)r->it->size);
			r->g->face = fi;
			r->g->size = r->it->size;
		}
		fill_rgb(r->pg, r->g, r->it->rgb);
		/* Later runs go on where the previous one ended. */
		if (!r->started)
			HPDF_Page_TextOut(r->pg, (HPDF_REAL)r->it->x,
			    (HPDF_REAL)r->it->y, s);
		else
			HPDF_Page_ShowText(r->pg, s);
		r->started = 1;
	}
	free(s);
}

static void
draw_text(struct emit *e, HPDF_Page pg, struct gstate *g,
    const struct pdf_item *it)
{
	struct text_run	 r = { e, pg, g, it, 0 };

	if (it->text == NULL || it->size <= 0 ||
	    (unsigned)it->face >= FACE__COUNT ||
	    emit_font_get(e, (int)it->face) == NULL)
		return;
	emit_font_runs(e, it->face, it->text, draw_run, &r);
}

static void
draw_item(struct emit *e, HPDF_Page pg, struct gstate *g,
    const struct pdf_item *it)
{
	HPDF_Image	 img;

	if (it->type == ITEM_TEXT) {
		draw_text(e, pg, g, it);
		return;
	}
	if (it->type == ITEM_LINK_URI || it->type == ITEM_LINK_PAGE)
		return;		/* annotations, see add_links() */
	text_end(pg, g);
	switch (it->type) {
	case ITEM_RECT:
		if (!it->fill && it->stroke_w <= 0)
			break;
		if (it->fill)
			fill_rgb(pg, g, it->rgb);
		if (it->stroke_w > 0)
			stroke_rgb(pg, g, it->stroke_rgb, it->stroke_w);
		HPDF_Page_Rectangle(pg, (HPDF_REAL)it->x, (HPDF_REAL)it->y,
		    (HPDF_REAL)it->w, (HPDF_REAL)it->h);
		if (it->fill && it->stroke_w > 0)
			HPDF_Page_FillStroke(pg);
		else if (it->fill)
			HPDF_Page_Fill(pg);
		else
			HPDF_Page_Stroke(pg);
		break;
	case ITEM_LINE:
		if (it->stroke_w <= 0)
			break;
		stroke_rgb(pg, g, it->rgb, it->stroke_w);
		HPDF_Page_MoveTo(pg, (HPDF_REAL)it->x, (HPDF_REAL)it->y);
		HPDF_Page_LineTo(pg, (HPDF_REAL)it->x2, (HPDF_REAL)it->y2);
		HPDF_Page_Stroke(pg);
		break;
	case ITEM_IMAGE:
		if (it->path == NULL || it->w <= 0 || it->h <= 0 ||
		    (img = emit_image_get(e, it)) == NULL)
			break;
		/* Saves and restores the graphics state around "Do". */
		HPDF_Page_DrawImage(pg, img, (HPDF_REAL)it->x,
		    (HPDF_REAL)it->y, (HPDF_REAL)it->w, (HPDF_REAL)it->h);
		break;
	default:
		break;
	}
}

/* Replay the items of page p at its place, clipped. */
static void
draw_page(struct emit *e, const struct pdf_page *p, const struct place *pl)
{
	struct gstate	 g = { 0, -1, 0, -1, -1, -1 };
	HPDF_Page	 pg = pl->page;
	size_t		 i;

	if (p->blank || p->nitems == 0)
		return;
	HPDF_Page_GSave(pg);
	HPDF_Page_Rectangle(pg, (HPDF_REAL)pl->cx, (HPDF_REAL)pl->cy,
	    (HPDF_REAL)pl->cw, (HPDF_REAL)pl->ch);
	HPDF_Page_Clip(pg);
	HPDF_Page_EndPath(pg);
	if (pl->s != 1 || pl->tx != 0 || pl->ty != 0)
		HPDF_Page_Concat(pg, (HPDF_REAL)pl->s, 0, 0, (HPDF_REAL)pl->s,
		    (HPDF_REAL)pl->tx, (HPDF_REAL)pl->ty);
	for (i = 0; i < p->nitems; i++)
		draw_item(e, pg, &g, &p->items[i]);
	text_end(pg, &g);
	HPDF_Page_GRestore(pg);
}

/*
 * A destination [page /XYZ null top null]: keep the reader's zoom and
 * horizontal position.  libharu's HPDF_Destination_SetXYZ rejects a
 * zoom of 0 (null), so the array is rebuilt by hand.
 */
static HPDF_Destination
dest_new(struct emit *e, const struct place *pl, double y)
{
	HPDF_Destination dst;
	HPDF_Null	 n1, n2;

	if ((dst = HPDF_Page_CreateDestination(pl->page)) == NULL)
		return NULL;
	HPDF_Array_Clear(dst);
	n1 = HPDF_Null_New(e->pdf->mmgr);
	n2 = HPDF_Null_New(e->pdf->mmgr);
	if (HPDF_Array_Add(dst, pl->page) != HPDF_OK ||
	    HPDF_Array_AddName(dst, "XYZ") != HPDF_OK ||
	    HPDF_Array_Add(dst, n1) != HPDF_OK ||
	    HPDF_Array_AddReal(dst, (HPDF_REAL)(pl->ty + pl->s * y)) !=
	    HPDF_OK || HPDF_Array_Add(dst, n2) != HPDF_OK)
		return NULL;
	return dst;
}

/*
 * The link annotations of page p placed at pl; where[] gives the place
 * of every source page (internal links).
 */
static void
add_links(struct emit *e, const struct pdf_page *p, const struct place *pl,
    const struct place *where)
{
	const struct pdf_item *it;
	HPDF_Annotation	 a;
	HPDF_Destination dst;
	HPDF_Rect	 r;
	char		*uri;
	size_t		 i;

	if (p->blank)
		return;
	for (i = 0; i < p->nitems; i++) {
		it = &p->items[i];
		if (it->type != ITEM_LINK_URI && it->type != ITEM_LINK_PAGE)
			continue;
		r.left = (HPDF_REAL)(pl->tx + pl->s * it->x);
		r.bottom = (HPDF_REAL)(pl->ty + pl->s * it->y);
		r.right = (HPDF_REAL)(pl->tx + pl->s * (it->x + it->w));
		r.top = (HPDF_REAL)(pl->ty + pl->s * (it->y + it->h));
		a = NULL;
		if (it->type == ITEM_LINK_URI) {
			if (it->uri == NULL || *it->uri == '\0')
				continue;
			uri = uri_ascii(it->uri);
			a = HPDF_Page_CreateURILinkAnnot(pl->page, r, uri);
			free(uri);
		} else if (it->dest_page >= e->doc->npages) {
			diag_error(e->d, it->src_file ? it->src_file : e->out,
			    it->src_pos.line, it->src_pos.col,
			    "internal link to page %zu, after the last one "
			    "(%zu)", it->dest_page + 1,
			    e->doc->npages);
			continue;
		} else if (where[it->dest_page].page != NULL &&
		    (dst = dest_new(e, &where[it->dest_page],
		    it->dest_y)) != NULL)
			a = HPDF_Page_CreateLinkAnnot(pl->page, r, dst);
		if (a != NULL)
			HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	}
}

/* ---- reading order ------------------------------------------------------ */

/* Crop marks at the four corners of the trim box, outside the bleed. */
static void
crop_marks(HPDF_Page pg, double m, double b, double w, double h)
{
	double		 xs[2] = { m, m + w }, ys[2] = { m, m + h };
	double		 dir[2] = { -1, 1 };
	size_t		 i, j;

	HPDF_Page_SetCMYKStroke(pg, 1, 1, 1, 1);	/* registration */
	HPDF_Page_SetLineWidth(pg, MARK_WIDTH);
	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++) {
			/* Horizontal mark on the edge y = ys[j]. */
			HPDF_Page_MoveTo(pg, (HPDF_REAL)(xs[i] + dir[i] * b),
			    (HPDF_REAL)ys[j]);
			HPDF_Page_LineTo(pg,
			    (HPDF_REAL)(xs[i] + dir[i] * (b + MARK_LEN)),
			    (HPDF_REAL)ys[j]);
			/* Vertical mark on the edge x = xs[i]. */
			HPDF_Page_MoveTo(pg, (HPDF_REAL)xs[i],
			    (HPDF_REAL)(ys[j] + dir[j] * b));
			HPDF_Page_LineTo(pg, (HPDF_REAL)xs[i],
			    (HPDF_REAL)(ys[j] + dir[j] * (b + MARK_LEN)));
		}
	HPDF_Page_Stroke(pg);
}

static void
add_box(struct emit *e, HPDF_Page pg, const char *key, double l, double b,
    double r, double t)
{
	HPDF_Box	 box;

	box.left = (HPDF_REAL)l;
	box.bottom = (HPDF_REAL)b;
	box.right = (HPDF_REAL)r;
	box.top = (HPDF_REAL)t;
	HPDF_Dict_Add(pg, key, HPDF_Box_Array_New(e->pdf->mmgr, box));
}

/* Bookmarks, nested by level; a level deeper than parent + 1 is clamped. */
#define OUTLINE_MAX_DEPTH 8

static void
add_outlines(struct emit *e, const struct place *where)
{
	const struct pdf_doc *doc = e->doc;
	const struct pdf_outline *o;
	HPDF_Outline	 stack[OUTLINE_MAX_DEPTH], node;
	HPDF_Destination dst;
	size_t		 i;
	int		 depth = 0, lv;

	for (i = 0; i < doc->noutlines; i++) {
		o = &doc->outlines[i];
		if (o->title == NULL || o->page >= doc->npages)
			continue;
		lv = o->level < 0 ? 0 : o->level;
		if (lv > depth)
			lv = depth;
		if (lv >= OUTLINE_MAX_DEPTH)
			lv = OUTLINE_MAX_DEPTH - 1;
		node = HPDF_CreateOutline(e->pdf, lv ? stack[lv - 1] : NULL,
		    o->title, e->utf8);
		if (node == NULL)
			continue;
		if ((dst = dest_new(e, &where[o->page], o->y)) != NULL)
			HPDF_Outline_SetDestination(node, dst);
		/* Top level open: the categories show their partners. */
		HPDF_Outline_SetOpened(node, lv == 0 ? HPDF_TRUE : HPDF_FALSE);
		stack[lv] = node;
		depth = lv + 1;
	}
	if (doc->noutlines > 0)
		HPDF_SetPageMode(e->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

static void
add_labels(struct emit *e)
{
	const struct pdf_label *l;
	const char	*p;
	HPDF_Dict	 dict;
	size_t		 i;

	for (i = 0; i < e->doc->nlabels; i++) {
		l = &e->doc->labels[i];
		if (l->start >= e->doc->npages)
			continue;
		for (p = l->prefix; p != NULL && *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 ||
			    (unsigned char)*p > 0x7E)
				break;
		if (p != NULL && *p != '\0') {
			diag_warn(e->d, e->out, 0, 0, "page number prefix "
			    "not in ASCII, ignored: %s", l->prefix);
			p = NULL;
		} else
			p = l->prefix;
		if (l->style == 1 || l->style == 2) {
			HPDF_AddPageLabel(e->pdf, (HPDF_UINT)l->start,
			    l->style == 1 ? HPDF_PAGE_NUM_STYLE_DECIMAL :
			    HPDF_PAGE_NUM_STYLE_LOWER_ROMAN,
			    (HPDF_UINT)(l->first > 0 ? l->first : 1), p);
			continue;
		}
		/* No numbering: a label dictionary with the prefix only. */
		if ((dict = HPDF_Dict_New(e->pdf->mmgr)) == NULL)
			continue;
		if (p != NULL && *p != '\0')
			HPDF_Dict_Add(dict, "P",
			    HPDF_String_New(e->pdf->mmgr, p, NULL));
		HPDF_Catalog_AddPageLabel(e->pdf->catalog,
		    (HPDF_UINT)l->start, dict);
	}
}

int
emit_pdf(const struct pdf_doc *doc, const char *path, struct diags *d)
{
	struct emit	 e;
	struct place	*where = NULL;
	double		 b = doc->bleed > 0 ? doc->bleed : 0;
	double		 m = b > 0 ? b + MARK_LEN + MARK_GAP : 0;
	double		 w = doc->page_w, h = doc->page_h;
	size_t		 i;
	int		 ok;

	if (!emit_begin(&e, doc, path, d))
		return 0;
	where = xcalloc(doc->npages, sizeof(*where));
	for (i = 0; i < doc->npages; i++) {
		struct place *pl = &where[i];

		if ((pl->page = HPDF_AddPage(e.pdf)) == NULL)
			break;
		HPDF_Page_SetWidth(pl->page, (HPDF_REAL)(w + 2 * m));
		HPDF_Page_SetHeight(pl->page, (HPDF_REAL)(h + 2 * m));
		pl->tx = pl->ty = m;
		pl->s = 1;
		pl->cx = pl->cy = m - b;
		pl->cw = w + 2 * b;
		pl->ch = h + 2 * b;
		if (b > 0) {
			add_box(&e, pl->page, "TrimBox", m, m, m + w, m + h);
			add_box(&e, pl->page, "BleedBox", m - b, m - b,
			    m + w + b, m + h + b);
		}
	}
	ok = i == doc->npages;
	for (i = 0; ok && i < doc->npages; i++) {
		draw_page(&e, &doc->pages[i], &where[i]);
		if (b > 0)
			crop_marks(where[i].page, m, b, w, h);
		add_links(&e, &doc->pages[i], &where[i], where);
	}
	if (ok) {
		add_outlines(&e, where);
		add_labels(&e);
	}
	free(where);
	return emit_end(&e, ok);
}

/* ---- imposition --------------------------------------------------------- */

int
emit_imposed(const struct pdf_doc *doc, const char *path, struct diags *d)
{
	static const struct pdf_page blank = { NULL, 0, 0, 1, NULL, 0 };
	struct emit	 e;
	struct place	*where = NULL, *slot = NULL;
	HPDF_Page	*side = NULL;
	size_t		 n, nsides, k, s, pn[2], i;
	double		 sc, pw, ph, half = SHEET_W / 2;
	int		 ok = 1;

	if (!emit_begin(&e, doc, path, d))
		return 0;
	n = (doc->npages + 3) / 4 * 4;
	nsides = n / 2;
	sc = fmin(1, fmin(half / doc->page_w, SHEET_H / doc->page_h));
	pw = sc * doc->page_w;
	ph = sc * doc->page_h;
	side = xcalloc(nsides, sizeof(*side));
	/* where[]: the place of every page 0..n-1, padding included. */
	where = xcalloc(n, sizeof(*where));
	for (k = 0; k < nsides && ok; k++) {
		if ((side[k] = HPDF_AddPage(e.pdf)) == NULL) {
			ok = 0;
			break;
		}
		HPDF_Page_SetWidth(side[k], SHEET_W);
		HPDF_Page_SetHeight(side[k], SHEET_H);
		s = k / 2;
		if (k % 2 == 0) {		/* front: N-2s | 2s+1 */
			pn[0] = n - 2 * s;
			pn[1] = 2 * s + 1;
		} else {			/* back: 2s+2 | N-2s-1 */
			pn[0] = 2 * s + 2;
			pn[1] = n - 2 * s - 1;
		}
		for (i = 0; i < 2; i++) {
			slot = &where[pn[i] - 1];
			slot->page = side[k];
			slot->s = sc;
			slot->tx = i == 0 ? half - pw : half;
			slot->ty = (SHEET_H - ph) / 2;
			slot->cx = slot->tx;
			slot->cy = slot->ty;
			slot->cw = pw;
			slot->ch = ph;
		}
	}
	for (i = 0; ok && i < n; i++) {
		const struct pdf_page *p = i < doc->npages ?
		    &doc->pages[i] : &blank;

		draw_page(&e, p, &where[i]);
		add_links(&e, p, &where[i], where);
	}
	free(side);
	free(where);
	return emit_end(&e, ok);
}
