/*
 * html_context.c — model -> Mustache value trees for the site's pages.
 *
 * Every text that comes from content/ goes into the tree as a plain
 * string: the templates escape it ({{x}}).  Only two kinds of values are
 * raw HTML ({{{x}}}): Markdown rendered by markdown_html() (safe by
 * construction) and the inline SVG pictograms built from the font.
 * French typography (typo_fr) is applied to running text here, once.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "colour.h"
#include "export.h"
#include "html_int.h"
#include "markdown.h"
#include "network.h"
#include "news.h"
#include "picto.h"
#include "typo.h"
#include "util.h"

/* ---- small helpers --------------------------------------------------- */

/*
 * Set key to typo_fr(s), or to null when s is NULL: an absent key would
 * let Mustache find the same name further up the context stack (the
 * sigle of the page's partner inside the list of its links).
 */
static void
S_set_fr(struct tval *m, const char *key, const char *s)
{
	tval_set(m, key, s != NULL ? tval_str_own(typo_fr(s)) : tval_null());
}

/*
 * Set key to a partner's text s in French typography: from fr, the
 * cache of hctx_init() (NULL: none), when p is one of the site's
 * partners (news.c passes an older edition's); as S_set_fr() does.
 */
static void
S_set_fr_of(const struct hctx *hc, struct tval *m, const char *key,
    const struct partner *p, char *const *fr, const char *s)
{
	uintptr_t	 a = (uintptr_t)p, lo, hi;

	lo = (uintptr_t)hc->site->partners;
	hi = (uintptr_t)(hc->site->partners + hc->site->npartners);
	if (s != NULL && fr != NULL && a >= lo && a < hi)
		tval_set(m, key, tval_str(fr[p - hc->site->partners]));
	else
		S_set_fr(m, key, s);
}

/* Whether t is one of the site's thématiques (hctx_init()'s caches). */
static int
S_is_site_thematique(const struct hctx *hc, const struct thematique *t)
{
	uintptr_t	 a = (uintptr_t)t, lo, hi;

	lo = (uintptr_t)hc->site->thematiques;
	hi = (uintptr_t)(hc->site->thematiques + hc->site->nthematiques);
	return hc->th_label != NULL && a >= lo && a < hi;
}

static void
S_set_own(struct tval *m, const char *key, char *s)
{
	tval_set(m, key, tval_str_own(s));
}

/* Percent-encode s (UTF-8) for a URI component: unreserved kept. */
static void
S_pct(struct buf *b, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~')
			buf_putc(b, *p);
		else
			buf_pct(b, *p);
}

/* "#rrggbb" of rgb; static buffer of the caller. */
static void
S_hex(char out[8], unsigned int rgb)
{
	static const char hex[] = "0123456789abcdef";
	int	 i;

	out[0] = '#';
	for (i = 0; i < 6; i++)
		out[1 + i] = hex[(rgb >> (20 - 4 * i)) & 15];
	out[7] = '\0';
}

/* "1 partenaire", "12 partenaires"; allocated. */
static char *
S_count_label(size_t n)
{
	return xasprintf("%zu partenaire%s", n, n > 1 ? "s" : "");
}

/* ---- pieces ----------------------------------------------------------- */

static struct tval *
S_ctx_phone(const struct phone *ph)
{
	struct tval	*m;

	if (ph->raw.s == NULL || ph->display == NULL || ph->uri == NULL)
		return tval_null();
	m = tval_map();
	tval_set_str(m, "display", ph->display);
	tval_set_str(m, "uri", ph->uri);
	return m;
}

