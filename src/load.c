/*
 * load.c — content/ -> model: the folder, then each file.  See load.h.
 * The files are read by load_file.c (bytes, encodings) and load_front.c
 * (front matter, YAML by load_yaml.c); their fields by load_site.c
 * (site.yaml) and load_partner.c (pages), both through load_field.c;
 * the formats are checked by validate.c.
 *
 * Every check appends a diagnostic and goes on, so that one run reports
 * every problem of every file.  A page with an error is left out of the
 * model; site.yaml is loaded first because pages refer to its
 * categories and thematiques, and pages are checked even when site.yaml
 * has errors (references to an unusable vocabulary are then skipped).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "i18n.h"
#include "load.h"
#include "load_front.h"
#include "load_diag.h"
#include "load_int.h"
#include "load_partner.h"
#include "load_site.h"
#include "load_thesaurus.h"
#include "load_yaml.h"
#include "picto.h"
#include "unicode.h"
#include "util.h"
#include "validate.h"


/* ---- the folder ------------------------------------------------------ */

static int
S_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * File names of partenaires/ ending in ".md" (any case), sorted.
 * Others are warned about (hidden files and editor backups ignored).
 */
static char **
S_list(struct load_ctx *c, const char *dir, size_t *np, int *missing)
{
	DIR		*d;
	struct dirent	*e;
	char		**v = NULL, *path;
	size_t		 n = 0, cap = 0, len;
	struct stat	 st;

	*np = 0;
	*missing = 0;
	if ((d = opendir(dir)) == NULL) {
		c->file = dir;
		load_err(c, load_nopos(), "cannot read the folder of partner "
		    "pages: %s", strerror(errno));
		*missing = 1;
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		len = strlen(e->d_name);
		if (e->d_name[len - 1] == '~')
			continue;
		path = path_join(dir, e->d_name);
		if (len < 4 || strcasecmp(e->d_name + len - 3, ".md") != 0 ||
		    stat(path, &st) == -1 || !S_ISREG(st.st_mode)) {
			diag_warn(c->d, path, 1, 1, "ignored: only .md files "
			    "of this folder are partner pages");
			free(path);
			continue;
		}
		free(path);
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof(*v), S_cmp_str);
	*np = n;
	return v;
}

/*
 * Resolves liens against every page found, then moves the pages without
 * errors into s->partners and frees the others (and every page's liens).
 */
static void
S_links(struct load_ctx *c, struct page *pages, size_t n, struct site *s)
{
	size_t		 i, j, k, m;
	struct page	*pg;
	struct partner	*t;
	const char	**slugs;

	/* The slugs of every page found, sorted: liens name one of them. */
	slugs = xcalloc(n ? n : 1, sizeof(*slugs));
	for (i = 0; i < n; i++)
		slugs[i] = pages[i].p.slug;
	if (n > 1)
		qsort(slugs, n, sizeof(*slugs), S_cmp_str);
	/* Errors first: they decide which pages are kept. */
	for (i = 0; i < n; i++) {
		pg = &pages[i];
		c->file = pg->p.path;
		for (j = 0; j < pg->liens.n; j++) {
			const char *l = pg->liens.v[j].s;

			if (strcmp(l, pg->p.slug) == 0) {
				load_err(c, pg->liens.v[j].pos, "liens: \"%s\" "
				    "is this page itself", l);
				pg->ok = 0;
				continue;
			}
			if (n == 0 || bsearch(&l, slugs, n, sizeof(*slugs),
			    S_cmp_str) == NULL) {
				const char **keys = xcalloc(n, sizeof(*keys));
				const char *sug;

				for (m = 0; m < n; m++)
					keys[m] = pages[m].p.slug;
				sug = validate_suggest(l, keys, n);
				if (sug != NULL)
					load_err(c, pg->liens.v[j].pos,
					    "liens: no partner \"%s\" (did you "
					    "mean \"%s\"?)", l, sug);
				else
					load_err(c, pg->liens.v[j].pos,
					    "liens: no partner \"%s\": a link "
					    "names the file of another page "
					    "without .md", l);
				free(keys);
				pg->ok = 0;
			}
		}
	}
	/* Keep the pages without errors. */
	s->partners = xcalloc(n ? n : 1, sizeof(*s->partners));
	for (i = 0; i < n; i++) {
		if (pages[i].ok)
			s->partners[s->npartners++] = pages[i].p;
		else
			model_partner_free(&pages[i].p);
	}
	free(slugs);
	model_index_slugs(s);
	/* Links to kept partners; those to left-out pages are dropped. */
	for (i = 0; i < n; i++) {
		pg = &pages[i];
		if (!pg->ok)
			continue;
		t = model_partner(s, pg->p.slug);
		t->liens = xcalloc(pg->liens.n ? pg->liens.n : 1,
		    sizeof(*t->liens));
		for (j = 0; j < pg->liens.n; j++) {
			struct partner *to = model_partner(s,
			    pg->liens.v[j].s);

			for (k = 0; to && k < t->nliens; k++)
				if (t->liens[k] == to)
					to = NULL;
			if (to != NULL)
				t->liens[t->nliens++] = to;
		}
	}
	for (i = 0; i < n; i++)
		model_texts_free(&pages[i].liens);
}

