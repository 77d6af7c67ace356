/*
 * test_emit.c — the PDF emitter (src/pdf_emit*.c) on a hand-built
 * display list, checked with real readers: qpdf, pdftotext, pdffonts,
 * pdfinfo, pdfimages and pdftoppm (poppler-utils, qpdf).
 *
 * The group setup writes, into $T_TMP: the reading-order file twice
 * (one second apart, for byte-identity), the print-shop variant with
 * bleed, and the imposition.  Each test then reads one property back.
 * Every test is skipped when the fonts are not installed.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <png.h>

#include "pdf.h"
#include "pdf_emit.h"
#include "util.h"
#include "unit.h"

#define A5_W	419.53
#define A5_H	595.28
#define BLEED	8.504

/* Text that must survive extraction: accents, « », ’, œ, U+202F, U+00A0. */
#define TEXT_FR	"Été « œuvre » l’été\xE2\x80\xAF" "; à ç è ÉÈÀÇŒ «\xC2\xA0" "citation\xC2\xA0" "»"
/* What pdftotext gives back: poppler turns every space into U+0020. */
#define TEXT_FR_EXTRACTED "Été « œuvre » l’été ; à ç è ÉÈÀÇŒ « citation »"
/* Parentheses, backslash and č (U+010D: its low byte is CR). */
#define TEXT_ESC "Échappements : (a) \\ č Ĩĩ Ŝ"
#define TITLE	"Annuaire des partenaires — Versailles « Été »"

struct fixture {
	char	 dir[512];
	char	 pdf[600], pdf2[600], bleed[600], imposed[600];
	int	 ok, ok2, okb, oki;	/* emit_*() results */
	size_t	 ndiags;		/* diagnostics of the four runs */
};

/* ---- helpers -------------------------------------------------------- */

/* Write a w x h PNG; px(x, y, c) gives channel c (16-bit scale if deep). */
typedef unsigned int (*px_fn)(unsigned int x, unsigned int y, int c);