static struct tval *
S_ctx_address(const struct address *a)
{
	struct tval	*m;
	struct buf	 b;

	if (a->rue.s == NULL && a->ville.s == NULL)
		return tval_null();
	m = tval_map();
	S_set_fr(m, "rue", a->rue.s);
	S_set_fr(m, "complement", a->complement.s);
	tval_set_str(m, "code_postal", a->code_postal.s);
	tval_set_str(m, "ville", a->ville.s);
	/* A search on OpenStreetMap: a link the reader follows, no request. */
	buf_init(&b);
	buf_puts(&b, "https://www.openstreetmap.org/search?query=");
	S_pct(&b, a->rue.s ? a->rue.s : "");
	buf_puts(&b, "%2C%20");
	S_pct(&b, a->code_postal.s ? a->code_postal.s : "");
	buf_puts(&b, "%20");
	S_pct(&b, a->ville.s ? a->ville.s : "");
	S_set_own(m, "osm", buf_detach(&b));
	buf_free(&b);
	return m;
}

static struct tval *
S_ctx_organisation(const struct organisation *o)
{
	struct tval	*m = tval_map();

	static const struct {
		const char	*key;
		enum org_case	 k;
	} phrase[] = {
		{ "le_nom", ORG_NOM }, { "Le_nom", ORG_DEBUT },
		{ "au_nom", ORG_A }, { "du_nom", ORG_DE },
	};
	char		*t;
	size_t		 i;

	S_set_fr(m, "nom", o->nom.s);
	/* The name with its article, as it reads in a sentence. */
	for (i = 0; i < sizeof(phrase) / sizeof(phrase[0]); i++) {
		t = model_org_phrase(o, phrase[i].k);
		S_set_fr(m, phrase[i].key, t);
		free(t);
	}
	tval_set(m, "adresse", S_ctx_address(&o->adresse));
	tval_set(m, "telephone", S_ctx_phone(&o->telephone));
	tval_set_str(m, "courriel", o->courriel.s);
	tval_set_str(m, "site", o->site.s);
	return m;
}

static struct tval *
S_ctx_horaires(const struct horaires *h)
{
	struct tval	*m, *days, *d;
	struct buf	 b;
	size_t		 j;
	int		 i, any = 0;

	if (!h->present)
		return tval_null();
	m = tval_map();
	days = tval_list();
	buf_init(&b);
	for (i = 0; i < 7; i++) {
		d = tval_map();
		tval_set_str(d, "jour", model_day_label(i));
		tval_set_num(d, "index", i);
		tval_set_bool(d, "ferme", h->days[i].n == 0);
		if (h->days[i].n > 0) {
			struct tval *ranges = tval_list();

			any = 1;
			for (j = 0; j < h->days[i].n; j++) {
				buf_reset(&b);
				model_time_fr_put(&b, h->days[i].v[j].start);
				buf_puts(&b, NBSP "\xe2\x80\x93 ");	/* – */
				model_time_fr_put(&b, h->days[i].v[j].end);
				tval_push(ranges, tval_str(buf_cstr(&b)));
			}
			tval_set(d, "plages", ranges);
		}
		tval_push(days, d);
	}
	buf_free(&b);
	tval_set_bool(m, "a_jours", any);
	if (any)
		tval_set(m, "jours", days);
	else
		tval_free(days);
	S_set_fr(m, "precisions", h->precisions.s);
	return m;
}

struct tval *
hctx_thematique(const struct hctx *hc, const struct thematique *t,
    const char *root)
{
	struct tval	*m = tval_map();
	size_t		 i;

	tval_set_str(m, "key", t->key);
	i = (size_t)(t - hc->site->thematiques);
	if (!S_is_site_thematique(hc, t)) {
		/* Not one of the site's: no cache, no pictogram. */
		S_set_fr(m, "label", t->label);
		S_set_own(m, "href", xasprintf("%sthematiques/%s.html", root,
		    t->key));
		tval_set_num(m, "count", (double)t->npartners);
		S_set_own(m, "count_label", S_count_label(t->npartners));
		tval_set(m, "picto", tval_null());
		return m;
	}
	tval_set(m, "label", hc->th_label[i] != NULL ?
	    tval_str(hc->th_label[i]) : tval_null());
	S_set_own(m, "href", xasprintf("%sthematiques/%s.html", root, t->key));
	tval_set_num(m, "count", (double)t->npartners);
	tval_set_str(m, "count_label", hc->th_count[i]);
	if (hc->th_svg[i] != NULL) {
		hc->used[i] = 1;
		tval_set_str(m, "picto", hc->th_svg[i]);
	} else
		tval_set(m, "picto", tval_null());
	return m;
}