/* A page's keys for S_same(): its name, or its telephone and address. */
struct same_key {
	const char	*k[3];		/* compared in turn; NULL: no key */
	size_t		 i;		/* the page's position */
};

static int
S_cmp_same_keys(const struct same_key *x, const struct same_key *y)
{
	size_t		 l;
	int		 c;

	for (l = 0; l < 3; l++)
		if ((c = strcmp(x->k[l], y->k[l])) != 0)
			return c;
	return 0;
}

/* By key, then by position. */
static int
S_cmp_same_key(const void *a, const void *b)
{
	const struct same_key *x = a, *y = b;
	int		 c;

	if ((c = S_cmp_same_keys(x, y)) != 0)
		return c;
	return (x->i > y->i) - (x->i < y->i);
}

/*
 * For each of the n keys (keys[i].i == i, no NULL key among them when
 * keys[i].k[0] is set), the first position with the same key: first[i]
 * < i when an earlier page has it, n when it has no key.  Sorts keys.
 */
static void
S_first_same(struct same_key *keys, size_t n, size_t *first)
{
	size_t	 i, m = 0, g;

	for (i = 0; i < n; i++) {
		first[i] = n;
		if (keys[i].k[0] != NULL)
			keys[m++] = keys[i];
	}
	if (m > 1)
		qsort(keys, m, sizeof(*keys), S_cmp_same_key);
	for (i = 0, g = 0; i < m; i++) {
		if (S_cmp_same_keys(&keys[i], &keys[g]) != 0)
			g = i;
		first[keys[i].i] = keys[g].i;
	}
}

/*
 * The same partner twice: two pages with the same name (folded), or
 * with the same telephone and the same address (code postal, and rue
 * folded: case, accents).  A warning on the later page (in file order)
 * names the earliest one, the name first when both match.
 */
