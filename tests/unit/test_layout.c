/*
 * test_layout.c — the booklet's layout (bk_*.c, lay_*.c) on a small
 * hand-built struct site: page structure, outlines and page numbers,
 * thumb index on the outer edge, justified lines flush and never
 * overfull, glyph-coverage warnings with positions, private fields
 * never printed, QR URL encoding, colour contrast of every text against
 * what it is drawn on (the fixture and the example content/).
 *
 * Run from the top of the repository (tests/run does): the theme is
 * themes/default.  Skipped when Open Sans is not installed.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "booklet.h"
#include "load.h"
#include "pdf.h"
#include "lay.h"
#include "glyphs.h"
#include "lay_font.h"
#include "lay_theme.h"

#define	LONG_BODY \
	"Premier paragraphe de la présentation, assez long pour être " \
	"justifié sur plusieurs lignes : l'association accompagne les " \
	"familles dans leurs démarches administratives, l'accès aux droits " \
	"et la scolarité des enfants, avec des bénévoles formés.\n\n"

struct fx {
	struct site	 site;
	struct category	 cat[2];
	struct thematique them[2];
	struct thematique *pthem[2];
	struct partner	 p[3];
	struct partner	*liens[1];
	struct text	 missions[2];
	struct contact	 contact;
	char		*body;
};

static struct text
T(const char *s, int line, int col)
{
	struct text	 t;

	t.s = (char *)s;
	t.pos.line = line;
	t.pos.col = col;
	return t;
}

static void
S_partner(struct fx *f, int i, const char *slug, const char *nom,
    struct category *c)
{
	struct partner	*p = &f->p[i];

	p->slug = (char *)slug;
	p->path = xasprintf("content/partenaires/%s.md", slug);
	p->nom = T(nom, 2, 6);
	p->fpos[PF_NOM].line = 2;
	p->fpos[PF_NOM].col = 6;
	p->category = c;
	p->thematiques = f->pthem;
	p->nthematiques = 2;
	p->resume = T("Une phrase qui dit ce que fait le partenaire.", 6, 9);
	p->missions.v = f->missions;
	p->missions.n = 2;
	p->adresse.rue = T("1 rue de l'Exemple", 10, 9);
	p->adresse.code_postal = T("78000", 11, 16);
	p->adresse.ville = T("Versailles", 12, 10);
	p->telephone.raw = T("0199001234", 13, 12);
	p->telephone.display = (char *)"01 99 00 12 34";
	p->telephone.uri = (char *)"tel:+33199001234";
	p->mise_a_jour.y = 2018;
	p->mise_a_jour.m = 3;
	p->mise_a_jour.d = 15 + i;
	c->npartners++;
}

static int
setup(void **state)
{
	struct fx	*f;
	struct buf	 b;
	int		 i;

	if (access("/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf",
	    R_OK) != 0 || access("themes/default/theme.yaml", R_OK) != 0)
		return -1;
	f = xcalloc(1, sizeof(*f));
	f->site.content_dir = (char *)"content";
	f->site.path = (char *)"content/site.yaml";
	f->site.titre = T("Outil Partenaires", 1, 8);
	f->site.edition = 2018;
	f->site.url = T("https://example.org/outil/", 3, 6);
	f->site.editeur.nom = T("Maison de Quartier", 5, 8);
	f->site.coordination.nom = T("Coordination", 8, 8);
	f->site.coordination.courriel = T("c@example.org", 9, 13);
	f->site.edito = T("*Bienvenue* dans l'annuaire !", 12, 5);
	f->cat[0].key = (char *)"institutionnels";
	f->cat[0].label = (char *)"Institutionnels";
	f->cat[0].rgb = 0x1f5fa8;
	f->cat[1].key = (char *)"associatifs";
	f->cat[1].label = (char *)"Associatifs";
	f->cat[1].rgb = 0xffcc00;	/* too light for text: darkened */
	f->site.categories = f->cat;
	f->site.ncategories = 2;
	f->them[0].key = (char *)"logement";
	f->them[0].label = (char *)"Logement";
	f->them[0].icon = (char *)"home";
	f->them[1].key = (char *)"budget";
	f->them[1].label = (char *)"Budget";
	f->them[1].icon = (char *)"euro";
	f->pthem[0] = &f->them[0];
	f->pthem[1] = &f->them[1];
	f->site.thematiques = f->them;
	f->site.nthematiques = 2;
	f->missions[0] = T("Accueillir et orienter les familles.", 8, 5);
	f->missions[1] = T("Aider aux démarches.", 9, 5);

	S_partner(f, 0, "caf", "Caisse d'allocations familiales", &f->cat[0]);
	S_partner(f, 1, "aide", "Aide aux familles", &f->cat[1]);
	S_partner(f, 2, "zeta", "Zêta Solidarité", &f->cat[1]);
	/* A long presentation: the partner runs over two pages. */
	buf_init(&b);
	for (i = 0; i < 14; i++)
		buf_puts(&b, LONG_BODY);
	f->body = buf_detach(&b);
	buf_free(&b);
	f->p[1].body = f->body;
	f->p[1].body_line = 30;
	/*
	 * A character Open Sans lacks but the fallback face has (U+2192),
	 * and words no installed face prints (Cherokee, Chinese) or the
	 * booklet does not set (Hebrew, right to left), with its position.
	 */
	f->p[2].public_ = T("Familles → jeunes ᏣᎳᎩ 中文 שלום fin", 20, 9);
	f->p[2].fpos[PF_PUBLIC].line = 20;
	f->liens[0] = &f->p[0];
	f->p[2].liens = f->liens;
	f->p[2].nliens = 1;
	/* Private fields. */
	f->p[0].note_suivi = T("NOTE-PRIVEE", 30, 13);
	f->p[0].suivi = SUIVI_RELANCER;
	f->contact.nom = T("Dominique Exemple", 25, 11);
	f->p[0].contacts = &f->contact;
	f->p[0].ncontacts = 1;
	f->site.partners = f->p;
	f->site.npartners = 3;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*f = *state;
	int		 i;

	for (i = 0; i < 3; i++)
		free(f->p[i].path);
	free(f->body);
	free(f);
	return 0;
}