/* The <svg> that shows thématique i's pictogram (paths[i] is set). */
static char *
S_picto_svg(const struct hctx *hc, size_t i)
{
	const struct picto_box *bx = &hc->boxes[i];
	long w = bx->h > 0 ? (bx->w * 1000 + bx->h / 2) / bx->h : 1000;

	return xasprintf("<svg class=\"picto\" "
	    "viewBox=\"%ld %ld %ld %ld\" width=\"%ld.%03ldem\" "
	    "height=\"1em\" aria-hidden=\"true\">"
	    "<use href=\"#picto-%s\"/></svg>", bx->x, bx->y, bx->w,
	    bx->h, w / 1000, w % 1000, hc->site->thematiques[i].key);
}

/*
 * The font's units are fine (1792 per em for Fork Awesome): divide
 * every coordinate by PICTO_SCALE, rounding half away from zero, so that
 * a page carries a quarter of the digits; 224 units per em are still
 * ten per pixel at the sizes the site uses.  Integer arithmetic only.
 */
#define	PICTO_SCALE	8

static long
S_div(long v)
{
	return v >= 0 ? (v + PICTO_SCALE / 2) / PICTO_SCALE :
	    -((-v + PICTO_SCALE / 2) / PICTO_SCALE);
}

static char *
S_scale_path(const char *d)
{
	struct buf	 b;
	const char	*p = d;
	char		*end;
	long		 v;

	buf_init(&b);
	while (*p != '\0') {
		if ((*p >= '0' && *p <= '9') || (*p == '-' &&
		    p[1] >= '0' && p[1] <= '9')) {
			v = strtol(p, &end, 10);
			buf_printf(&b, "%ld", S_div(v));
			p = end;
		} else
			buf_putc(&b, *p++);
	}
	return buf_detach(&b);
}

void
hctx_init(struct hctx *hc, const struct site *s, const struct html_opts *o)
{
	size_t	 i, n = s->nthematiques;
	char	*d;

	memset(hc, 0, sizeof(*hc));
	hc->site = s;
	hc->opts = o;
	hc->network = network_any(s);
	hc->fr_nom = xcalloc(s->npartners ? s->npartners : 1,
	    sizeof(*hc->fr_nom));
	hc->fr_resume = xcalloc(s->npartners ? s->npartners : 1,
	    sizeof(*hc->fr_resume));
	for (i = 0; i < s->npartners; i++) {
		if (s->partners[i].nom.s != NULL)
			hc->fr_nom[i] = typo_fr(s->partners[i].nom.s);
		if (s->partners[i].resume.s != NULL)
			hc->fr_resume[i] = typo_fr(s->partners[i].resume.s);
	}
	hc->th_label = xcalloc(n ? n : 1, sizeof(*hc->th_label));
	hc->th_count = xcalloc(n ? n : 1, sizeof(*hc->th_count));
	hc->th_svg = xcalloc(n ? n : 1, sizeof(*hc->th_svg));
	for (i = 0; i < n; i++) {
		if (s->thematiques[i].label != NULL)
			hc->th_label[i] = typo_fr(s->thematiques[i].label);
		hc->th_count[i] = S_count_label(s->thematiques[i].npartners);
	}
	hc->cat_label = xcalloc(s->ncategories ? s->ncategories : 1,
	    sizeof(*hc->cat_label));
	hc->cat_count = xcalloc(s->ncategories ? s->ncategories : 1,
	    sizeof(*hc->cat_count));
	for (i = 0; i < s->ncategories; i++) {
		if (s->categories[i].label != NULL)
			hc->cat_label[i] = typo_fr(s->categories[i].label);
		hc->cat_count[i] = S_count_label(s->categories[i].npartners);
	}
	/* Without the font the site simply has no pictograms. */
	if ((hc->picto = picto_open(PICTO_FONT_PATH, PICTO_CSS_PATH)) == NULL)
		return;
	hc->paths = xcalloc(n ? n : 1, sizeof(*hc->paths));
	hc->boxes = xcalloc(n ? n : 1, sizeof(*hc->boxes));
	hc->used = xcalloc(n ? n : 1, 1);
	for (i = 0; i < n; i++)
		if (s->thematiques[i].icon != NULL &&
		    (d = picto_svg_path(hc->picto, s->thematiques[i].icon,
		    &hc->boxes[i])) != NULL) {
			hc->paths[i] = S_scale_path(d);
			free(d);
			hc->boxes[i].x = S_div(hc->boxes[i].x);
			hc->boxes[i].y = S_div(hc->boxes[i].y);
			hc->boxes[i].w = S_div(hc->boxes[i].w);
			hc->boxes[i].h = S_div(hc->boxes[i].h);
			hc->th_svg[i] = S_picto_svg(hc, i);
		}
}