static void
png_write(const char *path, unsigned int w, unsigned int h, int type,
    int depth, int interlace, px_fn px)
{
	FILE		*f = fopen(path, "wb");
	png_structp	 png;
	png_infop	 info;
	png_color	 pal[2] = { { 255, 0, 255 }, { 0, 255, 255 } };
	png_byte	 trns[2] = { 255, 0 };
	unsigned char	*row;
	int		 ch, c, pass, npass;
	unsigned int	 x, y, v;

	assert_non_null(f);
	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	info = png_create_info_struct(png);
	assert_non_null(info);
	if (setjmp(png_jmpbuf(png)))
		fail_msg("libpng error writing %s", path);
	png_init_io(png, f);
	png_set_IHDR(png, info, w, h, depth, type, interlace ?
	    PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
	    PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	if (type == PNG_COLOR_TYPE_PALETTE) {
		png_set_PLTE(png, info, pal, 2);
		png_set_tRNS(png, info, trns, 2, NULL);
	}
	png_write_info(png, info);
	if (depth < 8)
		png_set_packing(png);
	ch = type == PNG_COLOR_TYPE_RGB_ALPHA ? 4 : type == PNG_COLOR_TYPE_RGB
	    ? 3 : type == PNG_COLOR_TYPE_GRAY_ALPHA ? 2 : 1;
	row = xmalloc((size_t)w * ch * 2);
	npass = interlace ? png_set_interlace_handling(png) : 1;
	for (pass = 0; pass < npass; pass++)
		for (y = 0; y < h; y++) {
			for (x = 0; x < w; x++)
				for (c = 0; c < ch; c++) {
					v = px(x, y, c);
					if (depth == 16) {
						row[(x * ch + c) * 2] = v >> 8;
						row[(x * ch + c) * 2 + 1] = v & 0xFF;
					} else
						row[x * ch + c] = (unsigned char)v;
				}
			png_write_row(png, row);
		}
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	free(row);
	fclose(f);
}

/* Red, left half opaque, right half transparent. */
static unsigned int
px_rgba(unsigned int x, unsigned int y, int c)
{
	(void)y;
	return c == 0 ? 255 : c == 3 ? (x < 8 ? 255 : 0) : 0;
}

/* 16-bit green. */
static unsigned int
px_rgb16(unsigned int x, unsigned int y, int c)
{
	(void)x;
	(void)y;
	return c == 1 ? 0xFFFF : 0x0000;
}

/* Interlaced: top half blue, bottom half yellow. */
static unsigned int
px_interlaced(unsigned int x, unsigned int y, int c)
{
	(void)x;
	if (y < 8)
		return c == 2 ? 255 : 0;
	return c == 2 ? 0 : 255;
}

/* Palette: left half index 0 (magenta), right half 1 (transparent). */
static unsigned int
px_palette(unsigned int x, unsigned int y, int c)
{
	(void)y;
	(void)c;
	return x < 8 ? 0 : 1;
}

/* 16-bit gray 0x4040. */
static unsigned int
px_gray16(unsigned int x, unsigned int y, int c)
{
	(void)x;
	(void)y;
	(void)c;
	return 0x4040;
}

static const char *const images[] = {
	"rgba8.png", "rgb16.png", "interlaced.png", "palette.png",
	"gray16.png", "photo.jpg"
};
#define NIMAGES (sizeof(images) / sizeof(images[0]))
#define IMG_X(i) (30.0 + 60.0 * (i))
#define IMG_Y	400.0
#define IMG_S	48.0

static struct pdf_item *
add_text(struct pdf_page *p, enum pdf_face face, double x, double y,
    double size, unsigned int rgb, const char *s)
{
	struct pdf_item *it = pdf_page_add(p);

	it->type = ITEM_TEXT;
	it->face = face;
	it->x = x;
	it->y = y;
	it->size = size;
	it->rgb = rgb;
	it->text = xstrdup(s);
	return it;
}

/* An item of the given type with its box (x, y, w, h) on page p. */
static struct pdf_item *
add_box(struct pdf_page *p, enum pdf_item_type type, double x, double y,
    double w, double h)
{
	struct pdf_item *it = pdf_page_add(p);

	it->type = type;
	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	return it;
}

/* The test document: 6 pages, the last one blank. */
static struct pdf_doc *
doc_build(const char *dir)
{
	struct pdf_doc	*doc = unit_doc(A5_W, A5_H, 6);
	struct pdf_page	*p;
	struct pdf_item	*it;
	char		 folio[32];
	size_t		 i;

	for (i = 0; i < 5; i++) {
		p = &doc->pages[i];
		snprintf(folio, sizeof(folio), "page-%zu", i + 1);
		add_text(p, FACE_REGULAR, A5_W / 2 - 20, 30, 9, 0x333333,
		    folio);
		p->folio = (int)i + 1;
	}
	doc->pages[5].blank = 1;

	/* Page 1: full-bleed band, text in every face, rules, links. */
	p = &doc->pages[0];
	it = add_box(p, ITEM_RECT, -BLEED, A5_H - 80,
	    A5_W + 2 * BLEED, 80 + BLEED);
	it->fill = 1;
	it->rgb = 0x1F5FA0;
	add_text(p, FACE_REGULAR, 40, 450, 12, 0x000000, TEXT_FR);
	add_text(p, FACE_BOLD, 40, 420, 12, 0xAA0000, "Gras : Maison des Solidarités");
	add_text(p, FACE_ITALIC, 40, 400, 12, 0x000000, "Italique : cœur");
	add_text(p, FACE_BOLDITALIC, 40, 380, 12, 0x000000, "Gras italique");
	add_text(p, FACE_ICON, 40, 360, 12, 0x000000, "\xEF\x82\x95");
	/* Bytes to escape in a literal string: ( ) \ and CR, as codes
	 * or as the low byte of U+0128 U+0129 U+015C U+010D. */
	add_text(p, FACE_REGULAR, 40, 330, 12, 0x000000, TEXT_ESC);
	it = pdf_page_add(p);
	it->type = ITEM_LINE;
	it->x = 40;
	it->y = 340;
	it->x2 = 380;
	it->y2 = 340;
	it->stroke_w = 0.5;
	it->rgb = 0x777777;
	it = add_box(p, ITEM_RECT, 40, 200, 200, 100);
	it->stroke_w = 1;
	it->stroke_rgb = 0x00AA00;
	add_text(p, FACE_REGULAR, 40, 250, 10, 0x0000AA, "https://exemple.fr/été");
	it = add_box(p, ITEM_LINK_URI, 40, 246, 150, 14);
	it->uri = xstrdup("https://exemple.fr/été");
	it = add_box(p, ITEM_LINK_URI, 40, 226, 150, 14);
	it->uri = xstrdup("mailto:accueil@exemple.fr");
	add_text(p, FACE_REGULAR, 40, 210, 10, 0x0000AA, "voir page 3");
	it = add_box(p, ITEM_LINK_PAGE, 40, 206, 80, 14);
	it->dest_page = 2;
	it->dest_y = 500;

	/* Page 2: the images. */
	p = &doc->pages[1];
	for (i = 0; i < NIMAGES; i++) {
		it = pdf_page_add(p);
		it->type = ITEM_IMAGE;
		it->x = IMG_X(i);
		it->y = IMG_Y;
		it->w = it->h = IMG_S;
		it->path = path_join(dir, images[i]);
	}
	/* The same file twice: loaded once. */
	it = pdf_page_add(p);
	it->type = ITEM_IMAGE;
	it->x = 30;
	it->y = 100;
	it->w = it->h = 24;
	it->path = path_join(dir, images[0]);

	add_text(&doc->pages[2], FACE_BOLD, 40, 500, 14, 0, "Destination");
	add_text(&doc->pages[3], FACE_REGULAR, 40, 500, 11, 0, "Quatrième");
	add_text(&doc->pages[4], FACE_REGULAR, 40, 500, 11, 0, "Index");

	doc->noutlines = 3;
	doc->outlines = xcalloc(doc->noutlines, sizeof(*doc->outlines));
	doc->outlines[0] = (struct pdf_outline){ xstrdup("Catégorie « A »"),
	    0, 0, A5_H };
	doc->outlines[1] = (struct pdf_outline){ xstrdup("Partenaire œuvre"),
	    1, 2, 500 };
	doc->outlines[2] = (struct pdf_outline){ xstrdup("Index"), 0, 4,
	    A5_H };
	doc->nlabels = 2;
	doc->labels = xcalloc(doc->nlabels, sizeof(*doc->labels));
	doc->labels[0] = (struct pdf_label){ 0, 0, 1, xstrdup("Couverture") };
	doc->labels[1] = (struct pdf_label){ 1, 1, 1, NULL };
	doc->title = xstrdup(TITLE);
	doc->author = xstrdup("Centre social de Versailles");
	doc->subject = xstrdup("Annuaire des partenaires, édition 2018");
	doc->keywords = xstrdup("social, santé, emploi");
	doc->lang = xstrdup("fr-FR");
	doc->date = 1521115200;		/* 2018-03-15 12:00:00 UTC */
	return doc;
}

/* The layout's own free: it knows every field a document owns. */
static void
doc_free(struct pdf_doc *doc)
{
	layout_free(doc);
}

static int
setup(void **state)
{
	struct fixture	*fx;
	struct pdf_doc	*doc;
	struct diags	 d;
	const char	*tmp = getenv("T_TMP");
	char		*p;
	int		 st;

	if (!unit_have_fonts()) {
		*state = NULL;
		return 0;
	}
	fx = xcalloc(1, sizeof(*fx));
	snprintf(fx->dir, sizeof(fx->dir), "%s/emit.XXXXXX",
	    tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	snprintf(fx->pdf, sizeof(fx->pdf), "%s/livret.pdf", fx->dir);
	snprintf(fx->pdf2, sizeof(fx->pdf2), "%s/livret2.pdf", fx->dir);
	snprintf(fx->bleed, sizeof(fx->bleed), "%s/livret-fonds.pdf", fx->dir);
	snprintf(fx->imposed, sizeof(fx->imposed), "%s/livret-impression.pdf",
	    fx->dir);

	p = path_join(fx->dir, "rgba8.png");
	png_write(p, 16, 16, PNG_COLOR_TYPE_RGB_ALPHA, 8, 0, px_rgba);
	free(p);
	p = path_join(fx->dir, "rgb16.png");
	png_write(p, 16, 16, PNG_COLOR_TYPE_RGB, 16, 0, px_rgb16);
	free(p);
	p = path_join(fx->dir, "interlaced.png");
	png_write(p, 16, 16, PNG_COLOR_TYPE_RGB, 8, 1, px_interlaced);
	free(p);
	p = path_join(fx->dir, "palette.png");
	png_write(p, 16, 16, PNG_COLOR_TYPE_PALETTE, 4, 0, px_palette);
	free(p);
	p = path_join(fx->dir, "gray16.png");
	png_write(p, 16, 16, PNG_COLOR_TYPE_GRAY, 16, 0, px_gray16);
	free(p);
	/* A JPEG from ImageMagick (orange). */
	free(unit_run(&st, "convert -size 16x16 xc:'#FF8000' '%s/photo.jpg' 2>&1",
	    fx->dir));
	if (st != 0)
		return -1;

	diags_init(&d);
	doc = doc_build(fx->dir);
	fx->ok = emit_pdf(doc, fx->pdf, &d);
	sleep(1);	/* a different wall clock for the second build */
	fx->ok2 = emit_pdf(doc, fx->pdf2, &d);
	fx->oki = emit_imposed(doc, fx->imposed, &d);
	doc->bleed = BLEED;
	fx->okb = emit_pdf(doc, fx->bleed, &d);
	fx->ndiags = d.n;
	diags_free(&d);
	doc_free(doc);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	free(*state);
	return 0;
}

#define FIXTURE(fx) struct fixture *fx = *state;			\
	do {								\
		if (fx == NULL) {					\
			skip();						\
			return;						\
		}							\
	} while (0)

/* Fail with the output when needle is absent. */
static void
assert_has(const char *hay, const char *needle)
{
	if (strstr(hay, needle) == NULL)
		fail_msg("missing \"%s\" in:\n%.3000s", needle, hay);
}

/* ---- reading order ---------------------------------------------------- */

static void
test_emit_ok(void **state)
{
	FIXTURE(fx);
	assert_int_equal(fx->ok, 1);
	assert_int_equal(fx->ok2, 1);
	assert_int_equal(fx->oki, 1);
	assert_int_equal(fx->okb, 1);
	assert_int_equal(fx->ndiags, 0);
}

static void
test_qpdf_check(void **state)
{
	const char	*f[4];
	char		*out;
	int		 st;
	size_t		 i;

	FIXTURE(fx);
	f[0] = fx->pdf, f[1] = fx->pdf2, f[2] = fx->bleed, f[3] = fx->imposed;
	for (i = 0; i < 4; i++) {
		out = unit_run(&st, "qpdf --check '%s' 2>&1", f[i]);
		if (st != 0)
			fail_msg("qpdf --check %s: %s", f[i], out);
		assert_has(out, "No syntax or stream encoding errors");
		free(out);
	}
}

/* libharu's own ToUnicode CMap makes poppler print syntax warnings. */
static void
test_no_reader_warnings(void **state)
{
	char	*out;

	FIXTURE(fx);
	out = unit_run(NULL, "pdftotext '%s' /dev/null 2>&1; pdftotext '%s' "
	    "/dev/null 2>&1; pdffonts '%s' 2>&1 >/dev/null", fx->pdf,
	    fx->imposed, fx->pdf);
	assert_string_equal(out, "");
	free(out);
}

static void
test_text_extracted(void **state)
{
	char	*out;

	FIXTURE(fx);
	out = unit_run(NULL, "pdftotext -f 1 -l 1 -raw '%s' - 2>&1", fx->pdf);
	assert_has(out, TEXT_FR_EXTRACTED);
	assert_has(out, "Gras : Maison des Solidarités");
	assert_has(out, "Italique : cœur");
	assert_has(out, "Gras italique");
	assert_has(out, TEXT_ESC);
	assert_has(out, "page-1");
	free(out);
}

/* The CMaps map each code to itself, no-break spaces included. */
static void
test_tounicode(void **state)
{
	char	*out;

	FIXTURE(fx);
	out = unit_run(NULL, "qpdf --qdf --object-streams=disable '%s' - 2>&1 | "
	    "grep -a -A60 begincmap", fx->pdf);
	assert_has(out, "/CMapType 2 def");
	assert_has(out, "<202F> <202F>");
	assert_has(out, "<00A0> <00A0>");
	assert_has(out, "<2019> <2019>");
	assert_has(out, "<0152> <0153> <0152>");
	if (strstr(out, "cidrange") != NULL)
		fail_msg("an encoding CMap is left:\n%s", out);
	free(out);
}

static void
test_fonts_embedded(void **state)
{
	char	*out, *line, *save = NULL;
	int	 n = 0;

	FIXTURE(fx);
	out = unit_run(NULL, "pdffonts '%s' 2>&1", fx->pdf);
	/* name type encoding emb sub uni object ID */
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "HPDF", 4) != 0)
			continue;
		n++;
		if (strstr(line, "CID TrueType") == NULL ||
		    strstr(line, " yes yes yes ") == NULL)
			fail_msg("font not embedded, subset, with ToUnicode: %s",
			    line);
	}
	assert_int_equal(n, FACE__COUNT);
	free(out);
}

