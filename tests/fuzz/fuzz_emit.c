/*
 * fuzz_emit.c — libFuzzer harness of the PDF emitter (pdf_emit*.c) on
 * display lists (pdf.h) made from the input bytes.
 *
 * The first byte chooses the page size (A5 or A4), the bleed, the
 * output (reading order with emit_pdf(), or the imposition with
 * emit_imposed()) and 1 to 4 pages; then every group of bytes adds one
 * thing: a text (UTF-8 from the input, without the control characters
 * and soft hyphens pdf.h rules out, in one of the five faces, at 1 to
 * 64 pt), a rectangle, a line, an image (a PNG logo, a truncated JPEG,
 * a missing file), a link to a URI or to a page (sometimes past the
 * last one), a bookmark, a page label (sometimes with a prefix that is
 * not ASCII), blank pages and metadata.  Coordinates stay finite, from
 * a little off the page to a little past it: the layout never gives
 * anything else.
 *
 * Promises checked:
 *  - emit_*() returns 1, or 0 with an error among the diagnostics (a
 *    link past the last page, an image it cannot read);
 *  - a file it wrote opens with qpdf's library (qpdf-c.h: qpdf_read()
 *    then qpdf_check_pdf(), no error and no warning) and has the
 *    expected number of pages (npages, or the imposition's sheet sides);
 *    built without libqpdf (no HAVE_QPDF), only its first and last
 *    bytes are checked ("%PDF-", "%%EOF").
 * Any breach aborts, keeping the PDF in fuzz_emit.pdf of $TMPDIR.
 *
 * Calls: emit_pdf(), emit_imposed() (pdf.h), pdf_page_add() to build
 * the pages.  Run from the top of the repository (the logo files).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef HAVE_QPDF
#include <qpdf/qpdf-c.h>
#endif

#include "diag.h"
#include "pdf.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define	FONT_DIR	"/usr/share/fonts/truetype/"
static const char *const S_fonts[FACE__COUNT] = {
	FONT_DIR "open-sans/OpenSans-Regular.ttf",
	FONT_DIR "open-sans/OpenSans-Bold.ttf",
	FONT_DIR "open-sans/OpenSans-Italic.ttf",
	FONT_DIR "open-sans/OpenSans-BoldItalic.ttf",
	FONT_DIR "fork-awesome/forkawesome-webfont.ttf",
};
static const char *const S_fallback[4] = {
	FONT_DIR "dejavu/DejaVuSans.ttf",
	FONT_DIR "dejavu/DejaVuSans-Bold.ttf",
	FONT_DIR "dejavu/DejaVuSans-Oblique.ttf",
	FONT_DIR "dejavu/DejaVuSans-BoldOblique.ttf",
};
static const char *const S_images[] = {
	"content/logos/asfir.png",
	"content/logos/gaf-petit-bois.png",
	"tests/regress/logo-truncated-jpeg/content/logos/caf.jpg",
	"tests/fuzz/no-such-image.png",
};

#define	MAXTHINGS	160
#define	MAXSTR		200

struct in {
	const uint8_t	*p;
	size_t		 n;
};

static unsigned int
S_byte(struct in *in)
{
	unsigned int	 b;

	if (in->n == 0)
		return 0;
	b = *in->p++;
	in->n--;
	return b;
}

/* A coordinate from two bytes: -60 to lim + 60 points. */
static double
S_coord(struct in *in, double lim)
{
	unsigned int	 v = S_byte(in) << 8;

	v |= S_byte(in);
	return -60 + (lim + 120) * (double)v / 65535.0;
}

/*
 * A string: a length byte, then that many bytes; what pdf.h rules out
 * of a text is dropped (bytes that are not UTF-8, controls, U+00AD).
 */
static char *
S_str(struct in *in)
{
	struct buf	 b;
	size_t		 len = S_byte(in) % MAXSTR, i, k;
	unsigned int	 cp;
	const char	*s = (const char *)in->p;

	if (len > in->n)
		len = in->n;
	buf_init(&b);
	for (i = 0; i < len; i += k) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			k = 1;
			continue;
		}
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
		    cp == 0xad)
			continue;
		buf_put(&b, s + i, k);
	}
	in->p += len;
	in->n -= len;
	return buf_detach(&b);
}

/* What d owns, freed by the layout's own free (a heap copy of it). */
static void
S_doc_free(struct pdf_doc *d)
{
	struct pdf_doc	*h = xmalloc(sizeof(*h));

	*h = *d;
	layout_free(h);
}