void
hctx_free(struct hctx *hc)
{
	size_t	 i;

	if (hc->paths != NULL)
		for (i = 0; i < hc->site->nthematiques; i++)
			free(hc->paths[i]);
	free(hc->paths);
	free(hc->boxes);
	free(hc->used);
	picto_close(hc->picto);
	if (hc->fr_nom != NULL)
		for (i = 0; i < hc->site->npartners; i++) {
			free(hc->fr_nom[i]);
			free(hc->fr_resume[i]);
		}
	free(hc->fr_nom);
	free(hc->fr_resume);
	if (hc->th_label != NULL)
		for (i = 0; i < hc->site->nthematiques; i++) {
			free(hc->th_label[i]);
			free(hc->th_count[i]);
			free(hc->th_svg[i]);
		}
	free(hc->th_label);
	free(hc->th_count);
	free(hc->th_svg);
	if (hc->cat_label != NULL)
		for (i = 0; i < hc->site->ncategories; i++) {
			free(hc->cat_label[i]);
			free(hc->cat_count[i]);
		}
	free(hc->cat_label);
	free(hc->cat_count);
}

struct tval *
hctx_symbols(const struct hctx *hc)
{
	struct tval	*l = tval_list(), *e;
	size_t		 i;

	for (i = 0; hc->used != NULL && i < hc->site->nthematiques; i++) {
		if (!hc->used[i])
			continue;
		hc->used[i] = 0;
		e = tval_map();
		S_set_own(e, "id", xasprintf("picto-%s",
		    hc->site->thematiques[i].key));
		S_set_own(e, "viewbox", xasprintf("%ld %ld %ld %ld",
		    hc->boxes[i].x, hc->boxes[i].y, hc->boxes[i].w,
		    hc->boxes[i].h));
		tval_set_str(e, "d", hc->paths[i]);
		tval_push(l, e);
	}
	return l;
}

struct tval *
hctx_category(const struct hctx *hc, const struct category *c,
    const char *root)
{
	struct tval	*m = tval_map();
	uintptr_t	 a = (uintptr_t)c, lo, hi;
	size_t		 i;

	lo = (uintptr_t)hc->site->categories;
	hi = (uintptr_t)(hc->site->categories + hc->site->ncategories);
	tval_set_str(m, "key", c->key);
	if (hc->cat_label != NULL && a >= lo && a < hi) {
		i = (size_t)(c - hc->site->categories);
		tval_set(m, "label", hc->cat_label[i] != NULL ?
		    tval_str(hc->cat_label[i]) : tval_null());
		S_set_own(m, "href", xasprintf("%scategories/%s.html", root,
		    c->key));
		tval_set_num(m, "count", (double)c->npartners);
		tval_set_str(m, "count_label", hc->cat_count[i]);
		return m;
	}
	S_set_fr(m, "label", c->label);
	S_set_own(m, "href", xasprintf("%scategories/%s.html", root, c->key));
	tval_set_num(m, "count", (double)c->npartners);
	S_set_own(m, "count_label", S_count_label(c->npartners));
	return m;
}