static struct pdf_doc *
S_layout(struct fx *f, int partners_edition, struct diags *d)
{
	struct booklet_opts o;

	memset(&o, 0, sizeof(o));
	o.theme_dir = "themes/default";
	o.default_theme_dir = "themes/default";
	o.partners_edition = partners_edition;
	diags_init(d);
	return layout_booklet(&f->site, &o, d);
}

/* Whether any text item of the doc (or of page pg if >= 0) contains s. */
static int
S_has(const struct pdf_doc *doc, long pg, const char *s)
{
	size_t	 i, j;

	for (i = 0; i < doc->npages; i++) {
		if (pg >= 0 && (size_t)pg != i)
			continue;
		for (j = 0; j < doc->pages[i].nitems; j++)
			if (doc->pages[i].items[j].type == ITEM_TEXT &&
			    strstr(doc->pages[i].items[j].text, s) != NULL)
				return 1;
	}
	return 0;
}

static void
test_structure(void **state)
{
	struct fx	*f = *state;
	struct diags	 d;
	struct pdf_doc	*doc;
	size_t		 i;

	unsetenv("SOURCE_DATE_EPOCH");
	doc = S_layout(f, 0, &d);
	assert_non_null(doc);
	assert_int_equal(d.errors, 0);
	assert_int_equal(doc->npages % 4, 0);
	assert_true(fabs(doc->page_w - 419.53) < 0.01);
	assert_string_equal(doc->lang, "fr-FR");
	/* Latest update 2018-03-17, 00:00 UTC. */
	assert_int_equal(doc->date, 1521244800LL);
	for (i = 0; i < FACE__COUNT; i++)
		assert_non_null(doc->font_path[i]);
	/* The cover's band reaches into the bleed on three sides. */
	assert_int_equal(doc->pages[0].items[0].type, ITEM_RECT);
	assert_true(doc->pages[0].items[0].x <= -BLEED_MAX + 0.001);
	assert_true(doc->pages[0].folio == 0);
	/* Folios follow the page order; the back cover has none. */
	for (i = 1; i + 1 < doc->npages; i++)
		if (!doc->pages[i].blank)
			assert_int_equal(doc->pages[i].folio, (int)i + 1);
	assert_int_equal(doc->pages[doc->npages - 1].folio, 0);
	/* Page labels start with the cover, end with the back cover. */
	assert_true(doc->nlabels >= 2);
	assert_string_equal(doc->labels[0].prefix, "Couverture");
	assert_int_equal(doc->labels[doc->nlabels - 1].start, doc->npages - 1);
	layout_free(doc);
	diags_free(&d);
}

static void
test_partners(void **state)
{
	struct fx	*f = *state;
	struct diags	 d;
	struct pdf_doc	*doc;
	const struct pdf_item *it;
	size_t		 i, j, pg = 0, npart = 0, dest_ok = 0;
	int		 tab;

	doc = S_layout(f, 0, &d);
	assert_non_null(doc);
	for (i = 0; i < doc->noutlines; i++) {
		if (doc->outlines[i].level != 1)
			continue;
		npart++;
		pg = doc->outlines[i].page;
		/* The partner's name is on the page its bookmark opens. */
		assert_true(S_has(doc, (long)pg, "Caisse") ||
		    S_has(doc, (long)pg, "Aide") || S_has(doc, (long)pg, "Zêta"));
		/* A thumb tab on the outer edge: right on a recto. */
		for (tab = 0, j = 0; j < doc->pages[pg].nitems; j++) {
			it = &doc->pages[pg].items[j];
			if (it->type != ITEM_RECT)
				continue;
			if (pg % 2 == 0 && it->x + it->w >= doc->page_w + 1 &&
			    it->x > doc->page_w / 2)
				tab = 1;
			if (pg % 2 == 1 && it->x < 0 && it->x + it->w <
			    doc->page_w / 2)
				tab = 1;
		}
		assert_true(tab);
	}
	assert_int_equal(npart, 3);
	/* "Aide aux familles" runs over two pages, starting on a recto
	 * (a verso before the network's page after the Mode d'emploi);
	 * its name is the running head of the second. */
	for (i = 0; i < doc->npages; i++)
		if (doc->pages[i].running_head != NULL &&
		    strcmp(doc->pages[i].running_head, "Aide aux familles") == 0)
			break;
	assert_true(i < doc->npages);
	assert_int_equal(i % 2, 1);	/* the verso after it */
	/* The cross-reference of Zêta links to the Caf's page. */
	for (i = 0; i < doc->npages; i++)
		for (j = 0; j < doc->pages[i].nitems; j++) {
			it = &doc->pages[i].items[j];
			if (it->type == ITEM_LINK_PAGE && S_has(doc, (long)i,
			    "Travaille") && S_has(doc, (long)it->dest_page,
			    "Caisse d’allocations"))
				dest_ok = 1;
		}
	assert_true(dest_ok);
	/* Private fields never; named contacts only in the partners' edition. */
	assert_false(S_has(doc, -1, "NOTE-PRIVEE"));
	assert_false(S_has(doc, -1, "relancer"));
	assert_false(S_has(doc, -1, "Dominique"));
	layout_free(doc);
	diags_free(&d);
	doc = S_layout(f, 1, &d);
	assert_true(S_has(doc, -1, "Dominique"));
	assert_false(S_has(doc, -1, "NOTE-PRIVEE"));
	layout_free(doc);
	diags_free(&d);
}