static void
S_same(struct load_ctx *c, struct page *pages, size_t n)
{
	struct partner	*p;
	struct same_key	*keys;
	char		**fold, **rue;
	size_t		*byname, *byphone, i;
	const struct address *a;

	fold = xcalloc(n ? n : 1, sizeof(*fold));
	rue = xcalloc(n ? n : 1, sizeof(*rue));
	keys = xcalloc(n ? n : 1, sizeof(*keys));
	byname = xcalloc(n ? n : 1, sizeof(*byname));
	byphone = xcalloc(n ? n : 1, sizeof(*byphone));
	for (i = 0; i < n; i++) {
		p = &pages[i].p;
		keys[i].i = i;
		if (p->nom.s != NULL)
			keys[i].k[0] = keys[i].k[1] = keys[i].k[2] =
			    fold[i] = str_fold_words(p->nom.s);
	}
	S_first_same(keys, n, byname);
	for (i = 0; i < n; i++) {
		p = &pages[i].p;
		a = &p->adresse;
		memset(&keys[i], 0, sizeof(keys[i]));
		keys[i].i = i;
		if (p->telephone.uri == NULL || a->rue.s == NULL ||
		    a->code_postal.s == NULL)
			continue;
		rue[i] = str_fold_words(a->rue.s);
		keys[i].k[0] = p->telephone.uri;
		keys[i].k[1] = a->code_postal.s;
		keys[i].k[2] = rue[i];
	}
	S_first_same(keys, n, byphone);
	for (i = 0; i < n; i++) {
		p = &pages[i].p;
		c->file = p->path;
		if (byname[i] < i && byname[i] <= byphone[i])
			load_warn(c, p->nom.pos, "nom: \"%s\" is also the "
			    "name of %s: is it the same partner? keep "
			    "one page, or tell them apart in nom",
			    p->nom.s, pages[byname[i]].p.path);
		else if (byphone[i] < i)
			load_warn(c, p->telephone.raw.pos, "telephone: "
			    "same telephone and address as %s: is it the "
			    "same partner? keep one page",
			    pages[byphone[i]].p.path);
	}
	for (i = 0; i < n; i++) {
		free(fold[i]);
		free(rue[i]);
	}
	free(fold);
	free(rue);
	free(keys);
	free(byname);
	free(byphone);
}

/* Whether folded text t holds folded word w, not inside a longer word. */
static int
S_mentions(const char *t, const char *w)
{
	size_t		 n = strlen(w);
	const char	*at;

	if (n < 2)
		return 0;
	for (at = t; (at = strstr(at, w)) != NULL; at++) {
		unsigned char b = at > t ? (unsigned char)at[-1] : ' ';
		unsigned char e = (unsigned char)at[n];

		if (!isalnum(b) && b < 0x80 && !isalnum(e) && e < 0x80)
			return 1;
	}
	return 0;
}

/* Partner q's texts (summary, missions, actions, body), folded; allocated. */
static char *
S_folded_text(const struct partner *q)
{
	struct buf	 b;
	char		*f;
	size_t		 i;

	buf_init(&b);
	if (q->resume.s != NULL)
		buf_printf(&b, "%s\n", q->resume.s);
	for (i = 0; i < q->missions.n; i++)
		buf_printf(&b, "%s\n", q->missions.v[i].s);
	for (i = 0; i < q->nactions; i++)
		buf_printf(&b, "%s\n%s\n", q->actions[i].titre.s ?
		    q->actions[i].titre.s : "", q->actions[i].description.s ?
		    q->actions[i].description.s : "");
	if (q->body != NULL)
		buf_puts(&b, q->body);
	f = str_fold(buf_cstr(&b));
	buf_free(&b);
	return f;
}

/*
 * A one-way link where the other page names the first partner in its
 * text, not in its liens: p lists q, q does not list p, but q's text
 * mentions p by its nom or sigle.  Warned at q (a link forgotten, or
 * named otherwise than by the page's file name).
 */
static void
S_oneway(struct load_ctx *c, struct site *s)
{
	size_t		 i, j, k;

	for (i = 0; i < s->npartners; i++) {
		const struct partner *p = &s->partners[i];
		char	*nom = p->nom.s ? str_fold(p->nom.s) : NULL;
		char	*sig = p->sigle.s ? str_fold(p->sigle.s) : NULL;

		for (j = 0; j < p->nliens; j++) {
			const struct partner *q = p->liens[j];
			const char *as = NULL;
			char	*t;

			for (k = 0; k < q->nliens && q->liens[k] != p; k++)
				;
			if (k < q->nliens)
				continue;	/* mutual */
			t = S_folded_text(q);
			if (nom != NULL && S_mentions(t, nom))
				as = p->nom.s;
			else if (sig != NULL && S_mentions(t, sig))
				as = p->sigle.s;
			free(t);
			if (as == NULL)
				continue;
			c->file = q->path;
			load_warn(c, q->fpos[PF_LIENS].line ? q->fpos[PF_LIENS] :
			    q->nom.pos, "liens: %s lists this page among its "
			    "liens and this page names it (\"%s\") but does not "
			    "list it: add \"%s\" to liens if you work together",
			    p->path, as, p->slug);
		}
		free(nom);
		free(sig);
	}
}