/* mailto: link to the coordination, subject and body prefilled. */
static char *
S_report_link(const struct site *s, const struct partner *p, const char *rel)
{
	struct buf	 b, txt;
	char		*name = model_display_name(p);

	buf_init(&b);
	buf_init(&txt);
	buf_puts(&b, "mailto:");
	buf_puts(&b, s->coordination.courriel.s);
	buf_puts(&b, "?subject=");
	buf_printf(&txt, "%s" NBSP ": erreur sur la fiche \xc2\xab" NBSP "%s"
	    NBSP "\xc2\xbb", s->titre.s, name);
	S_pct(&b, buf_cstr(&txt));
	buf_puts(&b, "&body=");
	buf_reset(&txt);
	buf_printf(&txt, "Bonjour,\r\n\r\nSur la fiche \xc2\xab" NBSP "%s"
	    NBSP "\xc2\xbb (%s%s), ", name, s->url.s ? s->url.s : "", rel);
	buf_puts(&txt, "j'ai remarqué l'erreur suivante" NBSP ":\r\n\r\n\r\n"
	    "Merci" NBSP "!\r\n");
	S_pct(&b, buf_cstr(&txt));
	buf_free(&txt);
	free(name);
	return buf_detach(&b);
}

/* Space-separated keys, for data-* attributes read by recherche.js. */
static char *
S_keys_thematiques(const struct partner *p)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < p->nthematiques; i++)
		buf_printf(&b, "%s%s", i ? " " : "", p->thematiques[i]->key);
	return buf_detach(&b);
}

static char *
S_keys_modalites(const struct partner *p)
{
	struct buf	 b;
	int		 i;

	buf_init(&b);
	for (i = 0; i < MOD__COUNT; i++)
		if (p->modalites & (1u << i))
			buf_printf(&b, "%s%s", b.len ? " " : "",
			    model_modalite_key((enum modalite)(1u << i)));
	return buf_detach(&b);
}

static char *
S_keys_langues(const struct partner *p)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < p->langues.n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", p->langues.v[i].s);
	return buf_detach(&b);
}

/* ---- partner ---------------------------------------------------------- */

/* A link to a partner: {href, nom, sigle}; hctx_partner() builds on it. */
static struct tval *
S_partner_link(const struct hctx *hc, const struct partner *p,
    const char *root)
{
	struct tval	*m = tval_map();

	S_set_own(m, "href", xasprintf("%spartenaires/%s.html", root, p->slug));
	S_set_fr_of(hc, m, "nom", p, hc->fr_nom, p->nom.s);
	tval_set_str(m, "sigle", p->sigle.s != NULL && (p->nom.s == NULL ||
	    strcmp(p->sigle.s, p->nom.s) != 0) ? p->sigle.s : NULL);
	return m;
}