/* Justified lines end flush on the right edge, and none is overfull. */
static void
test_justified(void **state)
{
	struct fx	*f = *state;
	struct diags	 d;
	struct pdf_doc	*doc;
	const struct pdf_item *it;
	double		 right, end;
	size_t		 i, j, flush = 0;

	doc = S_layout(f, 0, &d);
	assert_non_null(doc);
	for (i = 1; i + 1 < doc->npages; i++) {
		right = doc->page_w - (i % 2 == 0 ? MM(12) : MM(15));
		for (j = 0; j < doc->pages[i].nitems; j++) {
			it = &doc->pages[i].items[j];
			if (it->type != ITEM_TEXT || it->rgb == RGB_WHITE)
				continue;
			assert_true(it->x + it->w <= right + 0.5);
		}
		/* Count lines whose last word ends exactly at the right edge. */
		for (j = 0; j < doc->pages[i].nitems; j++) {
			it = &doc->pages[i].items[j];
			if (it->type != ITEM_TEXT || it->size != 9.5)
				continue;
			end = it->x + it->w;
			if (fabs(end - right) < 0.02)
				flush++;
		}
	}
	assert_true(flush >= 10);
	layout_free(doc);
	diags_free(&d);
}

/*
 * Glyph coverage: the fallback face prints what Open Sans lacks; what
 * no face prints is left out without a warning from the layout (the
 * checker, glyphs_check_site(), warns at the value) and without a gap.
 */
static void
test_coverage_fallback(void **state)
{
	struct fx	*f = *state;
	struct diags	 d;
	struct pdf_doc	*doc;
	size_t		 i, j;

	doc = S_layout(f, 0, &d);
	assert_non_null(doc);
	assert_int_equal(d.errors, 0);
	for (i = 0; i < d.n; i++)
		assert_null(strstr(d.v[i].msg, "glyph"));
	assert_non_null(doc->fallback_path[FACE_REGULAR]);
	assert_non_null(strstr(doc->fallback_path[FACE_REGULAR], "DejaVuSans"));
	assert_true(S_has(doc, -1, "→"));
	assert_false(S_has(doc, -1, "ᏣᎳᎩ"));
	assert_false(S_has(doc, -1, "中"));
	assert_false(S_has(doc, -1, "ש"));
	for (i = 0; i < doc->npages; i++)
		for (j = 0; j < doc->pages[i].nitems; j++)
			if (doc->pages[i].items[j].type == ITEM_TEXT)
				assert_null(strstr(doc->pages[i].items[j].text,
				    "jeunes  "));
	layout_free(doc);
	diags_free(&d);
}

static void
test_qr_url(void **state)
{
	char	*s;

	(void)state;
	s = uri_ascii("https://exemple.org/fiche/é t?x=1");
	assert_string_equal(s, "https://exemple.org/fiche/%C3%A9%20t?x=1");
	free(s);
}

