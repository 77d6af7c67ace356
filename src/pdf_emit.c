/*
 * pdf_emit.c — the booklet's display list (pdf.h) to PDF with libharu:
 * the reading-order file (emit_pdf), the saddle-stitch imposition
 * (emit_imposed), or all the files of a build from one drawing
 * (emit_files).
 *
 * The content of every page is written and compressed once
 * (pdf_emit_content.c); each file holds it as a Form XObject, drawn on
 * its output page under a clip and a placement (a translation and a
 * scale): "q clip cm /P Do Q".  Links are annotations in the output
 * page's coordinates: their rectangles go through the same placement,
 * and internal links point at wherever the target page lands (in the
 * imposition, a sheet side).
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
#include <unistd.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "fault.h"
#include "pdf_emit.h"
#include "timing.h"
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
    struct emit_shared *sh, struct diags *d)
{
	HPDF_Dict	 prefs;

	memset(e, 0, sizeof(*e));
	e->doc = doc;
	e->sh = sh;
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
 * Copy libharu's saved document (size bytes) to path by pieces, not
 * copying the whole file once more in memory: file_write() semantics
 * (fault_enospc() included).  *got is the number of bytes read.
 * Returns 0 when the file cannot be written (errno set).
 */
static int
S_write_saved(struct emit *e, HPDF_UINT32 size, HPDF_UINT32 *got)
{
	const HPDF_UINT32 csize = 1 << 16;
	HPDF_BYTE	*chunk;
	HPDF_UINT32	 n;
	FILE		*f;
	int		 saved;

	*got = 0;
	if ((f = fopen(e->out, "wb")) == NULL)
		return 0;
	if (fault_enospc()) {	/* tests: a full disk */
		fclose(f);
		errno = ENOSPC;
		return 0;
	}
	chunk = xmalloc(csize);
	while (*got < size) {
		/* Never past the end: read exactly to it, as one read did. */
		n = size - *got < csize ? size - *got : csize;
		HPDF_ReadFromStream(e->pdf, chunk, &n);
		if (n == 0)
			break;
		if (fwrite(chunk, 1, n, f) != n) {
			saved = errno;
			free(chunk);
			fclose(f);
			errno = saved;
			return 0;
		}
		*got += n;
	}
	free(chunk);
	if (fclose(f) != 0)
		return 0;
	return 1;
}

/*
 * Save to path (libharu's stream, then written) and free the
 * document.  Nothing is written when an error was reported on the way
 * (an unreadable image or font).  Returns 0 on error (diagnostic
 * appended).
 */