struct tval *
hctx_partner(const struct hctx *hc, const struct partner *p,
    const char *root, int full)
{
	struct tval	*m = S_partner_link(hc, p, root), *l, *e;
	const char	*lab;
	char		*rel, iso[11];
	size_t		 i;
	int		 k;

	tval_set_str(m, "slug", p->slug);
	S_set_own(m, "display_name", model_display_name(p));
	S_set_fr_of(hc, m, "resume", p, hc->fr_resume, p->resume.s);
	if (p->category != NULL)
		tval_set(m, "categorie", hctx_category(hc, p->category,
		    root));
	l = tval_list();
	for (i = 0; i < p->nthematiques; i++)
		tval_push(l, hctx_thematique(hc, p->thematiques[i], root));
	tval_set(m, "thematiques", l);
	tval_set(m, "telephone", S_ctx_phone(&p->telephone));
	tval_set_str(m, "courriel", p->courriel.s);
	S_set_own(m, "data_thematiques", S_keys_thematiques(p));
	S_set_own(m, "data_modalites", S_keys_modalites(p));
	S_set_own(m, "data_langues", S_keys_langues(p));
	if (!full)
		return m;

	if (p->site.s != NULL) {
		e = tval_map();
		tval_set_str(e, "href", p->site.s);
		S_set_own(e, "label", model_url_label(p->site.s));
		tval_set(m, "site_web", e);
	} else
		tval_set(m, "site_web", tval_null());
	tval_set(m, "adresse", S_ctx_address(&p->adresse));
	S_set_fr(m, "transports", p->transports.s);
	tval_set(m, "horaires", S_ctx_horaires(&p->horaires));

	l = tval_list();
	for (k = 0; k < MOD__COUNT; k++)
		if (p->modalites & (1u << k)) {
			e = tval_map();
			tval_set_str(e, "key",
			    model_modalite_key((enum modalite)(1u << k)));
			tval_set_str(e, "label",
			    model_modalite_label((enum modalite)(1u << k)));
			tval_push(l, e);
		}
	if (tval_len(l) > 0 || p->cout != COUT_NONE ||
	    p->acces_precisions.s != NULL) {
		e = tval_map();
		tval_set_bool(e, "a_modalites", tval_len(l) > 0);
		if (tval_len(l) > 0)
			tval_set(e, "modalites", l);
		else
			tval_free(l);
		tval_set_str(e, "cout", model_cout_label(p->cout));
		S_set_fr(e, "precisions", p->acces_precisions.s);
		tval_set(m, "acces", e);
	} else {
		tval_free(l);
		tval_set(m, "acces", tval_null());
	}

	if (p->langues.n > 0) {
		l = tval_list();
		for (i = 0; i < p->langues.n; i++) {
			lab = model_langue_label(p->langues.v[i].s);
			e = tval_map();
			/* BCP 47 has no "lsf": French Sign Language is "fsl". */
			tval_set_str(e, "code", strcmp(p->langues.v[i].s,
			    "lsf") == 0 ? "fsl" : p->langues.v[i].s);
			tval_set_str(e, "label", lab ? lab : p->langues.v[i].s);
			tval_set_bool(e, "last", i + 1 == p->langues.n);
			tval_push(l, e);
		}
		tval_set(m, "langues", l);
	}
	tval_set_bool(m, "a_langues", p->langues.n > 0);
	tval_set(m, "accessibilite", tval_null());
	if (p->accessibilite != ACCESS_NONE) {
		e = tval_map();
		tval_set_str(e, "label",
		    model_accessibilite_label(p->accessibilite));
		S_set_fr(e, "precisions", p->accessibilite_precisions.s);
		tval_set(m, "accessibilite", e);
	}

	l = tval_list();
	for (i = 0; i < p->missions.n; i++)
		tval_push(l, tval_str_own(typo_fr(p->missions.v[i].s)));
	tval_set(m, "missions", l);
	if (p->nactions > 0) {
		l = tval_list();
		for (i = 0; i < p->nactions; i++) {
			e = tval_map();
			S_set_fr(e, "titre", p->actions[i].titre.s);
			S_set_fr(e, "description", p->actions[i].description.s);
			tval_push(l, e);
		}
		tval_set(m, "actions", l);
	}
	tval_set_bool(m, "a_actions", p->nactions > 0);
	S_set_fr(m, "public", p->public_.s);
	tval_set(m, "presentation", p->body != NULL ?
	    tval_str_own(markdown_html(p->body, 3)) : tval_null());
	tval_set(m, "logo", tval_null());
	if (p->logo.s != NULL) {
		e = tval_map();
		S_set_own(e, "src", xasprintf("%s%s", root, p->logo.s));
		tval_set(m, "logo", e);
	}
	if (p->nliens > 0) {
		l = tval_list();
		for (i = 0; i < p->nliens; i++)
			tval_push(l, S_partner_link(hc, p->liens[i], root));
		tval_set(m, "liens", l);
	}
	tval_set_bool(m, "a_liens", p->nliens > 0);
	S_set_own(m, "mise_a_jour", date_fr(&p->mise_a_jour));
	date_iso(&p->mise_a_jour, iso);
	S_set_own(m, "mise_a_jour_iso", xstrdup(iso));
	rel = export_vcard_path(p);
	S_set_own(m, "vcard", xasprintf("%s%s", root, rel));
	free(rel);
	rel = xasprintf("partenaires/%s.html", p->slug);
	S_set_own(m, "signaler", S_report_link(hc->site, p, rel));
	free(rel);
	return m;
}