/* Subset /W and CIDToGIDMap: the file stays small. */
static void
test_size(void **state)
{
	FILE	*f;
	long	 sz;

	FIXTURE(fx);
	f = fopen(fx->pdf, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	sz = ftell(f);
	fclose(f);
	if (sz > 150 * 1024)
		fail_msg("%s: %ld bytes", fx->pdf, sz);
}

static void
test_metadata(void **state)
{
	char	*out;

	FIXTURE(fx);
	out = unit_run(NULL, "pdfinfo '%s' 2>&1", fx->pdf);
	assert_has(out, "Title:           " TITLE "\n");
	assert_has(out, "Author:          Centre social de Versailles\n");
	assert_has(out, "Subject:         Annuaire des partenaires, édition 2018\n");
	assert_has(out, "Keywords:        social, santé, emploi\n");
	assert_has(out, "Creator:         annuaire\n");
	assert_has(out, "CreationDate:    Thu Mar 15 12:00:00 2018 UTC\n");
	assert_has(out, "ModDate:         Thu Mar 15 12:00:00 2018 UTC\n");
	assert_has(out, "Pages:           6\n");
	assert_has(out, "PDF version:     1.4\n");
	assert_has(out, "Page size:       419.53 x 595.28 pts");
	free(out);
	out = unit_run(NULL, "qpdf --show-object=trailer '%s' 2>&1; qpdf "
	    "--show-object=1 '%s' 2>&1", fx->pdf, fx->pdf);
	assert_has(out, "/Lang (fr-FR)");
	assert_has(out, "/DisplayDocTitle true");
	assert_has(out, "/PageMode /UseOutlines");
	if (strstr(out, "/ID") != NULL)
		fail_msg("unexpected /ID: %s", out);
	free(out);
}

static void
test_identical_builds(void **state)
{
	char	*out;
	int	 st;

	FIXTURE(fx);
	out = unit_run(&st, "cmp '%s' '%s' 2>&1", fx->pdf, fx->pdf2);
	if (st != 0)
		fail_msg("%s", out);
	free(out);
}

/* qpdf's JSON with every run of blanks and newlines as one space. */
#define QPDF_JSON(key, f) unit_run(NULL, "qpdf --json --json-key=" key	\
	" '%s' 2>&1 | tr -s ' \\n' '  '", (f))

