/*
 * html.c — the static website: model + theme -> a folder of files.
 *
 * Pages are Mustache templates of the theme (theme_dir, each file
 * falling back to default_theme_dir), rendered with value trees built
 * by html_context.c.  The theme's assets/ folder is copied as is, the
 * partners' logos are copied from content/, and the search index is
 * written as a script (search-index.js) so that the site works from
 * file:// without fetch().  Nothing here prints: problems become
 * diagnostics.  Output depends only on the model and the theme.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export.h"
#include "export_di.h"
#include "export_jsonld.h"
#include "html_int.h"
#include "markdown.h"
#include "network.h"
#include "news.h"
#include "typo.h"
#include "util.h"

#define	TPL_MAXSIZE	(1024 * 1024)	/* a template larger is a mistake */
#define	ASSET_MAXSIZE	(16 * 1024 * 1024)
#define	LOGO_MAXSIZE	(1024 * 1024)	/* as FORMAT.md allows */
#define	ASSET_MAXDEPTH	8

struct cached {
	char		*name;
	struct tpl	*tpl;
};

struct hstate {
	struct hctx	 hc;
	const char	*outdir;
	struct diags	*d;
	struct cached	*tpls;		/* page templates, parsed once */
	size_t		 ntpls;
	struct tpl_partials *partials;	/* partials, read and parsed once */
	int		 bad_partial;	/* one could not be read: fail */
	struct hnet_job	*net;		/* reseau.html's layout, running */
};

/* ---- theme files -------------------------------------------------------- */

/* Path of rel in the theme, else in the default theme; NULL if neither. */
static char *
S_theme_path(const struct hstate *hs, const char *rel)
{
	const char	*dirs[2];
	struct stat	 st;
	char		*p;
	int		 i;

	dirs[0] = hs->hc.opts->theme_dir;
	dirs[1] = hs->hc.opts->default_theme_dir;
	for (i = 0; i < 2; i++) {
		if (dirs[i] == NULL)
			continue;
		p = path_join(dirs[i], rel);
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			return p;
		free(p);
	}
	return NULL;
}

/*
 * Partial names are plain file names under partials/.  Called once per
 * partial and build: hs->partials keeps what it returns parsed.
 */
static char *
S_partial_source(void *arg, const char *name, char **file)
{
	struct hstate	*hs = arg;
	char		*rel, *path, *src;
	size_t		 len;

	*file = NULL;
	if (name[0] == '\0' || name[0] == '.' || strchr(name, '/') != NULL)
		return NULL;
	rel = xasprintf("partials/%s.mustache", name);
	path = S_theme_path(hs, rel);
	free(rel);
	if (path == NULL)
		return NULL;
	if (!file_read(path, TPL_MAXSIZE, &src, &len)) {
		/*
		 * The engine would render it as a missing partial (empty):
		 * remember, so that the build fails instead of publishing
		 * pages without it.
		 */
		diag_error(hs->d, path, 0, 0, "cannot read partial: %s",
		    strerror(errno));
		hs->bad_partial = 1;
		free(path);
		return NULL;
	}
	*file = path;
	return src;
}

/* The parsed page template "name.mustache", cached; NULL on error. */
static const struct tpl *
S_template(struct hstate *hs, const char *name)
{
	char		*rel, *path, *src = NULL;
	size_t		 i, len;
	struct tpl	*t = NULL;

	for (i = 0; i < hs->ntpls; i++)
		if (strcmp(hs->tpls[i].name, name) == 0)
			return hs->tpls[i].tpl;
	rel = xasprintf("%s.mustache", name);
	if ((path = S_theme_path(hs, rel)) == NULL)
		diag_error(hs->d, hs->hc.opts->theme_dir, 0, 0,
		    "template %s is missing from the theme", rel);
	else if (!file_read(path, TPL_MAXSIZE, &src, &len))
		diag_error(hs->d, path, 0, 0, "cannot read template: %s",
		    strerror(errno));
	else
		t = tpl_parse(src, path, hs->d);
	free(src);
	free(path);
	free(rel);
	/* Cached even when NULL: one diagnostic per template, not per page. */
	hs->tpls = xreallocarray(hs->tpls, hs->ntpls + 1, sizeof(*hs->tpls));
	hs->tpls[hs->ntpls].name = xstrdup(name);
	hs->tpls[hs->ntpls].tpl = t;
	hs->ntpls++;
	return t;
}