/*
 * Categories and thematiques that no page names, and an edition without
 * any page: warnings in site.yaml.  While some page has errors (say, a
 * categorie misspelt) which ones are unused is not known yet: nothing
 * is said about them until the errors are fixed.
 */
static void
S_unused(struct load_ctx *c, struct site *s)
{
	size_t		*ncat, *nthem, i, j, n = s->npages;
	struct partner	*p;

	if (s->npartners != n)
		return;		/* some pages have errors */

	c->file = s->path;
	if (n == 0) {
		load_warn(c, c->edition_pos, "edition: no partner page in "
		    "%s/partenaires/: the site and the booklet will list "
		    "nobody (add pages with: annuaire new \"Nom\")",
		    c->content_dir);
		return;
	}
	ncat = xcalloc(s->ncategories + 1, sizeof(*ncat));
	nthem = xcalloc(s->nthematiques + 1, sizeof(*nthem));
	for (i = 0; i < n; i++) {
		p = &s->partners[i];
		if (p->category != NULL)
			ncat[p->category - s->categories]++;
		for (j = 0; j < p->nthematiques; j++)
			nthem[p->thematiques[j] - s->thematiques]++;
	}
	for (i = 0; i < s->ncategories; i++)
		if (ncat[i] == 0)
			load_warn(c, s->categories[i].pos, "categories: no "
			    "partner is in \"%s\": give a page \"categorie: "
			    "%s\", or remove the category",
			    s->categories[i].key, s->categories[i].key);
	for (i = 0; i < s->nthematiques; i++)
		if (nthem[i] == 0)
			load_warn(c, s->thematiques[i].pos, "thematiques: no "
			    "partner has \"%s\": list it in the thematiques "
			    "of a page, or remove it", s->thematiques[i].key);
	free(ncat);
	free(nthem);
}

static void
S_pages(struct load_ctx *c, struct site *s)
{
	char		*dir, **names, *slug, *disk, *nfc;
	struct page	*pages;
	struct ynode	*root;
	size_t		 n, i, j, before;
	int		 missing, unreadable;

	dir = path_join(c->content_dir, "partenaires");
	names = S_list(c, dir, &n, &missing);
	s->npages = n;
	pages = xcalloc(n ? n : 1, sizeof(*pages));
	for (i = 0; i < n; i++) {
		struct page *pg = &pages[i];

		/*
		 * The file is read by its name on disk, but named (in
		 * messages, slugs and links) by its NFC form.
		 */
		disk = path_join(dir, names[i]);
		nfc = unicode_nfc(names[i], strlen(names[i]), NULL);
		pg->p.path = path_join(dir, nfc);
		pg->p.slug = xstrndup(nfc, strlen(nfc) - 3);
		c->file = pg->p.path;
		before = c->d->errors;
		c->drop = 0;
		slug = validate_slugify(pg->p.slug);
		if (!validate_slug(pg->p.slug) ||
		    strcmp(nfc + strlen(nfc) - 3, ".md") != 0) {
			for (j = 0; j < n; j++)
				if (j != i && strncmp(names[j], slug,
				    strlen(slug)) == 0 &&
				    strcmp(names[j] + strlen(slug), ".md") == 0)
					break;
			if (*slug == '\0')
				load_err(c, load_nopos(), "the file name "
				    "\"%s\" is not a valid name: use lowercase "
				    "letters, digits and '-', such as "
				    "caf-yvelines.md", nfc);
			else if (j < n)
				load_err(c, load_nopos(), "the file name "
				    "\"%s\" is not a valid name, and %s/%s.md "
				    "already has the name it should have: keep "
				    "only one of the two", nfc, dir, slug);
			else
				load_err(c, load_nopos(), "the file name "
				    "\"%s\" is not a valid name: rename it "
				    "\"%s.md\" (lowercase letters, digits and "
				    "'-')", nfc, slug);
		}
		free(slug);
		root = load_front_read(c, disk, 1, &pg->p.body,
		    &pg->p.body_line, &unreadable);
		free(disk);
		free(nfc);
		if (root != NULL) {
			load_partner_read(c, root, pg);
			load_yaml_free(root);
		}
		pg->ok = c->d->errors == before && !c->drop;
	}
	S_same(c, pages, n);
	S_links(c, pages, n, s);
	S_oneway(c, s);
	S_unused(c, s);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(pages);
	free(dir);
}