/* Whether p is listed under thématique t and category c (NULL: any). */
static int
S_listed(const struct partner *p, const struct thematique *t,
    const struct category *c)
{
	return (t == NULL || model_has_thematique(p, t)) &&
	    (c == NULL || p->category == c);
}

struct tval *
hctx_cards(const struct hctx *hc, const char *root,
    const struct thematique *t, const struct category *c)
{
	struct tval	*l = tval_list();
	size_t		 i;

	for (i = 0; i < hc->site->npartners; i++)
		if (S_listed(&hc->site->partners[i], t, c))
			tval_push(l, hctx_partner(hc, &hc->site->partners[i],
			    root, 0));
	return l;
}

struct tval *
hctx_partner_links(const struct hctx *hc, const char *root,
    const struct thematique *t, const struct category *c)
{
	struct tval	*l = tval_list(), *e;
	size_t		 i;

	for (i = 0; i < hc->site->npartners; i++) {
		const struct partner *p = &hc->site->partners[i];

		if (!S_listed(p, t, c))
			continue;
		e = S_partner_link(hc, p, root);
		tval_set(e, "telephone", S_ctx_phone(&p->telephone));
		tval_push(l, e);
	}
	return l;
}

struct tval *
hctx_needs(const struct hctx *hc, const char *root)
{
	struct tval	*l = tval_list();
	size_t		 i;

	for (i = 0; i < hc->site->nthematiques; i++)
		if (hc->site->thematiques[i].npartners > 0)
			tval_push(l, hctx_thematique(hc,
			    &hc->site->thematiques[i], root));
	return l;
}

/* ---- page ------------------------------------------------------------- */

static void
S_nav(struct tval *page, const char *root, const char *current)
{
	static const struct {
		const char *key, *href, *label;
	} items[] = {
		{ "accueil", "index.html", "Accueil" },
		{ "besoins", "thematiques.html", "Besoins" },
		{ "categories", "categories.html", "Cat\xc3\xa9gories" },
		{ "apropos", "a-propos.html", "\xc3\x80 propos" },
	};
	struct tval	*l = tval_list(), *e;
	size_t		 i;

	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		e = tval_map();
		S_set_own(e, "href", xasprintf("%s%s", root, items[i].href));
		tval_set_str(e, "label", items[i].label);
		tval_set_bool(e, "current", current != NULL &&
		    strcmp(current, items[i].key) == 0);
		tval_push(l, e);
	}
	tval_set(page, "nav", l);
}