/* Object number of page n (1-based) in qpdf's JSON (flat page tree). */
static int
page_object(const char *json, int n)
{
	const char	*p = strstr(json, "\"/Kids\": [ ");
	int		 obj = 0, i, k = 0;

	assert_non_null(p);
	p += strlen("\"/Kids\": [ ");
	for (i = 0; i < n; i++) {
		if (sscanf(p, "\"%d 0 R\"%n", &obj, &k) != 1)
			fail_msg("no page %d in /Kids", n);
		p += k;
		if (*p == ',')
			p += 2;
	}
	return obj;
}

static void
test_outlines(void **state)
{
	char	*out, *a, *b, *c;

	FIXTURE(fx);
	out = QPDF_JSON("outlines", fx->pdf);
	/* Category (page 1) containing its partner (page 3 at y 500),
	 * then the index (page 5); titles in UTF-8. */
	a = strstr(out, "\"/XYZ\", null, 595.28003, null ], "
	    "\"destpageposfrom1\": 1, \"kids\": [ { \"dest\": [ ");
	b = strstr(out, "\"/XYZ\", null, 500, null ], \"destpageposfrom1\": 3,"
	    " \"kids\": [], \"object\"");
	c = strstr(out, "\"destpageposfrom1\": 5");
	if (a == NULL || b == NULL || c == NULL || !(a < b && b < c))
		fail_msg("outline tree:\n%s", out);
	assert_has(out, "\"title\": \"Partenaire œuvre\" } ], \"object\": "
	    "\"");
	assert_has(out, "\"title\": \"Catégorie « A »\" }");
	assert_has(out, "\"title\": \"Index\" }");
	free(out);
}