/* ---- output files ------------------------------------------------------- */

/* Write data to outdir/rel, creating folders. */
static int
S_write(struct hstate *hs, const char *rel, const void *data, size_t len)
{
	char	*path = path_join(hs->outdir, rel), *dir = xstrdup(path), *slash;
	int	 ok = 0;

	if ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		if (!mkdir_p(dir)) {
			diag_error(hs->d, dir, 0, 0, "cannot create folder: %s",
			    strerror(errno));
			goto out;
		}
	}
	if (!file_write(path, data, len)) {
		diag_error(hs->d, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		goto out;
	}
	ok = 1;
out:
	free(dir);
	free(path);
	return ok;
}

/* Render template name with ctx (which is freed) into outdir/rel. */
static int
S_render_page(struct hstate *hs, const char *name, struct tval *ctx,
    const char *rel)
{
	const struct tpl *t;
	struct buf	 out;
	int		 ok = 0;

	buf_init(&out);
	tval_set(ctx, "symboles", hctx_symbols(&hs->hc));
	if ((t = S_template(hs, name)) != NULL &&
	    tpl_render_partials(t, ctx, hs->partials, &out, hs->d))
		ok = S_write(hs, rel, out.data ? out.data : "", out.len);
	buf_free(&out);
	tval_free(ctx);
	return ok;
}

/* Copy the file src to outdir/rel. */
static int
S_copy(struct hstate *hs, const char *src, const char *rel, size_t max)
{
	char	*data;
	size_t	 len;
	int	 ok;

	if (!file_read(src, max, &data, &len)) {
		diag_error(hs->d, src, 0, 0, "cannot read: %s",
		    strerror(errno));
		return 0;
	}
	ok = S_write(hs, rel, data, len);
	free(data);
	return ok;
}

static int
S_cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Copy the folder dir/sub into outdir/sub, files already present (from
 * the chosen theme) winning over the default theme's.  Names starting
 * with '.' are skipped.  Sorted, for reproducible diagnostics.
 */