struct tval *
hctx_page(const struct hctx *hc, const char *root, const char *rel,
    const char *title, const char *current)
{
	const struct site *s = hc->site;
	struct tval	*page = tval_map(), *site = tval_map(), *l, *e;
	char		 hex[8];
	size_t		 i;

	tval_set_str(page, "root", root);
	if (title != NULL)
		S_set_own(page, "title", xasprintf("%s \xe2\x80\x94 %s",
		    title, s->titre.s));
	else
		tval_set_str(page, "title", s->titre.s);
	if (s->url.s != NULL && rel != NULL)
		S_set_own(page, "canonical", xasprintf("%s%s", s->url.s,
		    strcmp(rel, "index.html") == 0 ? "" : rel));
	S_set_own(page, "page_url", xasprintf("%s%s", s->url.s ? s->url.s : "",
	    rel ? rel : ""));
	/* <meta name="description">: the edition's subtitle (a partner's
	 * page puts its résumé there, html.c). */
	if (s->sous_titre.s != NULL)
		S_set_fr(page, "description", s->sous_titre.s);
	else
		S_set_own(page, "description", xasprintf("%s, édition %d",
		    s->titre.s, s->edition));

	S_set_fr(site, "titre", s->titre.s);
	S_set_fr(site, "sous_titre", s->sous_titre.s);
	tval_set_num(site, "edition", s->edition);
	tval_set(site, "editeur", S_ctx_organisation(&s->editeur));
	tval_set(site, "coordination", S_ctx_organisation(&s->coordination));
	tval_set_str(site, "url", s->url.s);
	tval_set(page, "site", site);

	if (hc->opts->booklet_name != NULL) {
		e = tval_map();
		S_set_own(e, "href", xasprintf("%s%s", root,
		    hc->opts->booklet_name));
		tval_set(page, "livret", e);
	}
	S_nav(page, root, current);
	if (hc->opts->news != NULL && news_any(hc->opts->news))
		tval_set_bool(page, "nouveautes", 1);
	tval_set_bool(page, "reseau", hc->network);

	l = tval_list();
	for (i = 0; i < s->ncategories; i++) {
		const struct category *c = &s->categories[i];

		e = hctx_category(hc, c, root);
		S_hex(hex, c->rgb);
		tval_set_str(e, "couleur", hex);
		S_hex(hex, colour_dark(c->rgb));
		tval_set_str(e, "fonce", hex);
		S_hex(hex, colour_light(c->rgb));
		tval_set_str(e, "clair", hex);
		tval_push(l, e);
	}
	tval_set(page, "categories", l);
	return page;
}

/* ---- filters of the home page ---------------------------------------- */

static struct tval *
S_option(const char *key, const char *label)
{
	struct tval	*e = tval_map();

	tval_set_str(e, "key", key);
	tval_set_str(e, "label", label);
	return e;
}

struct tval *
hctx_filters(const struct hctx *hc)
{
	const struct site *s = hc->site;
	struct tval	*m = tval_map(), *l;
	const char	**codes = NULL;	/* distinct language codes */
	size_t		 i, j, k, n = 0;
	unsigned int	 mods = 0;
	int		 b;

	l = tval_list();
	for (i = 0; i < s->nthematiques; i++)
		if (s->thematiques[i].npartners > 0)
			tval_push(l, S_option(s->thematiques[i].key,
			    s->thematiques[i].label));
	tval_set(m, "thematiques", l);
	l = tval_list();
	for (i = 0; i < s->ncategories; i++)
		if (s->categories[i].npartners > 0)
			tval_push(l, S_option(s->categories[i].key,
			    s->categories[i].label));
	tval_set(m, "categories", l);

	for (i = 0; i < s->npartners; i++) {
		const struct partner *p = &s->partners[i];

		mods |= p->modalites;
		for (j = 0; j < p->langues.n; j++) {
			for (k = 0; k < n; k++)
				if (strcmp(codes[k], p->langues.v[j].s) == 0)
					break;
			if (k == n) {
				codes = xreallocarray(codes, n + 1,
				    sizeof(*codes));
				codes[n++] = p->langues.v[j].s;
			}
		}
	}
	l = tval_list();
	for (b = 0; b < MOD__COUNT; b++)
		if (mods & (1u << b))
			tval_push(l, S_option(
			    model_modalite_key((enum modalite)(1u << b)),
			    model_modalite_label((enum modalite)(1u << b))));
	tval_set(m, "modalites", l);

	/* Languages: French first, then by label (insertion sort, small n). */
	for (i = 1; i < n; i++)
		for (k = i; k > 0; k--) {
			const char *a = codes[k - 1], *c = codes[k];
			const char *la = model_langue_label(a);
			const char *lc = model_langue_label(c);

			if (strcmp(a, "fr") == 0)
				break;
			if (strcmp(c, "fr") != 0 &&
			    str_collate(la ? la : a, lc ? lc : c) <= 0)
				break;
			codes[k - 1] = c;
			codes[k] = a;
		}
	l = tval_list();
	for (i = 0; i < n; i++) {
		const char *lab = model_langue_label(codes[i]);

		tval_push(l, S_option(codes[i], lab ? lab : codes[i]));
	}
	tval_set(m, "langues", l);
	free(codes);
	return m;
}