static void
test_labels(void **state)
{
	char	*out;

	FIXTURE(fx);
	out = QPDF_JSON("pagelabels", fx->pdf);
	/* The cover: a prefix only; then 1, 2, ... from the second page. */
	assert_has(out, "\"pagelabels\": [ { \"index\": 0, \"label\": { "
	    "\"/P\": \"u:Couverture\", \"/St\": 1 } }, { \"index\": 1, \"label\": { "
	    "\"/S\": \"/D\", \"/St\": 1 } } ]");
	free(out);
}

static void
test_links(void **state)
{
	char	*out, want[160];
	int	 obj;

	FIXTURE(fx);
	out = QPDF_JSON("qpdf", fx->pdf);
	/* Non-ASCII bytes of the URI percent-encoded; no border; on the
	 * first page. */
	snprintf(want, sizeof(want), "\"/Border\": [ 0, 0, 0 ], \"/P\": "
	    "\"%d 0 R\", \"/Rect\": [ 40, 246, 190, 260 ]",
	    page_object(out, 1));
	assert_has(out, want);
	assert_has(out, "\"/URI\": \"u:https://exemple.fr/%C3%A9t%C3%A9\"");
	assert_has(out, "\"/URI\": \"u:mailto:accueil@exemple.fr\"");
	if (strstr(out, "\"/Border\": [ 0, 0, 1") != NULL)
		fail_msg("a link has a border");
	/* The internal link goes to page 3 at y = 500. */
	obj = page_object(out, 3);
	snprintf(want, sizeof(want), "[ \"%d 0 R\", \"/XYZ\", null, 500, "
	    "null ]", obj);
	assert_has(out, want);
	free(out);
}