static void
S_thing(struct pdf_doc *d, struct in *in)
{
	unsigned int	 op = S_byte(in);
	struct pdf_page	*pg = &d->pages[(op >> 4) % d->npages];
	struct pdf_item	*it;

	switch (op % 12) {
	case 0: case 1: case 2: case 3:
		it = pdf_page_add(pg);
		it->type = ITEM_TEXT;
		it->face = (enum pdf_face)(S_byte(in) % FACE__COUNT);
		it->size = 1 + S_byte(in) % 64;
		it->rgb = S_byte(in) * 0x010203u & 0xffffff;
		it->x = S_coord(in, d->page_w);
		it->y = S_coord(in, d->page_h);
		it->text = S_str(in);
		it->w = it->size * 0.5 * (double)strlen(it->text);
		it->margin = (int)(op & 1);
		break;
	case 4:
		it = pdf_page_add(pg);
		it->type = ITEM_RECT;
		it->x = S_coord(in, d->page_w);
		it->y = S_coord(in, d->page_h);
		it->w = S_coord(in, d->page_w) + 60;
		it->h = S_coord(in, d->page_h) + 60;
		it->fill = (int)(S_byte(in) & 1);
		it->rgb = S_byte(in) * 0x030201u & 0xffffff;
		it->stroke_rgb = 0x123456;
		it->stroke_w = (S_byte(in) % 8) * 0.25;
		break;
	case 5:
		it = pdf_page_add(pg);
		it->type = ITEM_LINE;
		it->x = S_coord(in, d->page_w);
		it->y = S_coord(in, d->page_h);
		it->x2 = S_coord(in, d->page_w);
		it->y2 = S_coord(in, d->page_h);
		it->stroke_w = (S_byte(in) % 16) * 0.25;
		it->rgb = 0xb3b3b3;
		break;
	case 6:
		it = pdf_page_add(pg);
		it->type = ITEM_IMAGE;
		it->path = xstrdup(S_images[S_byte(in) % 4]);
		it->x = S_coord(in, d->page_w);
		it->y = S_coord(in, d->page_h);
		it->w = 1 + S_byte(in);
		it->h = 1 + S_byte(in);
		break;
	case 7:
		it = pdf_page_add(pg);
		it->type = ITEM_LINK_URI;
		it->x = S_coord(in, d->page_w);
		it->y = S_coord(in, d->page_h);
		it->w = S_byte(in);
		it->h = S_byte(in) % 40;
		it->uri = S_str(in);
		break;
	case 8:
		it = pdf_page_add(pg);
		it->type = ITEM_LINK_PAGE;
		it->x = S_coord(in, d->page_w);
		it->y = S_coord(in, d->page_h);
		it->w = S_byte(in);
		it->h = S_byte(in) % 40;
		/* Now and then past the last page: an error, not a crash. */
		it->dest_page = S_byte(in) % (d->npages + 1);
		it->dest_y = S_coord(in, d->page_h);
		break;
	case 9: {
		struct pdf_outline *o;

		d->outlines = xreallocarray(d->outlines, d->noutlines + 1,
		    sizeof(*d->outlines));
		o = &d->outlines[d->noutlines++];
		o->level = (int)(S_byte(in) % 3);
		if (d->noutlines == 1)
			o->level = 0;
		else if (o->level > d->outlines[d->noutlines - 2].level + 1)
			o->level = d->outlines[d->noutlines - 2].level + 1;
		o->page = S_byte(in) % d->npages;
		o->y = S_coord(in, d->page_h);
		o->title = S_str(in);
		break;
	}
	case 10: {
		struct pdf_label *l;

		d->labels = xreallocarray(d->labels, d->nlabels + 1,
		    sizeof(*d->labels));
		l = &d->labels[d->nlabels];
		l->start = d->nlabels == 0 ? 0 :
		    d->labels[d->nlabels - 1].start + 1 + S_byte(in) % 2;
		l->style = (int)(S_byte(in) % 3);
		l->first = (int)(S_byte(in) % 20);
		l->prefix = (S_byte(in) & 1) ? S_str(in) : NULL;
		d->nlabels++;
		break;
	}
	case 11:
		if (op & 0x10)
			pg->blank = !pg->blank;
		else {
			free(d->title);
			d->title = S_str(in);
		}
		break;
	}
}

static const char *
S_tmp(void)
{
	static char	 path[512];

	if (path[0] == '\0')
		snprintf(path, sizeof(path), "%s/fuzz_emit.%ld.pdf",
		    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp",
		    (long)getpid());
	return path;
}