static int
emit_end(struct emit *e, int ok)
{
	HPDF_UINT32	 size, got;
	int		 written;

	if (e->d->errors > e->errors0)
		ok = 0;
	if (ok && !emit_font_finish(e) && e->nerr == 0) {
		diag_error(e->d, e->out, 0, 0,
		    "cannot complete the embedded fonts");
		ok = 0;
	}
	if (ok && e->nerr == 0 && HPDF_SaveToStream(e->pdf) == HPDF_OK) {
		size = HPDF_GetStreamSize(e->pdf);
		/* Returns HPDF_STREAM_EOF when it reads exactly to the end. */
		written = S_write_saved(e, size, &got);
		if (written && (e->nerr > 0 || got != size))
			(void)unlink(e->out);	/* nothing half written */
		if (e->nerr == 0 && written && got != size) {
			diag_error(e->d, e->out, 0, 0, "libharu: "
			    "incomplete PDF (%u bytes of %u)", (unsigned)got,
			    (unsigned)size);
			ok = 0;
		} else if (e->nerr == 0 && !written) {
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
	emit_image_free(e);
	emit_tag_free(e);
	if (e->pdf != NULL)
		HPDF_Free(e->pdf);
	e->pdf = NULL;
	/* After HPDF_Free: its streams read these. */
	free(e->rd);
	e->rd = NULL;
	buf_free(&e->wrap);
	free(e->annot);
	e->annot = NULL;
	return ok;
}

/* ---- placing the pages ------------------------------------------------- */

/*
 * libharu writes the keys of a stream dictionary, then calls this: the
 * forms' data is compressed already (pdf_emit_content.c), so their
 * filter is NONE for libharu, which would drop a /Filter key of ours.
 */
static HPDF_STATUS
S_write_flate(HPDF_Dict dict, HPDF_Stream stream)
{
	(void)dict;
	return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* The resources of every form of the file: filled by S_resources(). */
static int
S_resources_new(struct emit *e)
{
	if ((e->res = HPDF_Dict_New(e->pdf->mmgr)) == NULL ||
	    HPDF_Xref_Add(e->pdf->xref, e->res) != HPDF_OK) {
		e->res = NULL;
		return 0;
	}
	return 1;
}

/* /Font /F<i> and /XObject /I<k> of every loaded font and image. */
static int
S_resources(struct emit *e)
{
	HPDF_Dict	 fonts, images;
	char		 name[32];
	size_t		 i;
	int		 ok = 1;

	if ((fonts = HPDF_Dict_New(e->pdf->mmgr)) == NULL ||
	    HPDF_Dict_Add(e->res, "Font", fonts) != HPDF_OK ||
	    (images = HPDF_Dict_New(e->pdf->mmgr)) == NULL ||
	    HPDF_Dict_Add(e->res, "XObject", images) != HPDF_OK)
		return 0;
	for (i = 0; ok && i < EMIT_NFONTS; i++) {
		if (e->font[i].font == NULL)
			continue;
		snprintf(name, sizeof(name), "F%zu", i);
		ok = HPDF_Dict_Add(fonts, name, e->font[i].font) == HPDF_OK;
	}
	for (i = 0; ok && i < e->nimg; i++) {
		if (e->img[i].image == NULL)
			continue;
		snprintf(name, sizeof(name), "I%zu", i);
		ok = HPDF_Dict_Add(images, name, e->img[i].image) == HPDF_OK;
	}
	return ok;
}

/*
 * Make the page contents of e->sh ready for this file: drawn (the first
 * file), or their fonts and images loaded in the order of their names.
 * Returns 0 on error.
 */
static int
S_contents_ready(struct emit *e)
{
	struct emit_shared *sh = e->sh;
	struct pdf_item	 it;
	size_t		 i, k;

	if (!S_resources_new(e))
		return 0;
	if (!sh->built)
		return emit_content_build(e, sh);
	memset(&it, 0, sizeof(it));
	it.type = ITEM_IMAGE;
	for (k = 0; k < sh->nimg; k++) {
		it.path = sh->img[k];
		emit_image_index(e, &it);
	}
	for (i = 0; i < EMIT_NFONTS; i++)
		for (k = 0; k < sizeof(sh->used[i]); k++)
			if (sh->used[i][k] != 0) {
				emit_font_get(e, (int)i);
				break;
			}
	return 1;
}

/* libharu's reading of an emit_reader (HPDF_CallbackReader). */
static HPDF_STATUS
S_rd_read(HPDF_Stream st, HPDF_BYTE *ptr, HPDF_UINT *siz)
{
	struct emit_reader *r = st->attr;
	size_t		 n = r->len - r->pos;

	if (n > *siz)
		n = *siz;
	memcpy(ptr, *r->base + r->off + r->pos, n);
	r->pos += n;
	*siz = (HPDF_UINT)n;
	return r->pos == r->len ? HPDF_STREAM_EOF : HPDF_OK;
}

static HPDF_STATUS
S_rd_seek(HPDF_Stream st, HPDF_INT pos, HPDF_WhenceMode mode)
{
	struct emit_reader *r = st->attr;
	long long	 to = mode == HPDF_SEEK_CUR ? (long long)r->pos + pos :
			    mode == HPDF_SEEK_END ? (long long)r->len + pos : pos;

	if (to < 0 || (size_t)to > r->len)
		return HPDF_SetError(st->error, HPDF_STREAM_EOF, 0);
	r->pos = (size_t)to;
	return HPDF_OK;
}

static HPDF_INT32
S_rd_tell(HPDF_Stream st)
{
	return (HPDF_INT32)((struct emit_reader *)st->attr)->pos;
}

static HPDF_UINT32
S_rd_size(HPDF_Stream st)
{
	return (HPDF_UINT32)((struct emit_reader *)st->attr)->len;
}

/*
 * Make the data of stream object obj the len bytes at off in *base,
 * read by libharu when it saves, in place of its memory stream (which
 * takes 4 kB per stream and copies byte by byte).  Returns 0 on error.
 */
static int
S_stream_from(struct emit *e, HPDF_Dict obj, char *const *base, size_t off,
    size_t len)
{
	struct emit_reader *r;
	HPDF_Stream	 st;
	size_t		 i;

	if (e->nrd == e->caprd)		/* sized by the caller: pointed at */
		return 0;
	i = e->nrd;
	r = &e->rd[i];
	r->base = base;
	r->off = off;
	r->len = len;
	r->pos = 0;
	if ((st = HPDF_CallbackReader_New(e->pdf->mmgr, S_rd_read, S_rd_seek,
	    S_rd_tell, S_rd_size, r)) == NULL)
		return 0;
	e->nrd++;
	HPDF_Stream_Free(obj->stream);
	obj->stream = st;
	return 1;
}

/* The form of page i in this file: its compressed content. */
static HPDF_Dict
S_page_form(struct emit *e, const struct emit_body *body)
{
	HPDF_Dict	 f;
	HPDF_Box	 box;
	double		 w = e->doc->page_w, h = e->doc->page_h;

	if ((f = HPDF_DictStream_New(e->pdf->mmgr, e->pdf->xref)) == NULL)
		return NULL;
	f->filter = HPDF_STREAM_FILTER_NONE;
	f->write_fn = S_write_flate;
	if (!S_stream_from(e, f, (char *const *)&body->z, 0, body->len))
		return NULL;
	/* Wide enough for anything: the placement clips. */
	box.left = (HPDF_REAL)-w;
	box.bottom = (HPDF_REAL)-h;
	box.right = (HPDF_REAL)(2 * w);
	box.top = (HPDF_REAL)(2 * h);
	if (HPDF_Dict_AddName(f, "Type", "XObject") != HPDF_OK ||
	    HPDF_Dict_AddName(f, "Subtype", "Form") != HPDF_OK ||
	    HPDF_Dict_Add(f, "BBox", HPDF_Box_Array_New(e->pdf->mmgr, box)) !=
	    HPDF_OK || HPDF_Dict_Add(f, "Resources", e->res) != HPDF_OK)
		return NULL;
	return f;
}

/*
 * Draw page i at its place pl: append to b (the content of the output
 * page) the clip, the placement and the form, named `name` in the
 * output page's resources.  Returns 0 on error.
 */
static int
S_page_place(struct emit *e, size_t i, const struct place *pl,
    const char *name, struct buf *b)
{
	const struct emit_body *body;
	HPDF_Dict	 form, res, xo;

	if (i >= e->sh->npages || (body = &e->sh->body[i])->z == NULL)
		return 1;	/* blank */
	if ((form = S_page_form(e, body)) == NULL ||
	    (res = HPDF_Dict_GetItem(pl->page, "Resources",
	    HPDF_OCLASS_DICT)) == NULL)
		return 0;
	if ((xo = HPDF_Dict_GetItem(res, "XObject", HPDF_OCLASS_DICT)) ==
	    NULL && ((xo = HPDF_Dict_New(e->pdf->mmgr)) == NULL ||
	    HPDF_Dict_Add(res, "XObject", xo) != HPDF_OK))
		return 0;
	if (HPDF_Dict_Add(xo, name, form) != HPDF_OK)
		return 0;
	buf_puts(b, "q\n");
	emit_num(b, pl->cx, ' ');
	emit_num(b, pl->cy, ' ');
	emit_num(b, pl->cw, ' ');
	emit_num(b, pl->ch, ' ');
	buf_puts(b, "re W n\n");
	if (pl->s != 1 || pl->tx != 0 || pl->ty != 0) {
		emit_num(b, pl->s, ' ');
		buf_puts(b, "0 0 ");
		emit_num(b, pl->s, ' ');
		emit_num(b, pl->tx, ' ');
		emit_num(b, pl->ty, ' ');
		buf_puts(b, "cm\n");
	}
	buf_printf(b, "/%s Do\nQ\n", name);
	return 1;
}

/* The content of output page pg: the bytes of e->wrap from off on. */
static int
S_page_write(struct emit *e, HPDF_Page pg, size_t off)
{
	HPDF_PageAttr	 attr = (HPDF_PageAttr)pg->attr;

	attr->contents->filter = HPDF_STREAM_FILTER_NONE;
	if (!S_stream_from(e, attr->contents, &e->wrap.data, off,
	    e->wrap.len - off))
		return 0;
	attr->stream = attr->contents->stream;
	return 1;
}

/*
 * A tagged file's page i: its content is the page's drawing itself
 * (no form), with the forms' resources.  Returns 0 on error.
 */
static int
S_page_own(struct emit *e, size_t i, HPDF_Page pg)
{
	HPDF_PageAttr	 attr = (HPDF_PageAttr)pg->attr;
	const struct emit_body *body = &e->sh->body[i];

	if (body->z == NULL)
		return 1;	/* blank: libharu's empty content */
	attr->contents->filter = HPDF_STREAM_FILTER_NONE;
	attr->contents->write_fn = S_write_flate;
	if (!S_stream_from(e, attr->contents, (char *const *)&body->z, 0,
	    body->len))
		return 0;
	attr->stream = attr->contents->stream;
	return HPDF_Dict_Add(pg, "Resources", e->res) == HPDF_OK;
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
 * A tagged file: annotation a (or NULL) of link item it is recorded
 * for the structure tree, with its /Contents (the address, or the page
 * it goes to).
 */
static void
S_annot_tagged(struct emit *e, HPDF_Annotation a, const struct pdf_item *it)
{
	char		*s;

	if (e->nannot == e->capannot) {
		e->capannot = e->capannot ? 2 * e->capannot : 256;
		e->annot = xreallocarray(e->annot, e->capannot,
		    sizeof(*e->annot));
	}
	e->annot[e->nannot++] = a;
	if (a == NULL)
		return;
	if (it->type == ITEM_LINK_URI)
		s = xstrdup(strncmp(it->uri, "mailto:", 7) == 0 ?
		    it->uri + 7 : strncmp(it->uri, "tel:", 4) == 0 ?
		    it->uri + 4 : it->uri);
	else
		s = xasprintf("Page %zu", it->dest_page + 1);
	HPDF_Dict_Add(a, "Contents", HPDF_String_New(e->pdf->mmgr, s,
	    e->utf8));
	free(s);
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
		if (e->tagged)
			S_annot_tagged(e, a, it);
	}
}

/* ---- reading order ------------------------------------------------------ */

/* Crop marks at the four corners of the trim box, outside the bleed. */
static void
crop_marks(struct buf *bf, double m, double b, double w, double h)
{
	double		 xs[2] = { m, m + w }, ys[2] = { m, m + h };
	double		 dir[2] = { -1, 1 };
	size_t		 i, j;

	buf_puts(bf, "1 1 1 1 K\n");	/* registration */
	emit_num(bf, MARK_WIDTH, ' ');
	buf_puts(bf, "w\n");
	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++) {
			/* Horizontal mark on the edge y = ys[j]. */
			emit_num(bf, xs[i] + dir[i] * b, ' ');
			emit_num(bf, ys[j], ' ');
			buf_puts(bf, "m ");
			emit_num(bf, xs[i] + dir[i] * (b + MARK_LEN), ' ');
			emit_num(bf, ys[j], ' ');
			buf_puts(bf, "l\n");
			/* Vertical mark on the edge x = xs[i]. */
			emit_num(bf, xs[i], ' ');
			emit_num(bf, ys[j] + dir[j] * b, ' ');
			buf_puts(bf, "m ");
			emit_num(bf, xs[i], ' ');
			emit_num(bf, ys[j] + dir[j] * (b + MARK_LEN), ' ');
			buf_puts(bf, "l\n");
		}
	buf_puts(bf, "S\n");
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

/* The reading-order file, with a bleed of b points (0: none). */
static int
S_reading(const struct pdf_doc *doc, const char *path, double b,
    struct emit_shared *sh, struct diags *d)
{
	struct emit	 e;
	struct place	*where = NULL;
	double		 m = b > 0 ? b + MARK_LEN + MARK_GAP : 0;
	double		 w = doc->page_w, h = doc->page_h;
	size_t		 i;
	int		 ok;

	if (b < 0)
		b = 0;
	if (!emit_begin(&e, doc, path, sh, d))
		return 0;
	/* Tagged: the file without bleed, of a document with a structure
	   tree; its pages hold their content themselves (MCIDs are the
	   page's), not in a form. */
	if (b == 0 && doc->nnodes > 0) {
		e.tagged = 1;
		e.pdf->pdf_version = HPDF_VER_17;	/* PDF/UA-1 */
	}
	if (!S_contents_ready(&e))
		return emit_end(&e, 0);
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
	e.caprd = 2 * doc->npages;	/* a form and a content per page */
	e.rd = xcalloc(e.caprd, sizeof(*e.rd));
	for (i = 0; ok && i < doc->npages; i++) {
		size_t	 off = e.wrap.len;

		if (e.tagged)
			ok = S_page_own(&e, i, where[i].page);
		else {
			ok = S_page_place(&e, i, &where[i], "P", &e.wrap);
			if (b > 0)
				crop_marks(&e.wrap, m, b, w, h);
			ok = ok && S_page_write(&e, where[i].page, off);
		}
		add_links(&e, &doc->pages[i], &where[i], where);
	}
	if (ok) {
		add_outlines(&e, where);
		add_labels(&e);
		ok = S_resources(&e);
	}
	if (ok && e.tagged) {
		HPDF_Page *pages = xcalloc(doc->npages, sizeof(*pages));

		for (i = 0; i < doc->npages; i++)
			pages[i] = where[i].page;
		if (!(ok = emit_tag(&e, pages)) && e.nerr == 0)
			diag_error(d, path, 0, 0, "cannot write the PDF's "
			    "structure tree");
		free(pages);
	}
	free(where);
	return emit_end(&e, ok);
}

/* The saddle-stitch imposition (see emit_imposed() in pdf.h). */
static int
S_imposed(const struct pdf_doc *doc, const char *path,
    struct emit_shared *sh, struct diags *d)
{
	static const struct pdf_page blank = { NULL, 0, 0, 1, NULL, 0 };
	static const char *const name[2] = { "L", "R" };
	struct emit	 e;
	struct place	*where = NULL, *slot = NULL;
	HPDF_Page	 side;
	size_t		 off;
	size_t		 n, nsides, k, s, pn[2], i, j;
	double		 sc, pw, ph, half = SHEET_W / 2;
	int		 ok = 1;

	if (!emit_begin(&e, doc, path, sh, d))
		return 0;
	if (!S_contents_ready(&e))
		return emit_end(&e, 0);
	n = (doc->npages + 3) / 4 * 4;
	nsides = n / 2;
	sc = fmin(1, fmin(half / doc->page_w, SHEET_H / doc->page_h));
	pw = sc * doc->page_w;
	ph = sc * doc->page_h;
	/* where[]: the place of every page 0..n-1, padding included. */
	where = xcalloc(n, sizeof(*where));
	e.caprd = doc->npages + nsides;	/* the forms, the sides' contents */
	e.rd = xcalloc(e.caprd, sizeof(*e.rd));
	for (k = 0; k < nsides && ok; k++) {
		if ((side = HPDF_AddPage(e.pdf)) == NULL) {
			ok = 0;
			break;
		}
		HPDF_Page_SetWidth(side, SHEET_W);
		HPDF_Page_SetHeight(side, SHEET_H);
		s = k / 2;
		if (k % 2 == 0) {		/* front: N-2s | 2s+1 */
			pn[0] = n - 2 * s;
			pn[1] = 2 * s + 1;
		} else {			/* back: 2s+2 | N-2s-1 */
			pn[0] = 2 * s + 2;
			pn[1] = n - 2 * s - 1;
		}
		off = e.wrap.len;
		/* Drawn in reading order, as text extraction expects. */
		for (j = 0; j < 2 && ok; j++) {
			i = pn[0] < pn[1] ? j : 1 - j;
			slot = &where[pn[i] - 1];
			slot->page = side;
			slot->s = sc;
			slot->tx = i == 0 ? half - pw : half;
			slot->ty = (SHEET_H - ph) / 2;
			slot->cx = slot->tx;
			slot->cy = slot->ty;
			slot->cw = pw;
			slot->ch = ph;
			ok = S_page_place(&e, pn[i] - 1, slot, name[i],
			    &e.wrap);
		}
		ok = ok && S_page_write(&e, side, off);
	}
	for (i = 0; ok && i < n; i++)
		add_links(&e, i < doc->npages ? &doc->pages[i] : &blank,
		    &where[i], where);
	if (ok)
		ok = S_resources(&e);
	free(where);
	return emit_end(&e, ok);
}

int
emit_pdf(const struct pdf_doc *doc, const char *path, struct diags *d)
{
	struct emit_shared *sh = xcalloc(1, sizeof(*sh));
	int		 ok;

	ok = S_reading(doc, path, doc->bleed, sh, d);
	emit_shared_free(sh);
	return ok;
}

int
emit_imposed(const struct pdf_doc *doc, const char *path, struct diags *d)
{
	struct emit_shared *sh = xcalloc(1, sizeof(*sh));
	int		 ok;

	ok = S_imposed(doc, path, sh, d);
	emit_shared_free(sh);
	return ok;
}

int
emit_files(struct pdf_doc *doc, const char *pdf, const char *imposed,
    const char *bleed_path, double bleed, struct diags *d)
{
	struct emit_shared *sh = xcalloc(1, sizeof(*sh));
	int		 ok = 1;

	sh->drop = doc;		/* each page's items, once drawn */
	if (pdf != NULL) {
		ok = S_reading(doc, pdf, 0, sh, d);
		timing_mark_file("write", pdf);
	}
	if (ok && imposed != NULL) {
		ok = S_imposed(doc, imposed, sh, d);
		timing_mark_file("write", imposed);
	}
	if (ok && bleed_path != NULL) {
		ok = S_reading(doc, bleed_path, bleed, sh, d);
		timing_mark_file("write", bleed_path);
	}
	emit_shared_free(sh);
	return ok;
}