static void
test_images(void **state)
{
	char	*out;

	FIXTURE(fx);
	out = unit_run(NULL, "pdfimages -list '%s' 2>&1", fx->pdf);
	assert_has(out, "jpeg");
	free(out);
	/* Six files, one drawn twice; soft masks for the two PNGs with
	 * transparency only (rgba8 twice, palette). */
	out = unit_run(NULL, "pdfimages -list '%s' 2>&1 | awk 'NR>2{print $3}' | "
	    "sort | uniq -c | tr -s ' ' | tr '\\n' ,", fx->pdf);
	assert_string_equal(out, " 7 image, 3 smask,");
	free(out);
	/* The PNG drawn twice is one object: six distinct images. */
	out = unit_run(NULL, "pdfimages -list '%s' 2>&1 | awk 'NR>2 && "
	    "$3==\"image\"{print $11}' | sort -u | wc -l", fx->pdf);
	assert_string_equal(out, "6\n");
	free(out);
}

/* Read one RGB pixel of a 72 dpi rendering (x, y in PDF points). */
static void
pixel(const char *pdf, int page, int dpi, double x, double y,
    unsigned char rgb[3])
{
	char		*ppm, *p;
	size_t		 len;
	int		 w, h, max, st, n = 0;

	ppm = unit_run(&st, "pdftoppm -r %d -f %d -l %d -singlefile '%s' 2>&1",
	    dpi, page, page, pdf);
	assert_int_equal(st, 0);
	assert_int_equal(sscanf(ppm, "P6 %d %d %d%n", &w, &h, &max, &n), 3);
	p = ppm + n + 1;
	len = (size_t)w * h * 3;
	(void)len;
	{
		int px = (int)(x * dpi / 72), py = h - 1 - (int)(y * dpi / 72);

		assert_true(px >= 0 && px < w && py >= 0 && py < h);
		memcpy(rgb, p + ((size_t)py * w + px) * 3, 3);
	}
	free(ppm);
}

#define RGB_NEAR(c, r, g, b)						\
	(abs((c)[0] - (r)) < 24 && abs((c)[1] - (g)) < 24 &&		\
	    abs((c)[2] - (b)) < 24)

static void
assert_pixel_dpi(const char *pdf, int page, int dpi, double x, double y,
    int r, int g, int b, const char *what)
{
	unsigned char	 c[3];

	pixel(pdf, page, dpi, x, y, c);
	if (!RGB_NEAR(c, r, g, b))
		fail_msg("%s at (%.0f, %.0f): got #%02X%02X%02X, want "
		    "#%02X%02X%02X", what, x, y, c[0], c[1], c[2], r, g, b);
}

#define assert_pixel(pdf, page, x, y, r, g, b, what)			\
	assert_pixel_dpi((pdf), (page), 72, (x), (y), (r), (g), (b), (what))

static void
test_images_rendered(void **state)
{
	double	 q1 = IMG_S / 4, q3 = IMG_S * 3 / 4, mid = IMG_S / 2;

	FIXTURE(fx);
	assert_pixel(fx->pdf, 2, IMG_X(0) + q1, IMG_Y + mid, 255, 0, 0,
	    "RGBA opaque half");
	assert_pixel(fx->pdf, 2, IMG_X(0) + q3, IMG_Y + mid, 255, 255, 255,
	    "RGBA transparent half");
	assert_pixel(fx->pdf, 2, IMG_X(1) + mid, IMG_Y + mid, 0, 255, 0,
	    "16-bit RGB");
	assert_pixel(fx->pdf, 2, IMG_X(2) + mid, IMG_Y + q3, 0, 0, 255,
	    "interlaced, top");
	assert_pixel(fx->pdf, 2, IMG_X(2) + mid, IMG_Y + q1, 255, 255, 0,
	    "interlaced, bottom");
	assert_pixel(fx->pdf, 2, IMG_X(3) + q1, IMG_Y + mid, 255, 0, 255,
	    "palette");
	assert_pixel(fx->pdf, 2, IMG_X(3) + q3, IMG_Y + mid, 255, 255, 255,
	    "palette, transparent index");
	assert_pixel(fx->pdf, 2, IMG_X(4) + mid, IMG_Y + mid, 0x40, 0x40,
	    0x40, "16-bit gray");
	assert_pixel(fx->pdf, 2, IMG_X(5) + mid, IMG_Y + mid, 255, 128, 0,
	    "JPEG");
}

/* ---- bleed ------------------------------------------------------------ */

static void
test_bleed_boxes(void **state)
{
	char	*out;

	FIXTURE(fx);
	out = unit_run(NULL, "pdfinfo -box '%s' 2>&1", fx->bleed);
	/* Trim + 2 x (3 mm bleed + 5 mm marks + 1 mm). */
	assert_has(out, "Page size:       470.554 x 646.304 pts");
	assert_has(out, "TrimBox:            25.51    25.51   445.04   620.79");
	assert_has(out, "BleedBox:           17.01    17.01   453.5");
	free(out);
	out = unit_run(NULL, "pdfinfo -box '%s' 2>&1", fx->pdf);
	if (strstr(out, "TrimBox:             0.00     0.00   419.53   595.28")
	    == NULL)
		fail_msg("no bleed: TrimBox should default to MediaBox:\n%s",
		    out);
	free(out);
}