struct site *
load_content(const char *content_dir, struct diags *d)
{
	struct site	*s;
	struct load_ctx	 c;
	struct stat	 st;

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.content_dir = content_dir;
	if (stat(content_dir, &st) == -1) {
		diag_error(d, content_dir, 0, 0, "cannot read the content "
		    "folder: %s", strerror(errno));
		return NULL;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_error(d, content_dir, 0, 0, "cannot read the content "
		    "folder: not a folder");
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->content_dir = xstrdup(content_dir);
	s->path = path_join(content_dir, "site.yaml");
	c.site = s;
	c.file = s->path;
	if (!load_site_read(&c, s)) {
		model_free(s);
		return NULL;
	}
	S_pages(&c, s);
	load_thesaurus(s, d);
	model_sort(s);
	model_texts_free(&c.badcats);
	model_texts_free(&c.badthems);
	picto_close(c.picto);
	return s;
}

/*
 * One page outside partenaires/ (import): the checks of S_pages() but
 * the file name's, then liens resolved against the site's partners.
 */
struct partner *
load_page(struct site *s, const char *path, const char *slug,
    struct diags *d)
{
	struct load_ctx	 c;
	struct page	 pg;
	struct partner	*p, *to;
	struct ynode	*root;
	size_t		 before = d->errors, j, k;
	int		 unreadable, read = 0;

	memset(&c, 0, sizeof(c));
	memset(&pg, 0, sizeof(pg));
	c.d = d;
	c.content_dir = s->content_dir;
	c.site = s;
	c.file = path;
	pg.p.path = xstrdup(path);
	pg.p.slug = xstrdup(slug);
	root = load_front_read(&c, path, 1, &pg.p.body, &pg.p.body_line,
	    &unreadable);
	if (root != NULL) {
		load_partner_read(&c, root, &pg);
		load_yaml_free(root);
		read = 1;
	}
	p = &pg.p;
	p->liens = xcalloc(pg.liens.n ? pg.liens.n : 1, sizeof(*p->liens));
	for (j = 0; j < pg.liens.n; j++) {
		const char *l = pg.liens.v[j].s;

		if (strcmp(l, slug) == 0) {
			load_err(&c, pg.liens.v[j].pos, "liens: \"%s\" is this "
			    "page itself", l);
			continue;
		}
		if ((to = model_partner(s, l)) == NULL) {
			load_err(&c, pg.liens.v[j].pos, "liens: no partner "
			    "\"%s\": a link names the file of another page "
			    "without .md", l);
			continue;
		}
		for (k = 0; k < p->nliens; k++)
			if (p->liens[k] == to)
				break;
		if (k == p->nliens)
			p->liens[p->nliens++] = to;
	}
	model_texts_free(&pg.liens);
	if (d->errors != before || c.drop || !read) {
		model_partner_free(&pg.p);
		return NULL;
	}
	p = xmalloc(sizeof(*p));
	*p = pg.p;
	return p;
}

char *
load_summary(const struct diags *d, size_t npages)
{
	char	*e, *w, *s;

	e = xasprintf(ngettext("%zu error", "%zu errors", d->errors),
	    d->errors);
	w = xasprintf(ngettext("%zu warning", "%zu warnings", d->warnings),
	    d->warnings);
	/* TRANSLATORS: "3 errors, 1 warning in 29 pages"; a partner's file. */
	s = xasprintf(ngettext("%s, %s in %zu page", "%s, %s in %zu pages",
	    npages), e, w, npages);
	free(e);
	free(w);
	return s;
}