static double
S_lum(unsigned int rgb)
{
	double	 c[3];
	int	 i;

	for (i = 0; i < 3; i++) {
		c[i] = (rgb >> (16 - 8 * i) & 0xff) / 255.0;
		c[i] = c[i] <= 0.03928 ? c[i] / 12.92 :
		    pow((c[i] + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static void
test_contrast(void **state)
{
	static const unsigned int v[] = { 0xffcc00, 0x1b7a4a, 0xa8431f,
	    0x1f5fa8, 0x88ccff, 0xffffff };
	size_t		 i;
	unsigned int	 dk, lt;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		dk = colour_dark(v[i]);
		lt = colour_light(v[i]);
		assert_true((1.05) / (S_lum(dk) + 0.05) >= 4.5);
		assert_true((S_lum(lt) + 0.05) / (S_lum(dk) + 0.05) >= 4.5);
	}
	/* A colour dark enough is kept as it is. */
	assert_int_equal(colour_dark(0x1f5fa8), 0x1f5fa8);
}

/*
 * Every text of doc against the background it is drawn on: the last
 * filled rectangle drawn before it under its middle, else the white
 * paper.  Text needs 4.5:1 (WCAG AA, small text), pictograms 3:1
 * (non-text contrast).  Returns the number of failures, each printed.
 */
static int
S_contrast_walk(const struct pdf_doc *doc)
{
	const struct pdf_item *it, *r;
	unsigned int	 bg;
	double		 cx, cy, ratio, lt, lb, need;
	size_t		 i, j, k;
	int		 bad = 0, ntext = 0;

	for (i = 0; i < doc->npages; i++)
		for (j = 0; j < doc->pages[i].nitems; j++) {
			it = &doc->pages[i].items[j];
			if (it->type != ITEM_TEXT)
				continue;
			ntext++;
			cx = it->x + it->w / 2;
			cy = it->y + it->size * 0.3;
			bg = 0xffffff;
			for (k = 0; k < j; k++) {
				r = &doc->pages[i].items[k];
				if (r->type == ITEM_RECT && r->fill &&
				    cx >= r->x && cx <= r->x + r->w &&
				    cy >= r->y && cy <= r->y + r->h)
					bg = r->rgb;
			}
			lt = S_lum(it->rgb);
			lb = S_lum(bg);
			ratio = (fmax(lt, lb) + 0.05) / (fmin(lt, lb) + 0.05);
			need = it->face == FACE_ICON ? 3.0 : 4.5;
			if (ratio < need) {
				print_error("page %zu: \"%s\" #%06x on #%06x: "
				    "%.2f:1\n", i + 1, it->text, it->rgb, bg,
				    ratio);
				bad++;
			}
		}
	assert_true(ntext > 0);
	return bad;
}

static void
test_contrast_fixture(void **state)
{
	struct fx	*f = *state;
	struct diags	 d;
	struct pdf_doc	*doc;

	doc = S_layout(f, 1, &d);
	assert_non_null(doc);
	assert_int_equal(S_contrast_walk(doc), 0);
	layout_free(doc);
	diags_free(&d);
}

/* The example content of the repository, as `annuaire build` sets it. */
static void
test_contrast_example(void **state)
{
	struct diags	 d;
	struct site	*s;
	struct pdf_doc	*doc;
	struct booklet_opts o;

	(void)state;
	if (access("content/site.yaml", R_OK) != 0)
		skip();
	diags_init(&d);
	s = load_content("content", &d);
	assert_non_null(s);
	assert_int_equal(d.errors, 0);
	memset(&o, 0, sizeof(o));
	o.theme_dir = "themes/default";
	o.default_theme_dir = "themes/default";
	doc = layout_booklet(s, &o, &d);
	assert_non_null(doc);
	assert_int_equal(S_contrast_walk(doc), 0);
	layout_free(doc);
	model_free(s);
	diags_free(&d);
}

/* French rules across spans: "L'**Outil**", "*toi*!", "voir *ici*:". */
static void
S_spans(const char *a, const char *b, const char *wa, const char *wb)
{
	struct para	 p;

	para_init(&p, 10, 13, 200);
	para_add(&p, a, FACE_REGULAR, 0, 0, NULL);
	para_add(&p, b, FACE_BOLD, 0, 0, NULL);
	assert_string_equal(p.v[0].text, wa);
	assert_string_equal(p.v[1].text, wb);
	para_free(&p);
}

static void
test_span_joints(void **state)
{
	struct para	 p;

	(void)state;
	S_spans("Rejoignez l'", "Outil", "Rejoignez l\u2019", "Outil");
	S_spans("ré", "'ussi", "ré", "\u2019ussi");
	S_spans("Bravo toi", "!", "Bravo toi", "\u202f!");
	S_spans("Horaires", ": lundi", "Horaires", "\u00a0: lundi");
	S_spans("Bravo ", "!", "Bravo ", "!");	/* typo_fr replaces the space */
	S_spans("« ", "Eole »", "«\u00a0", "Eole\u00a0»");
	S_spans("à", "12:30", "à", "12:30");
	S_spans("Quoi ?", "!", "Quoi\u202f?", "!");
	/* Raw spans (codes, phone numbers) and breaks are left alone. */
	para_init(&p, 10, 13, 200);
	para_add(&p, "l'", FACE_REGULAR, 0, SPAN_RAW, NULL);
	para_add(&p, "Outil", FACE_BOLD, 0, 0, NULL);
	assert_string_equal(p.v[0].text, "l'");
	para_free(&p);
}

/* vbox_dup() copies the items and their strings: the copy outlives the
 * original, and vlist_pop() detaches the last box whole. */
static void
test_vbox_dup(void **state)
{
	struct vlist	 v = { 0 };
	struct vbox	*b, *d, *pop;
	struct pdf_item	*it;

	(void)state;
	b = vlist_add(&v, 12, 3);
	it = vbox_add(b);
	it->type = ITEM_TEXT;
	it->text = xstrdup("Index (suite)");
	it->x = 5;
	it = vbox_add(b);
	it->type = ITEM_LINK_URI;
	it->uri = xstrdup("https://example.org/");
	d = vbox_dup(b);
	vlist_free(&v);
	assert_int_equal(d->nitems, 2);
	assert_true(d->h == 12);
	assert_true(d->items[0].x == 5);
	assert_string_equal(d->items[0].text, "Index (suite)");
	assert_string_equal(d->items[1].uri, "https://example.org/");
	assert_null(d->items[1].text);
	vbox_free(d);
	vbox_free(NULL);

	vlist_add(&v, 1, 0);
	vbox_add(vlist_add(&v, 7, 0))->text = xstrdup("x");
	pop = vlist_pop(&v);
	assert_int_equal(v.n, 1);
	assert_true(pop->h == 7);
	assert_string_equal(pop->items[0].text, "x");
	vbox_free(pop);
	vlist_free(&v);
	assert_null(vlist_pop(&v));
}

/* A text item of a hand-built page. */
static struct pdf_item *
S_word(struct pdf_doc *d, size_t pg, double x, double y, double w,
    const char *t)
{
	struct pdf_item	*it = pdf_page_add(&d->pages[pg]);

	it->type = ITEM_TEXT;
	it->x = x;
	it->y = y;
	it->w = w;
	it->size = 10;
	it->text = xstrdup(t);
	return it;
}

static int
S_diag_has(const struct diags *d, const char *s)
{
	size_t	 i;

	for (i = 0; i < d->n; i++)
		if (strstr(d->v[i].msg, s) != NULL)
			return 1;
	return 0;
}

/*
 * The layout's own check (lay_verify.c) on hand-built pages: a clean
 * page passes; text over text, text out of the text block or off the
 * page are internal errors naming the page, the text and its file.
 */
static void
test_verify(void **state)
{
	struct pdf_doc	*d;
	struct diags	 dg;
	struct pdf_item	*it;
	double		 in = 42.52, out = 34.02, top = 39.69, bot = 51.02;
	size_t		 i;

	(void)state;
	d = xcalloc(1, sizeof(*d));
	d->page_w = 419.53;
	d->page_h = 595.28;
	d->npages = 2;
	d->pages = xcalloc(2, sizeof(*d->pages));
	/* Page 1 (a recto): two lines 12.5 pt apart, a folio in the margin. */
	S_word(d, 0, 50, 300, 100, "Première ligne");
	S_word(d, 0, 50, 287.5, 100, "Deuxième ligne");
	S_word(d, 0, 152, 300, 50, "suite");	/* touching is not over */
	S_word(d, 0, 380, 570, 8, "1")->margin = 1;
	/* Page 2 (a verso): the text block is shifted by the binding. */
	S_word(d, 1, out, 300, 419.53 - in - out, "pleine largeur");
	diags_init(&dg);
	assert_int_equal(lay_verify(d, in, out, top, bot, &dg), 1);
	assert_int_equal(dg.errors, 0);

	/* Over another text. */
	it = S_word(d, 0, 60, 302, 40, "Dessus");
	it->src_file = "content/partenaires/x.md";
	it->src_pos.line = 7;
	it->src_pos.col = 3;
	assert_int_equal(lay_verify(d, in, out, top, bot, &dg), 0);
	assert_int_equal(dg.errors, 1);
	assert_string_equal(dg.v[0].file, "content/partenaires/x.md");
	assert_int_equal(dg.v[0].line, 7);
	assert_true(S_diag_has(&dg, "internal error: booklet page 1: the text "
	    "\"Dessus\""));
	assert_true(S_diag_has(&dg, "is drawn over the text \"Première ligne\""));
	diags_free(&dg);
	d->pages[0].nitems--;
	free(d->pages[0].items[d->pages[0].nitems].text);
	/* Over it from its left: the sweep sees the pair the other way. */
	(void)S_word(d, 0, 45, 302, 40, "Gauche");
	diags_init(&dg);
	assert_int_equal(lay_verify(d, in, out, top, bot, &dg), 0);
	assert_int_equal(dg.errors, 1);
	assert_true(S_diag_has(&dg, "the text \"Gauche\""));
	diags_free(&dg);
	d->pages[0].nitems--;
	free(d->pages[0].items[d->pages[0].nitems].text);

	/* Out of the text block: right, left (page 2's margins), below. */
	S_word(d, 0, 300, 200, 90, "trop large");
	S_word(d, 1, out - 1, 200, 20, "gauche");
	S_word(d, 1, 100, bot - 5, 20, "dessous");
	diags_init(&dg);
	assert_int_equal(lay_verify(d, in, out, top, bot, &dg), 0);
	assert_int_equal(dg.errors, 3);
	assert_true(S_diag_has(&dg, "page 1: the text \"trop large\""));
	assert_true(S_diag_has(&dg, "runs out of the text block"));
	assert_true(S_diag_has(&dg, "page 2: the text \"gauche\""));
	assert_true(S_diag_has(&dg, "page 2: the text \"dessous\" (x 100.0, "
	    "y 46.0) lies outside the text block"));
	diags_free(&dg);

	/* A margin item may leave the text block, not the page. */
	for (i = 0; i < 3; i++) {
		struct pdf_page *p = &d->pages[i == 0 ? 0 : 1];

		free(p->items[--p->nitems].text);
	}
	S_word(d, 1, 5, 20, 10, "onglet")->margin = 1;
	diags_init(&dg);
	assert_int_equal(lay_verify(d, in, out, top, bot, &dg), 1);
	diags_free(&dg);
	S_word(d, 1, -3, 20, 10, "hors page")->margin = 1;
	diags_init(&dg);
	assert_int_equal(lay_verify(d, in, out, top, bot, &dg), 0);
	assert_true(S_diag_has(&dg, "\"hors page\" (x -3.0, y 20.0) runs off "
	    "the page"));
	diags_free(&dg);

	/* Many breaches: the first VERIFY_MAX, then their count. */
	for (i = 0; i < VERIFY_MAX + 5; i++)
		S_word(d, 0, 50, 150, 30, "pile");
	diags_init(&dg);
	assert_int_equal(lay_verify(d, in, out, top, bot, &dg), 0);
	assert_int_equal(dg.errors, VERIFY_MAX + 1);
	diags_free(&dg);
	layout_free(d);
}

/*
 * Long strings through the real layout: a 100-character name without
 * a space, a long e-mail and URL, a hyphenated street and a long
 * category label lay out with no error from the layout's own check,
 * and the running head of the long name is shortened with "…".
 */
static void
test_long_strings(void **state)
{
	struct fx	*f = *state;
	struct diags	 d;
	struct pdf_doc	*doc;
	struct partner	 save = f->p[0];
	struct category	 csave = f->cat[0];
	size_t		 i, j, heads = 0, mail = 0;
	const struct pdf_item *it;

	f->p[0].nom = T("Lassociationintercommunaledesamisdesfamillesdes"
	    "quartiersdeschantiersetdelagaredeversaillesetdesenvirons", 2, 6);
	f->p[0].courriel = T("secretariat-general-accompagnement-social@"
	    "aiasiplfqc-versailles-chantiers.example.org", 14, 12);
	f->p[0].site = T("https://www.association-intercommunale.example.org/"
	    "antennes/versailles/quartier-des-chantiers/presentation/", 15, 7);
	f->p[0].adresse.rue = T("12 bis allée-du-Général-Jean-Baptiste-Marie-"
	    "Joseph-de-la-Rochefoucauld-Liancourt-et-de-la-Résistance", 10, 9);
	f->p[0].transports = T("Voir https://www.reseau-de-transports.example"
	    ".org/lignes/plans-et-horaires/arret-chantiers-gare.", 16, 13);
	f->cat[0].label = (char *)"Institutions, services publics, "
	    "collectivités territoriales et organismes de protection sociale "
	    "du département";
	doc = S_layout(f, 0, &d);
	assert_int_equal(d.errors, 0);
	assert_non_null(doc);
	for (i = 0; i < doc->npages; i++)
		for (j = 0; j < doc->pages[i].nitems; j++) {
			it = &doc->pages[i].items[j];
			if (it->type != ITEM_TEXT)
				continue;
			if (it->margin && it->size == 7.5 &&
			    strstr(it->text, "…") != NULL)
				heads++;
			/* The e-mail, broken: no line of it ends in "-". */
			if (strstr(it->text, "aiasiplfqc") != NULL ||
			    strstr(it->text, "secretariat") != NULL) {
				mail++;
				assert_true(it->text[strlen(it->text) - 1] != '-');
			}
		}
	assert_true(heads > 0);
	assert_true(mail >= 2);
	layout_free(doc);
	diags_free(&d);
	f->p[0] = save;
	f->cat[0] = csave;
}

/*
 * lay_run() on chunks that know no booklet: A prints the page of
 * target 0 (an item whose x is that page) and takes one page while it
 * is unknown, two once known; B takes five pages; T is target 0; D
 * prints it too.  Laid out once, A is laid out again with the page of
 * T, grows a page, so B, T and D are laid out again with T expected a
 * page further; then A once more, in place, with T's new page.
 */
static int S_runs[4];

static void
S_mark(struct lay *l, size_t pg, size_t ref)
{
	struct pdf_item	*it = pdf_page_add(&l->doc->pages[pg]);

	it->type = ITEM_LINE;
	it->x = ref == SIZE_MAX ? -1 : (double)ref;
}

static void
S_chunk_a(struct lay *l, size_t arg)
{
	size_t	 ref = lay_ref(l, 0), pg;

	S_runs[arg]++;
	pg = lay_newpage(l, NULL, 0, 1);
	S_mark(l, pg, ref);
	if (ref != SIZE_MAX)
		lay_newpage(l, NULL, 0, 1);
}

static void
S_chunk_b(struct lay *l, size_t arg)
{
	int	 i;

	S_runs[arg]++;
	for (i = 0; i < 5; i++)
		lay_newpage(l, NULL, 0, 1);
}

static void
S_chunk_t(struct lay *l, size_t arg)
{
	S_runs[arg]++;
	lay_ref_here(l, 0, lay_newpage(l, NULL, 0, 1));
}

static void
S_chunk_d(struct lay *l, size_t arg)
{
	size_t	 ref = lay_ref(l, 0);

	S_runs[arg]++;
	S_mark(l, lay_newpage(l, NULL, 0, 1), ref);
}

static void
test_lay_run(void **state)
{
	struct lay	 l;
	struct lay_chunk v[4];

	(void)state;
	memset(&l, 0, sizeof(l));
	memset(v, 0, sizeof(v));
	memset(S_runs, 0, sizeof(S_runs));
	l.doc = xcalloc(1, sizeof(*l.doc));
	v[0].fn = S_chunk_a;
	v[1].fn = S_chunk_b;
	v[2].fn = S_chunk_t;
	v[3].fn = S_chunk_d;
	v[1].arg = 1;
	v[2].arg = 2;
	v[3].arg = 3;
	assert_int_equal(lay_run(&l, v, 4, 1, NULL, LAY_MAX_ROUNDS), 1);
	assert_int_equal(l.doc->npages, 2 + 5 + 1 + 1);
	assert_int_equal(l.doc->pages[0].nitems, 1);
	assert_true(l.doc->pages[0].items[0].x == 7);	/* T's page */
	assert_int_equal(l.doc->pages[8].nitems, 1);
	assert_true(l.doc->pages[8].items[0].x == 7);
	assert_int_equal(l.doc->pages[8].folio, 9);
	/* A three times; the others twice (the second time shifted). */
	assert_int_equal(S_runs[0], 3);
	assert_int_equal(S_runs[1], 2);
	assert_int_equal(S_runs[2], 2);
	assert_int_equal(S_runs[3], 2);
	free(l.info);
	layout_free(l.doc);
}

/*
 * lay_defer() with reserved pages: chunk 0 prints the page of target 0
 * (chunk 1's) before it is laid out, so it flows three boxes, one per
 * page, onto pages it reserves and finishes once chunk 1 is laid out:
 * its boxes land on its own pages, before chunk 1's, with the number.
 */
struct S_res {
	struct vlist	 v;
	size_t		 first;
};

static void
S_res_finish(struct lay *l, void *arg)
{
	struct S_res	*r = arg;
	struct lay_dep	*old;
	size_t		 i;

	(void)lay_deps_save(l, &old);	/* printed again below */
	free(old);
	for (i = 0; i < r->v.n; i++)
		r->v.v[i].items[0].x = (double)lay_ref(l, 0);
	assert_int_equal(lay_flow_fill(l, &r->v, r->first), r->first + 2);
	vlist_free(&r->v);
}

static void
S_chunk_res(struct lay *l, size_t arg)
{
	static struct S_res r;
	struct pdf_item	*it;
	size_t		 i, ref;

	(void)arg;
	memset(&r, 0, sizeof(r));
	ref = lay_ref(l, 0);
	assert_true(lay_unsure(l));
	for (i = 0; i < 3; i++) {
		it = vbox_add(vlist_add(&r.v, 100, 0));
		it->type = ITEM_LINE;
		it->x = (double)ref;
		r.v.v[i].newpage = 1;
	}
	r.first = lay_flow_reserve(l, &r.v, NULL, NULL, 0);
	assert_int_equal(l->doc->npages, 3);
	assert_int_equal(l->doc->pages[2].nitems, 0);
	lay_defer(l, S_res_finish, &r);
}

static void
test_lay_defer(void **state)
{
	struct lay	 l;
	struct lay_chunk v[2];
	size_t		 i;

	(void)state;
	memset(&l, 0, sizeof(l));
	memset(v, 0, sizeof(v));
	memset(S_runs, 0, sizeof(S_runs));
	l.doc = xcalloc(1, sizeof(*l.doc));
	l.doc->page_h = 595.28;
	l.top = l.bottom = 40;
	v[0].fn = S_chunk_res;
	v[1].fn = S_chunk_t;
	v[1].arg = 2;
	assert_int_equal(lay_run(&l, v, 2, 1, NULL, LAY_MAX_ROUNDS), 1);
	assert_int_equal(l.doc->npages, 4);
	for (i = 0; i < 3; i++) {
		assert_int_equal(l.doc->pages[i].nitems, 1);
		assert_true(l.doc->pages[i].items[0].x == 3);
	}
	assert_int_equal(l.doc->pages[3].nitems, 0);
	assert_int_equal(S_runs[2], 1);		/* nothing laid out twice */
	free(l.info);
	layout_free(l.doc);
}

/*
 * The alphabetical index: an entry per name, and one per sigle that
 * differs from the name ("Caf, voir Caisse..."); a sigle equal to the
 * name ("Aide aux familles") makes no second entry.  Entries are
 * counted by the start of their text items on the index's pages.
 */
static size_t
S_count_on(const struct pdf_doc *doc, const char *head, const char *text)
{
	size_t	 i, j, n = 0;

	for (i = 0; i < doc->npages; i++) {
		if (doc->pages[i].running_head == NULL ||
		    strcmp(doc->pages[i].running_head, head) != 0)
			continue;
		for (j = 0; j < doc->pages[i].nitems; j++)
			if (doc->pages[i].items[j].type == ITEM_TEXT &&
			    strncmp(doc->pages[i].items[j].text, text,
			    strlen(text)) == 0)
				n++;
	}
	return n;
}

static void
test_alpha_sigles(void **state)
{
	struct fx	*f = *state;
	struct diags	 d;
	struct pdf_doc	*doc;

	f->p[0].sigle = T("Caf", 3, 8);
	f->p[1].sigle = T("Aide aux familles", 3, 8);
	doc = S_layout(f, 0, &d);
	f->p[0].sigle = T(NULL, 0, 0);
	f->p[1].sigle = T(NULL, 0, 0);
	assert_non_null(doc);
	assert_int_equal(S_count_on(doc, "Index alphabétique", "Caf,"), 1);
	assert_int_equal(S_count_on(doc, "Index alphabétique",
	    "Aide aux familles"), 1);
	layout_free(doc);
	diags_free(&d);
}

/*
 * Two partners of one name: their entries of the alphabetical index
 * come in the order of their pages (the same order as the booklet's:
 * by slug), so that "Aide aux familles ... 9" comes before "... 11".
 */
static void
test_alpha_same_name(void **state)
{
	struct fx	*f = *state;
	struct diags	 d;
	struct pdf_doc	*doc;
	struct text	 saved = f->p[2].nom;
	const struct pdf_item *it;
	size_t		 i, j, k, n = 0, dest[4];

	f->p[2].nom = f->p[1].nom;	/* "aide" and "zeta", one category */
	doc = S_layout(f, 0, &d);
	f->p[2].nom = saved;
	assert_non_null(doc);
	for (i = 0; i < doc->npages; i++) {
		if (doc->pages[i].running_head == NULL ||
		    strcmp(doc->pages[i].running_head, "Index alphabétique") != 0)
			continue;
		for (j = 0; j < doc->pages[i].nitems; j++) {
			it = &doc->pages[i].items[j];
			if (it->type != ITEM_TEXT ||
			    strcmp(it->text, "Aide aux familles") != 0)
				continue;
			for (k = j + 1; k < doc->pages[i].nitems &&
			    doc->pages[i].items[k].type != ITEM_LINK_PAGE; k++)
				;
			assert_true(k < doc->pages[i].nitems && n < 4);
			dest[n++] = doc->pages[i].items[k].dest_page;
		}
	}
	assert_int_equal(n, 2);
	assert_true(dest[0] < dest[1]);
	layout_free(doc);
	diags_free(&d);
}

/*
 * The hours table: a closed week-end says nothing, but a Sunday
 * opening after a closed Saturday shows both days ("sam." fermé, then
 * "dim." with its hours).
 */
static void
test_hours_sunday(void **state)
{
	struct fx	*f = *state;
	struct diags	 d;
	struct pdf_doc	*doc;
	static struct timerange morning[] = { { 600, 720 } };

	memset(&f->p[0].horaires, 0, sizeof(f->p[0].horaires));
	f->p[0].horaires.present = 1;
	f->p[0].horaires.days[0].v = morning;
	f->p[0].horaires.days[0].n = 1;
	f->p[0].horaires.days[6].v = morning;
	f->p[0].horaires.days[6].n = 1;
	doc = S_layout(f, 0, &d);
	memset(&f->p[0].horaires, 0, sizeof(f->p[0].horaires));
	assert_non_null(doc);
	assert_true(S_has(doc, -1, "mar.–sam."));	/* closed, one row */
	assert_true(S_has(doc, -1, "dim."));
	layout_free(doc);
	diags_free(&d);
}

/*
 * Widows and orphans, by their keeps: a paragraph set by para_set()
 * keeps its first line with the second (no orphan: a first line alone
 * at the foot of a page) and its next-to-last with the last (no widow:
 * a last line alone at the head of the next page); the lines between
 * may break; the last line keeps with what follows only when asked
 * (keep_last: a heading's).  Then lay_fit(), the page break, honours
 * them: after a box that does not keep, wherever the page ends, the
 * paragraph never leaves one line on either side.
 */
static void
S_para_lines(struct lay *l, const char *text, int keep_last, struct vlist *v)
{
	struct para	 p;

	para_init(&p, 10, 13, 200);
	p.keep_last = keep_last;
	para_add(&p, text, FACE_REGULAR, 0, 0, NULL);
	para_set(l, &p, v);
	para_free(&p);
}

static void
test_widows_orphans(void **state)
{
	struct lay	 l;
	struct booklet_opts o;
	struct diags	 d;
	struct vlist	 v;
	struct vbox	*b;
	size_t		 i, n, first, brk;
	double		 avail;

	(void)state;
	memset(&l, 0, sizeof(l));
	memset(&o, 0, sizeof(o));
	o.theme_dir = "themes/default";
	o.default_theme_dir = "themes/default";
	diags_init(&d);
	l.diags = &d;
	assert_true(theme_load(&l.theme, &o, &d));
	assert_non_null(l.fonts = fonts_open(&l.theme, &d));
	l.tw = 200;

	/* A long paragraph: keeps on its first and next-to-last lines. */
	memset(&v, 0, sizeof(v));
	b = vlist_add(&v, 13, 0);	/* the box before: it does not keep */
	b->keep = 0;
	first = v.n;
	S_para_lines(&l, LONG_BODY LONG_BODY, 0, &v);
	n = v.n - first;
	assert_true(n >= 6);
	assert_int_equal(v.v[first].keep, 1);		/* no orphan */
	assert_int_equal(v.v[first + n - 2].keep, 1);	/* no widow */
	for (i = first + 1; i + 2 < first + n; i++)
		assert_int_equal(v.v[i].keep, 0);	/* the middle breaks */
	assert_int_equal(v.v[first + n - 1].keep, 0);
	/* Wherever the page ends: never one line of it on either side. */
	for (avail = 13; avail <= 13 * (double)(n + 2); avail += 6.5) {
		brk = lay_fit(&v, 0, avail);
		assert_true(brk > 0 && brk <= v.n);
		assert_true(brk != first + 1);		/* an orphan */
		assert_true(brk != first + n - 1);	/* a widow */
	}
	vlist_free(&v);

	/* keep_last: the last line keeps with the next box too. */
	memset(&v, 0, sizeof(v));
	S_para_lines(&l, LONG_BODY, 1, &v);
	assert_true(v.n >= 3);
	assert_int_equal(v.v[v.n - 1].keep, 1);
	vlist_free(&v);

	/* Two lines: together (each is the other's widow or orphan). */
	memset(&v, 0, sizeof(v));
	S_para_lines(&l, "Deux lignes : une phrase assez longue pour en "
	    "remplir une et déborder sur la suivante.", 0, &v);
	assert_int_equal(v.n, 2);
	assert_int_equal(v.v[0].keep, 1);
	assert_int_equal(v.v[1].keep, 0);
	vlist_free(&v);

	fonts_close(l.fonts);
	theme_free(&l.theme);
	diags_free(&d);
}

/*
 * How each character is printed (glyphs_how()), at the edges of its
 * classes: the C0 and C1 controls and DEL are invisible, Latin is the
 * theme's face, "→" the fallback's, Hebrew (R) and Arabic (AL) are
 * right to left, an emoji beyond the BMP is astral.
 */
static void
test_glyphs_how(void **state)
{
	struct theme	 t;
	struct booklet_opts o;
	struct diags	 d;
	struct fonts	*f;
	struct glyphs	*g;

	(void)state;
	memset(&t, 0, sizeof(t));
	memset(&o, 0, sizeof(o));
	o.theme_dir = "themes/default";
	o.default_theme_dir = "themes/default";
	diags_init(&d);
	assert_true(theme_load(&t, &o, &d));
	assert_non_null(f = fonts_open(&t, &d));
	assert_non_null(g = fonts_glyphs(f));
	assert_int_equal(glyphs_how(g, 0, 0x1f), GLYPH_INVISIBLE);
	assert_int_equal(glyphs_how(g, 0, 0x7f), GLYPH_INVISIBLE);
	assert_int_equal(glyphs_how(g, 0, 0x80), GLYPH_INVISIBLE);
	assert_int_equal(glyphs_how(g, 0, 0x9f), GLYPH_INVISIBLE);
	assert_int_equal(glyphs_how(g, 0, 'A'), GLYPH_PRIMARY);
	assert_int_equal(glyphs_how(g, 0, 0xe9), GLYPH_PRIMARY);
	assert_int_equal(glyphs_how(g, 0, 0x2192), GLYPH_FALLBACK);
	assert_int_equal(glyphs_how(g, 0, 0x5e9), GLYPH_RTL);	/* ש */
	assert_int_equal(glyphs_how(g, 0, 0x627), GLYPH_RTL);	/* ا */
	assert_int_equal(glyphs_how(g, 0, 0x1f600), GLYPH_ASTRAL);
	fonts_close(f);
	theme_free(&t);
	diags_free(&d);
}

/*
 * lay_fit() on boxes of known heights: what fits, the space above a
 * box dropped at the head of a page, a box that starts a new page, a
 * run of keeps moved whole to the next page, and a run of keeps taller
 * than the page set overfull rather than looping.
 */
static void
test_lay_fit(void **state)
{
	struct vlist	 v;
	size_t		 i;

	(void)state;
	memset(&v, 0, sizeof(v));
	for (i = 0; i < 6; i++)
		(void)vlist_add(&v, 10, 5);
	/* The first box's 5 pt above does not count: 10 + 3 x 15 = 55. */
	assert_int_equal(lay_fit(&v, 0, 55), 4);
	assert_int_equal(lay_fit(&v, 0, 54), 3);
	assert_int_equal(lay_fit(&v, 2, 55), 6);
	assert_int_equal(lay_fit(&v, 0, 1000), 6);
	/* Keeps: 2 keeps with 3 keeps with 4: the page breaks before 2. */
	v.v[2].keep = v.v[3].keep = 1;
	assert_int_equal(lay_fit(&v, 0, 55), 2);
	/* All keep: nothing breakable, the page takes what fits. */
	for (i = 0; i < 6; i++)
		v.v[i].keep = 1;
	assert_int_equal(lay_fit(&v, 0, 55), 4);
	for (i = 0; i < 6; i++)
		v.v[i].keep = 0;
	/* A box that starts a new page, unless it heads this one. */
	v.v[1].newpage = 1;
	assert_int_equal(lay_fit(&v, 0, 1000), 1);
	assert_int_equal(lay_fit(&v, 1, 1000), 6);
	vlist_free(&v);
}

int
main(void)
{
	const struct CMUnitTest layout[] = {
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_partners),
		cmocka_unit_test(test_justified),
		cmocka_unit_test(test_coverage_fallback),
		cmocka_unit_test(test_contrast_fixture),
		cmocka_unit_test(test_contrast_example),
		cmocka_unit_test(test_long_strings),
		cmocka_unit_test(test_widows_orphans),
		cmocka_unit_test(test_alpha_sigles),
		cmocka_unit_test(test_hours_sunday),
		cmocka_unit_test(test_alpha_same_name),
	};
	const struct CMUnitTest pure[] = {
		cmocka_unit_test(test_qr_url),
		cmocka_unit_test(test_contrast),
		cmocka_unit_test(test_span_joints),
		cmocka_unit_test(test_vbox_dup),
		cmocka_unit_test(test_verify),
		cmocka_unit_test(test_lay_run),
		cmocka_unit_test(test_lay_defer),
		cmocka_unit_test(test_lay_fit),
		cmocka_unit_test(test_glyphs_how),
	};
	int	 rc;

	rc = cmocka_run_group_tests_name("layout", layout, setup, teardown);
	rc += cmocka_run_group_tests_name("layout helpers", pure, NULL, NULL);
	return rc;
}