static void
test_bleed_rendered(void **state)
{
	double	 m = 25.51;

	FIXTURE(fx);
	/* The band fills the bleed above the trim ... */
	assert_pixel(fx->bleed, 1, m + 100, m + A5_H + 4, 0x1F, 0x5F, 0xA0,
	    "band in the bleed");
	assert_pixel(fx->bleed, 1, m - 4, m + A5_H - 10, 0x1F, 0x5F, 0xA0,
	    "band in the left bleed");
	/* ... but not the slug beyond it. */
	assert_pixel(fx->bleed, 1, m + 100, m + A5_H + 12, 255, 255, 255,
	    "slug above the bleed");
	/* A crop mark: on the trim line, beyond the bleed. */
	assert_pixel_dpi(fx->bleed, 1, 576, m - BLEED - 8, m + A5_H + 0.05,
	    0, 0, 0, "crop mark");
	/* Text moved with the page. */
	{
		char *out = unit_run(NULL, "pdftotext -f 1 -l 1 -raw '%s' - 2>&1",
		    fx->bleed);

		assert_has(out, TEXT_FR_EXTRACTED);
		free(out);
	}
}

/* ---- imposition ------------------------------------------------------- */

static void
test_imposed_pages(void **state)
{
	char	*out;

	FIXTURE(fx);
	out = unit_run(NULL, "pdfinfo '%s' 2>&1", fx->imposed);
	/* 6 pages -> 8 -> 2 sheets, 4 sides. */
	assert_has(out, "Pages:           4\n");
	assert_has(out, "Page size:       841.89 x 595.28 pts");
	free(out);
}

/* Text of one half of one imposed side. */
static char *
half_text(const char *pdf, int side, int right)
{
	return unit_run(NULL, "pdftotext -f %d -l %d -x %d -y 0 -W 420 -H 596 "
	    "'%s' - 2>&1", side, side, right ? 421 : 0, pdf);
}

static void
test_imposed_order(void **state)
{
	/* N = 8: front 8|1, back 2|7, front 6|3, back 4|5 (6-8 blank). */
	static const int want[4][2] = { { 0, 1 }, { 2, 0 }, { 0, 3 }, { 4, 5 } };
	char		 folio[32], *out;
	int		 k, i;

	FIXTURE(fx);
	for (k = 0; k < 4; k++)
		for (i = 0; i < 2; i++) {
			out = half_text(fx->imposed, k + 1, i);
			if (want[k][i] == 0) {
				if (strstr(out, "page-") != NULL)
					fail_msg("side %d %s should be blank: %s",
					    k + 1, i ? "right" : "left", out);
			} else {
				snprintf(folio, sizeof(folio), "page-%d",
				    want[k][i]);
				assert_has(out, folio);
			}
			free(out);
		}
}

static void
test_imposed_links(void **state)
{
	char	*out, want[160];
	int	 obj;

	FIXTURE(fx);
	out = QPDF_JSON("qpdf", fx->imposed);
	/* Page 1 sits at x = 420.945 on the first side. */
	assert_has(out, "\"/Rect\": [ 460.94501, 246, 610.94501, 260 ]");
	assert_has(out, "\"/URI\": \"u:mailto:accueil@exemple.fr\"");
	/* Its internal link goes to page 3: right half of side 3. */
	obj = page_object(out, 3);
	snprintf(want, sizeof(want), "[ \"%d 0 R\", \"/XYZ\", null, 500, "
	    "null ]", obj);
	assert_has(out, want);
	assert_has(out, "\"/Rect\": [ 460.94501, 206, 540.94501, 220 ]");
	free(out);
}

/* An A4 theme: pages scaled to half a sheet (A4 -> A5). */
static void
test_imposed_a4(void **state)
{
	struct pdf_doc	*doc;
	struct pdf_item	*it;
	struct diags	 d;
	char		*path, *out;

	FIXTURE(fx);
	doc = unit_doc(595.28, 841.89, 2);
	add_text(&doc->pages[0], FACE_REGULAR, 100, 100, 12, 0, "page-1");
	add_text(&doc->pages[1], FACE_REGULAR, 100, 100, 12, 0, "page-2");
	it = add_box(&doc->pages[0], ITEM_LINK_URI, 100, 100, 100, 20);
	it->uri = xstrdup("tel:+33139000000");
	path = path_join(fx->dir, "a4.pdf");
	diags_init(&d);
	assert_int_equal(emit_imposed(doc, path, &d), 1);
	assert_int_equal(d.n, 0);
	out = unit_run(NULL, "pdfinfo '%s' 2>&1", path);
	assert_has(out, "Pages:           2\n");
	assert_has(out, "Page size:       841.89 x 595.28 pts");
	free(out);
	out = half_text(path, 1, 1);
	assert_has(out, "page-1");
	free(out);
	out = half_text(path, 2, 0);
	assert_has(out, "page-2");
	free(out);
	/* Scale min(420.945 / 595.28, 595.28 / 841.89) = 0.707076. */
	out = QPDF_JSON("qpdf", path);
	assert_has(out, "\"/Rect\": [ 491.65259, 70.70757, 562.36017, "
	    "84.84909 ]");
	free(out);
	diags_free(&d);
	free(path);
	doc_free(doc);
}