static void
S_cleanup(void)
{
	(void)unlink(S_tmp());
}

static void
S_fail(const char *what, const char *detail)
{
	char	*keep = xasprintf("%s/fuzz_emit.pdf", getenv("TMPDIR") != NULL ?
	    getenv("TMPDIR") : "/tmp");

	(void)rename(S_tmp(), keep);
	fprintf(stderr, "fuzz_emit: %s%s%s (the PDF: %s)\n", what,
	    detail != NULL ? ": " : "", detail != NULL ? detail : "", keep);
	free(keep);
	abort();
}

/* The PDF written at path opens and checks clean, with npages pages. */
static void
S_check_pdf(const char *path, size_t npages)
{
#ifdef HAVE_QPDF
	qpdf_data	 q = qpdf_init();
	QPDF_ERROR_CODE	 rc;
	char		*msg = NULL;
	int		 n;

	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	qpdf_set_attempt_recovery(q, QPDF_FALSE);
	rc = qpdf_read(q, path, NULL);
	if (rc == QPDF_SUCCESS)
		rc = qpdf_check_pdf(q);
	if (rc == QPDF_SUCCESS && (n = qpdf_get_num_pages(q)) != (int)npages)
		msg = xasprintf("%d pages, not %zu", n, npages);
	if (rc != QPDF_SUCCESS || qpdf_more_warnings(q) || msg != NULL) {
		if (msg == NULL && qpdf_has_error(q))
			msg = xstrdup(qpdf_get_error_full_text(q,
			    qpdf_get_error(q)));
		else if (msg == NULL && qpdf_more_warnings(q))
			msg = xstrdup(qpdf_get_error_full_text(q,
			    qpdf_next_warning(q)));
		S_fail("qpdf does not accept the PDF", msg);
	}
	qpdf_cleanup(&q);
#else
	char	*data;
	size_t	 len;

	(void)npages;
	if (!file_read(path, 64 * 1024 * 1024, &data, &len))
		S_fail("cannot read the PDF back", NULL);
	if (len < 16 || memcmp(data, "%PDF-", 5) != 0 ||
	    strstr(data + len - 16 < data ? data : data + len - 16,
	    "%%EOF") == NULL) {
		free(data);
		S_fail("not a PDF", NULL);
	}
	free(data);
#endif
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int	 registered;
	struct in	 in = { data, size };
	struct pdf_doc	 d;
	struct diags	 dg;
	unsigned int	 head = S_byte(&in);
	size_t		 i, sides;
	int		 imposed, ok;

	if (!registered) {
		registered = 1;
		atexit(S_cleanup);
	}
	memset(&d, 0, sizeof(d));
	d.page_w = (head & 4) ? 595.28 : 419.53;
	d.page_h = (head & 4) ? 841.89 : 595.28;
	d.bleed = (head & 1) ? 8.504 : 0;
	imposed = (head & 2) != 0;
	d.npages = 1 + (head >> 3) % 4;
	d.pages = xcalloc(d.npages, sizeof(*d.pages));
	for (i = 0; i < FACE__COUNT; i++)
		d.font_path[i] = xstrdup(S_fonts[i]);
	for (i = 0; i < 4; i++)
		d.fallback_path[i] = xstrdup(S_fallback[i]);
	d.title = xstrdup("Outil Partenaires 2018");
	d.author = xstrdup("Maison de Quartier");
	d.subject = xstrdup("Annuaire des partenaires");
	d.keywords = xstrdup("Institutionnels, Associatifs");
	d.lang = xstrdup("fr-FR");
	d.date = 1514764800;
	for (i = 0; i < MAXTHINGS && in.n > 0; i++)
		S_thing(&d, &in);

	diags_init(&dg);
	ok = imposed ? emit_imposed(&d, S_tmp(), &dg) :
	    emit_pdf(&d, S_tmp(), &dg);
	if (!ok && dg.errors == 0)
		S_fail("the emitter failed without an error", NULL);
	if (ok && dg.errors > 0) {
		diags_print(&dg, stderr);
		S_fail("the emitter succeeded with errors", NULL);
	}
	if (ok) {
		/* The imposition: the pages padded to a multiple of 4, two a side. */
		sides = imposed ? (d.npages + 3) / 4 * 2 : d.npages;
		S_check_pdf(S_tmp(), sides);
	}
	(void)unlink(S_tmp());
	diags_free(&dg);
	S_doc_free(&d);
	return 0;
}