static int
S_copy_tree(struct hstate *hs, const char *dir, const char *sub, int depth)
{
	DIR		*dp;
	struct dirent	*de;
	struct stat	 st;
	char		**names = NULL, *src, *rel, *dst, *path;
	size_t		 n = 0, i;
	int		 ok = 1;

	path = path_join(dir, sub);
	if ((dp = opendir(path)) == NULL) {
		free(path);
		return 1;	/* a theme without assets is fine */
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	qsort(names, n, sizeof(*names), S_cmpstr);
	for (i = 0; i < n; i++) {
		src = path_join(path, names[i]);
		rel = path_join(sub, names[i]);
		dst = path_join(hs->outdir, rel);
		if (stat(src, &st) != 0)
			;
		else if (S_ISDIR(st.st_mode) && depth < ASSET_MAXDEPTH)
			ok &= S_copy_tree(hs, dir, rel, depth + 1);
		else if (S_ISREG(st.st_mode) && access(dst, F_OK) != 0)
			ok &= S_copy(hs, src, rel, ASSET_MAXSIZE);
		free(dst);
		free(rel);
		free(src);
		free(names[i]);
	}
	free(names);
	free(path);
	return ok;
}

/* ---- pages -------------------------------------------------------------- */

/*
 * The root context of a page that lists needs or partners (cards, the
 * needs grid, overviews): it loads liste.css over style.css.  Partner
 * pages do without, which keeps them light.
 */
static struct tval *
S_list_page(const struct hstate *hs, const char *root, const char *rel,
    const char *title, const char *current)
{
	struct tval	*ctx = hctx_page(&hs->hc, root, rel, title, current);

	tval_set_bool(ctx, "listes", 1);
	return ctx;
}

/* The schema.org JSON-LD of a partner's page (p) or of the home page. */
static struct tval *
S_jsonld(const struct site *s, const struct partner *p)
{
	struct buf	 b;

	buf_init(&b);
	if (p != NULL)
		export_jsonld_partner(s, p, &b);
	else
		export_jsonld_site(s, &b);
	return tval_str_own(buf_detach(&b));
}

static int
S_partner_pages(struct hstate *hs)
{
	const struct site *s = hs->hc.site;
	struct tval	*ctx;
	char		*rel, *src;
	size_t		 i;
	int		 ok = 1;

	for (i = 0; i < s->npartners; i++) {
		const struct partner *p = &s->partners[i];
		char *name = model_display_name(p);

		rel = xasprintf("partenaires/%s.html", p->slug);
		ctx = hctx_page(&hs->hc, "../", rel, name, NULL);
		tval_set_bool(ctx, "fiche", 1);	/* its script: fiche.js */
		if (p->resume.s != NULL)
			tval_set(ctx, "description", tval_str_own(typo_fr(
			    p->resume.s)));
		tval_set(ctx, "partenaire", hctx_partner(&hs->hc, p, "../", 1));
		tval_set(ctx, "jsonld", S_jsonld(s, p));	/* schema.org */
		ok &= S_render_page(hs, "partenaire", ctx, rel);
		free(rel);
		free(name);
		/* The logo, at the same place under the site as in content/. */
		if (p->logo.s != NULL && strstr(p->logo.s, "..") == NULL &&
		    p->logo.s[0] != '/') {
			src = path_join(s->content_dir, p->logo.s);
			ok &= S_copy(hs, src, p->logo.s, LOGO_MAXSIZE);
			free(src);
		}
	}
	return ok;
}

static int
S_thematique_pages(struct hstate *hs)
{
	const struct site *s = hs->hc.site;
	struct tval	*ctx, *l, *e;
	char		*rel;
	size_t		 i, j;
	int		 ok = 1;

	for (i = 0; i < s->nthematiques; i++) {
		const struct thematique *t = &s->thematiques[i];

		rel = xasprintf("thematiques/%s.html", t->key);
		ctx = S_list_page(hs, "../", rel, t->label, "besoins");
		tval_set(ctx, "thematique", hctx_thematique(&hs->hc, t, "../"));
		l = hctx_needs(&hs->hc, "../");
		for (j = 0; j < tval_len(l); j++) {
			e = tval_at(l, j);
			tval_set_bool(e, "current", strcmp(tval_cstr(tval_get(e,
			    "key")), t->key) == 0);
		}
		tval_set(ctx, "besoins", l);
		tval_set(ctx, "partenaires", hctx_cards(&hs->hc, "../", t,
		    NULL));
		ok &= S_render_page(hs, "thematique", ctx, rel);
		free(rel);
	}
	ctx = S_list_page(hs, "", "thematiques.html",
	    "Je cherche de l\xe2\x80\x99" "aide pour\xe2\x80\xa6", "besoins");
	l = hctx_needs(&hs->hc, "");
	for (i = 0; i < tval_len(l); i++) {
		e = tval_at(l, i);
		tval_set(e, "partenaires", hctx_partner_links(&hs->hc, "",
		    model_thematique(s, tval_cstr(tval_get(e, "key"))), NULL));
	}
	tval_set(ctx, "besoins", l);
	ok &= S_render_page(hs, "thematiques", ctx, "thematiques.html");
	return ok;
}

static int
S_category_pages(struct hstate *hs)
{
	const struct site *s = hs->hc.site;
	struct tval	*ctx, *l, *e;
	char		*rel;
	size_t		 i;
	int		 ok = 1;

	for (i = 0; i < s->ncategories; i++) {
		const struct category *c = &s->categories[i];

		rel = xasprintf("categories/%s.html", c->key);
		ctx = S_list_page(hs, "../", rel, c->label, "categories");
		tval_set(ctx, "categorie", hctx_category(&hs->hc, c, "../"));
		tval_set(ctx, "partenaires", hctx_cards(&hs->hc, "../", NULL,
		    c));
		ok &= S_render_page(hs, "categorie", ctx, rel);
		free(rel);
	}

	/* The overview: every category, its colour, its partners. */
	ctx = S_list_page(hs, "", "categories.html", "Cat\xc3\xa9gories",
	    "categories");
	l = tval_list();
	for (i = 0; i < s->ncategories; i++) {
		e = hctx_category(&hs->hc, &s->categories[i], "");
		tval_set(e, "partenaires", hctx_partner_links(&hs->hc, "",
		    NULL, &s->categories[i]));
		tval_set_bool(e, "a_partenaires",
		    s->categories[i].npartners > 0);
		tval_push(l, e);
	}
	tval_set(ctx, "liste_categories", l);
	ok &= S_render_page(hs, "categories", ctx, "categories.html");
	return ok;
}

static int
S_home(struct hstate *hs)
{
	const struct site *s = hs->hc.site;
	struct tval	*ctx;
	char		*js;
	int		 ok;

	ctx = S_list_page(hs, "", "index.html", NULL, "accueil");
	tval_set_bool(ctx, "recherche", 1);	/* its scripts: the search */
	tval_set(ctx, "besoins", hctx_needs(&hs->hc, ""));
	tval_set(ctx, "filtres", hctx_filters(&hs->hc));
	tval_set(ctx, "partenaires", hctx_cards(&hs->hc, "", NULL, NULL));
	tval_set_num(ctx, "count", (double)s->npartners);
	tval_set_bool(ctx, "edito", s->edito.s != NULL);	/* on "À propos" */
	tval_set(ctx, "jsonld", S_jsonld(s, NULL));	/* names the publisher */
	ok = S_render_page(hs, "index", ctx, "index.html");
	js = hctx_search_index(&hs->hc);
	ok &= S_write(hs, "search-index.js", js, strlen(js));
	free(js);
	return ok;
}

/*
 * Append {loc, lastmod} to the sitemap's list l, taking both strings;
 * lastmod may be NULL.
 */
static void
S_sitemap_url(struct tval *l, char *loc, char *lastmod)
{
	struct tval	*e = tval_map();

	tval_set(e, "loc", tval_str_own(loc));
	if (lastmod != NULL)
		tval_set(e, "lastmod", tval_str_own(lastmod));
	tval_push(l, e);
}

/* sitemap.xml: only with a base URL (a sitemap lists absolute URLs). */
static int
S_sitemap(struct hstate *hs)
{
	static const char *const tops[] = {
		"", "thematiques.html", "categories.html", "a-propos.html"
	};
	const struct site *s = hs->hc.site;
	const char	*url = s->url.s;
	struct tval	*ctx, *l;
	size_t		 i;

	if (url == NULL)
		return 1;
	l = tval_list();
	for (i = 0; i < sizeof(tops) / sizeof(tops[0]); i++)
		S_sitemap_url(l, xasprintf("%s%s", url, tops[i]), NULL);
	for (i = 0; i < s->nthematiques; i++)
		S_sitemap_url(l, xasprintf("%sthematiques/%s.html", url,
		    s->thematiques[i].key), NULL);
	for (i = 0; i < s->ncategories; i++)
		S_sitemap_url(l, xasprintf("%scategories/%s.html", url,
		    s->categories[i].key), NULL);
	for (i = 0; i < s->npartners; i++) {
		const struct partner *p = &s->partners[i];
		char iso[11];

		date_iso(&p->mise_a_jour, iso);
		S_sitemap_url(l, xasprintf("%spartenaires/%s.html", url,
		    p->slug), xstrdup(iso));
	}
	ctx = tval_map();
	tval_set(ctx, "urls", l);
	return S_render_page(hs, "sitemap.xml", ctx, "sitemap.xml");
}

static int
S_about(struct hstate *hs)
{
	static const struct {
		const char *href, *label, *detail;
	} exports[] = {
		{ "annuaire.vcf", "Tous les contacts (vCard)",
		    "à importer dans un téléphone ou une messagerie" },
		{ "annuaire.csv", "Tableau des partenaires (CSV)",
		    "pour un tableur\xc2\xa0: une ligne par partenaire" },
		{ "annuaire.json", "Données (JSON)",
		    "pour les développeurs, structure documentée" },
	};
	const struct site *s = hs->hc.site;
	struct tval	*ctx, *l, *e;
	size_t		 i;

	ctx = hctx_page(&hs->hc, "", "a-propos.html", "\xc3\x80 propos",
	    "apropos");
	if (s->edito.s != NULL)
		tval_set(ctx, "edito", tval_str_own(markdown_html(s->edito.s,
		    3)));
	tval_set_str(ctx, "signature", s->edito_signature.s);
	tval_set_num(ctx, "count", (double)s->npartners);
	l = tval_list();
	for (i = 0; i < s->ncategories; i++)
		tval_push(l, hctx_category(&hs->hc, &s->categories[i],
		    ""));
	tval_set(ctx, "liste_categories", l);
	l = tval_list();
	for (i = 0; i < sizeof(exports) / sizeof(exports[0]); i++) {
		e = tval_map();
		tval_set_str(e, "href", exports[i].href);
		tval_set_str(e, "label", exports[i].label);
		tval_set_str(e, "detail", exports[i].detail);
		tval_push(l, e);
	}
	for (i = 0; export_di_enabled(s) && i < EXPORT_DI_NFILES; i++) {
		/* Open data in the national schema (export_di.h). */
		const char *f = export_di_files[i].name;

		e = tval_map();
		tval_set(e, "href", tval_str_own(xasprintf("data-inclusion/%s",
		    f)));
		tval_set(e, "label", tval_str_own(xasprintf("Donn\xc3\xa9"
		    "es ouvertes data\xc2\xb7inclusion\xc2\xa0: %s (%s)",
		    strncmp(f, "structures", 10) == 0 ? "structures" :
		    "services", strstr(f, ".csv") ? "CSV" : "JSON")));
		tval_set_str(e, "detail", strncmp(f, "structures", 10) == 0 ?
		    "au sch\xc3\xa9ma national de l\xe2\x80\x99inclusion\xc2\xa0: "
		    "une structure par partenaire" : "au sch\xc3\xa9ma national "
		    "de l\xe2\x80\x99inclusion\xc2\xa0: un service par action");
		tval_push(l, e);
	}
	tval_set(ctx, "exports", l);
	return S_render_page(hs, "a-propos", ctx, "a-propos.html");
}

static int
S_not_found(struct hstate *hs)
{
	const struct site *s = hs->hc.site;
	const char	*root = "", *slash;
	struct tval	*ctx;

	/*
	 * A server shows 404.html at any depth: with a base URL, its links
	 * start at the URL's path ("/outil-partenaires/"), which never
	 * leaves the server (nor makes a request from file://); without
	 * one they are relative to the top of the site.
	 */
	if (s->url.s != NULL && (slash = strstr(s->url.s, "://")) != NULL &&
	    (slash = strchr(slash + 3, '/')) != NULL)
		root = slash;
	ctx = S_list_page(hs, root, NULL, "Page introuvable", NULL);
	tval_set(ctx, "besoins", hctx_needs(&hs->hc, root));
	return S_render_page(hs, "404", ctx, "404.html");
}

/* Contact exports: vCards, CSV, JSON (export.c writes, we place). */
static int
S_exports(struct hstate *hs)
{
	const struct site *s = hs->hc.site;
	struct buf	 b;
	char		*rel;
	size_t		 i;
	int		 ok = 1;

	buf_init(&b);
	for (i = 0; i < s->npartners; i++) {
		buf_reset(&b);
		export_vcard(s, &s->partners[i], &b);
		rel = export_vcard_path(&s->partners[i]);
		ok &= S_write(hs, rel, buf_cstr(&b), b.len);
		free(rel);
	}
	buf_reset(&b);
	export_vcards_all(s, &b);
	ok &= S_write(hs, "annuaire.vcf", buf_cstr(&b), b.len);
	buf_reset(&b);
	/* For people (a double click opens it in columns in a French
	 * spreadsheet); the open data below keep data·inclusion's ",". */
	export_csv_sep(s, ';', &b);
	ok &= S_write(hs, "annuaire.csv", buf_cstr(&b), b.len);
	buf_reset(&b);
	export_json(s, &b);
	ok &= S_write(hs, "annuaire.json", buf_cstr(&b), b.len);
	for (i = 0; export_di_enabled(s) && i < EXPORT_DI_NFILES; i++) {
		/* Open data: data·inclusion. */
		rel = xasprintf("data-inclusion/%s", export_di_files[i].name);

		buf_reset(&b);
		export_di_files[i].write(s, &b);
		ok &= S_write(hs, rel, buf_cstr(&b), b.len);
		free(rel);
	}
	buf_free(&b);
	return ok;
}

/* "Nouveautés de l'édition" (news.h), when there are any. */
static int
S_news(struct hstate *hs)
{
	const struct news *n = hs->hc.opts->news;
	struct tval	*ctx, *l, *e;
	size_t		 i;

	if (n == NULL || !news_any(n))
		return 1;
	ctx = hctx_page(&hs->hc, "", "nouveautes.html",
	    "Nouveaut\xc3\xa9s de l'\xc3\xa9" "dition", NULL);
	tval_set_num(ctx, "precedente", n->edition);
	l = tval_list();
	for (i = 0; i < n->nadded; i++) {
		e = tval_map();
		tval_set(e, "href", tval_str_own(xasprintf("partenaires/%s.html",
		    n->added[i]->slug)));
		tval_set(e, "nom", tval_str_own(model_display_name(n->added[i])));
		tval_set_str(e, "resume", n->added[i]->resume.s);
		tval_push(l, e);
	}
	tval_set(ctx, "nouveaux", l);
	tval_set_bool(ctx, "a_nouveaux", n->nadded > 0);
	tval_set_bool(ctx, "a_departs", n->nleft > 0);
	tval_set_bool(ctx, "a_changements", n->nchanged > 0);
	l = tval_list();
	for (i = 0; i < n->nleft; i++)
		tval_push(l, tval_str(n->left[i]));
	tval_set(ctx, "departs", l);
	l = tval_list();
	for (i = 0; i < n->nchanged; i++) {
		e = tval_map();
		tval_set(e, "href", tval_str_own(xasprintf("partenaires/%s.html",
		    n->changed[i].p->slug)));
		tval_set(e, "nom", tval_str_own(model_display_name(
		    n->changed[i].p)));
		tval_set(e, "quoi", tval_str_own(typo_fr(n->changed[i].what)));
		{
			struct tval *items = tval_list();
			size_t j;

			for (j = 0; j < n->changed[i].nitems; j++)
				tval_push(items, tval_str_own(typo_fr(
				    n->changed[i].items[j])));
			tval_set(e, "details", items);
		}
		tval_push(l, e);
	}
	tval_set(ctx, "changements", l);
	l = tval_list();
	for (i = 0; i < n->nrenamed; i++) {
		e = tval_map();
		tval_set(e, "href", tval_str_own(xasprintf("partenaires/%s.html",
		    n->renamed[i].p->slug)));
		tval_set(e, "avant", tval_str_own(typo_fr(n->renamed[i].before)));
		tval_set(e, "nom", tval_str_own(model_display_name(
		    n->renamed[i].p)));
		tval_push(l, e);
	}
	tval_set(ctx, "renommages", l);
	tval_set_bool(ctx, "a_renommages", n->nrenamed > 0);
	return S_render_page(hs, "nouveautes", ctx, "nouveautes.html");
}

/*
 * "Le réseau des partenaires" (html_network.c): only when some partner
 * names another one; no page, and no link to it, otherwise.
 */
static int
S_network(struct hstate *hs)
{
	const struct site *s = hs->hc.site;
	struct network	*n;
	struct tval	*ctx;

	if (hs->net == NULL)
		return 1;
	n = hnet_layout_finish(hs->net, hs->d);
	hs->net = NULL;
	if (n == NULL)
		return 0;
	ctx = hctx_page(&hs->hc, "", "reseau.html",
	    "Le r\xc3\xa9seau des partenaires", NULL);
	tval_set_bool(ctx, "page_reseau", 1);	/* its style: reseau.css */
	tval_set(ctx, "chapo", tval_str_own(xasprintf("Qui travaille avec "
	    "qui, tel que chaque fiche le d\xc3\xa9" "clare (\xc2\xab\xc2\xa0"
	    "Travaille avec\xc2\xa0\xc2\xbb)\xc2\xa0: %zu partenaire%s "
	    "reli\xc3\xa9%s par %zu lien%s.%s", n->nnodes, n->nnodes > 1 ?
	    "s" : "", n->nnodes > 1 ? "s" : "", n->nedges, n->nedges > 1 ?
	    "s" : "", n->nalone == 0 ? "" : n->nalone == 1 ? " Un partenaire "
	    "n\xe2\x80\x99" "a pas encore de lien d\xc3\xa9" "clar\xc3\xa9." :
	    " D\xe2\x80\x99" "autres n\xe2\x80\x99" "ont pas encore de "
	    "lien d\xc3\xa9" "clar\xc3\xa9.")));
	tval_set(ctx, "dessin", tval_str_own(hnet_svg(s, n, "")));
	tval_set(ctx, "noeuds", hnet_list(s, n, ""));
	tval_set(ctx, "seuls", hnet_alone(s, n, ""));
	tval_set_bool(ctx, "a_seuls", n->nalone > 0);
	tval_set(ctx, "legende", hnet_legend(s));
	tval_set_num(ctx, "nnoeuds", (double)n->nnodes);
	tval_set_num(ctx, "nliens", (double)n->nedges);
	tval_set_num(ctx, "nseuls", (double)n->nalone);
	network_free(n);
	return S_render_page(hs, "reseau", ctx, "reseau.html");
}

/* ---- entry -------------------------------------------------------------- */

int
html_build(const struct site *s, const struct html_opts *opts,
    const char *outdir, struct diags *d)
{
	struct hstate	 hs;
	size_t		 i;
	int		 ok = 1;

	memset(&hs, 0, sizeof(hs));
	hctx_init(&hs.hc, s, opts);
	hs.outdir = outdir;
	hs.d = d;
	hs.partials = tpl_partials_new(S_partial_source, &hs);
	/* "Le réseau des partenaires" only when some partner names
	 * another: its layout begins now, beside the other pages. */
	if (network_any(s))
		hs.net = hnet_layout_start(s, opts->jobs > 1);

	ok &= S_home(&hs);
	ok &= S_thematique_pages(&hs);
	ok &= S_category_pages(&hs);
	ok &= S_partner_pages(&hs);
	ok &= S_about(&hs);
	ok &= S_not_found(&hs);
	ok &= S_sitemap(&hs);
	ok &= S_exports(&hs);
	ok &= S_news(&hs);
	ok &= S_network(&hs);
	if (opts->theme_dir != NULL)
		ok &= S_copy_tree(&hs, opts->theme_dir, "assets", 0);
	if (opts->default_theme_dir != NULL && (opts->theme_dir == NULL ||
	    strcmp(opts->theme_dir, opts->default_theme_dir) != 0))
		ok &= S_copy_tree(&hs, opts->default_theme_dir, "assets", 0);

	if (hs.bad_partial)
		ok = 0;
	for (i = 0; i < hs.ntpls; i++) {
		free(hs.tpls[i].name);
		tpl_free(hs.tpls[i].tpl);
	}
	free(hs.tpls);
	tpl_partials_free(hs.partials);
	hctx_free(&hs.hc);
	return ok;
}