/* ---- errors ----------------------------------------------------------- */

static void
test_errors(void **state)
{
	struct pdf_doc	*doc;
	struct pdf_item	*it;
	struct diags	 d;
	char		*out, *bad;
	FILE		*f;
	size_t		 i;
	int		 found = 0, ok;

	FIXTURE(fx);
	/* A truncated PNG and a missing font: errors, no output. */
	bad = path_join(fx->dir, "bad.png");
	f = fopen(bad, "wb");
	assert_non_null(f);
	fwrite("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 1, 16, f);
	fclose(f);
	doc = doc_build(fx->dir);
	it = &doc->pages[1].items[1];	/* [0] is the folio */
	assert_int_equal(it->type, ITEM_IMAGE);
	free(it->path);
	it->path = xstrdup(bad);
	it->src_file = "content/partenaires/caf.md";
	it->src_pos = (struct pos){ 4, 7 };
	free(doc->font_path[FACE_ITALIC]);
	doc->font_path[FACE_ITALIC] = path_join(fx->dir, "absente.ttf");
	out = path_join(fx->dir, "erreur.pdf");
	diags_init(&d);
	ok = emit_pdf(doc, out, &d);
	assert_int_equal(ok, 0);
	for (i = 0; i < d.n; i++) {
		if (d.v[i].file && strcmp(d.v[i].file,
		    "content/partenaires/caf.md") == 0 && d.v[i].line == 4 &&
		    strstr(d.v[i].msg, "truncated") != NULL)
			found |= 1;
		if (d.v[i].file && strstr(d.v[i].file, "absente.ttf"))
			found |= 2;
	}
	if (found != 3) {
		for (i = 0; i < d.n; i++)
			print_message("# %s: %s\n", d.v[i].file, d.v[i].msg);
		fail_msg("diagnostics missing (%d)", found);
	}
	assert_int_equal(access(out, F_OK), -1);
	diags_free(&d);

	/* No page: an error, not an empty file. */
	diags_init(&d);
	i = doc->npages;
	doc->npages = 0;
	assert_int_equal(emit_pdf(doc, out, &d), 0);
	assert_int_equal(d.errors, 1);
	assert_int_equal(access(out, F_OK), -1);
	doc->npages = i;
	diags_free(&d);
	free(out);
	free(bad);
	doc_free(doc);
}

/*
 * Numbers in content streams: thousandths, no trailing zero, the sign
 * kept down to -0.001, 0 for what is not a number or absurd.
 */
static void
test_numbers(void **state)
{
	static const struct { double v; const char *want; } v[] = {
		{ 0, "0 " }, { 1, "1 " }, { 1.5, "1.5 " }, { 12.25, "12.25 " },
		{ 0.001, "0.001 " }, { -0.001, "-0.001 " }, { -2.5, "-2.5 " },
		{ 595.28, "595.28 " }, { 0.0004, "0 " }, { 1e12, "0 " },
	};
	struct buf	 b;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		buf_init(&b);
		emit_num(&b, v[i].v, ' ');
		assert_string_equal(buf_cstr(&b), v[i].want);
		buf_free(&b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emit_ok),
		cmocka_unit_test(test_qpdf_check),
		cmocka_unit_test(test_no_reader_warnings),
		cmocka_unit_test(test_text_extracted),
		cmocka_unit_test(test_tounicode),
		cmocka_unit_test(test_fonts_embedded),
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_metadata),
		cmocka_unit_test(test_identical_builds),
		cmocka_unit_test(test_outlines),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_images_rendered),
		cmocka_unit_test(test_bleed_boxes),
		cmocka_unit_test(test_bleed_rendered),
		cmocka_unit_test(test_imposed_pages),
		cmocka_unit_test(test_imposed_order),
		cmocka_unit_test(test_imposed_links),
		cmocka_unit_test(test_imposed_a4),
		cmocka_unit_test(test_errors),
	};

	const struct CMUnitTest pure[] = {
		cmocka_unit_test(test_numbers),
	};
	int	 rc;

	rc = cmocka_run_group_tests(tests, setup, teardown);
	rc += cmocka_run_group_tests_name("numbers", pure, NULL, NULL);
	return rc;
}
