/*
 * html_int.h — shared only by the site renderer's files:
 *   html.c          orchestration: templates, pages, assets, files
 *   html_context.c  model -> Mustache value trees (struct tval)
 *   html_search.c   model -> the search index (search-index.js)
 */
#ifndef HTML_INT_H
#define HTML_INT_H

#include "html.h"
#include "model.h"
#include "template.h"

struct picto;
struct picto_box;

/* What every context builder needs to know. */
struct hctx {
	const struct site	 *site;
	const struct html_opts	 *opts;
	struct picto		 *picto;	/* NULL: no pictograms */
	/* Per thématique (site order): SVG path data or NULL, its box,
	 * and whether the page being built uses it.  used[] is the one
	 * thing written through a const struct hctx: by every builder
	 * that emits a pictogram (hctx_thematique() and its callers), and
	 * reset by hctx_symbols(). */
	char			**paths;
	struct picto_box	 *boxes;
	unsigned char		 *used;
	/* Per partner (site order): typo_fr() of nom and of resume (or
	 * NULL), done once here since every card and link shows them. */
	char			**fr_nom;
	char			**fr_resume;
	/* Per thématique (site order): its label in French typography,
	 * its count label and its pictogram's <svg> (or NULL), which
	 * every card shows. */
	char			**th_label;
	char			**th_count;
	char			**th_svg;
	/* Per category (site order): its label in French typography and
	 * its count label. */
	char			**cat_label;
	char			**cat_count;
	/* Whether some partner names another: reseau.html is written
	 * and linked from the home page and the footer. */
	int			  network;
};

/* Prepare the pictograms (picto may be NULL) and the texts / free them. */
void		 hctx_init(struct hctx *, const struct site *,
		    const struct html_opts *);
void		 hctx_free(struct hctx *);
/*
 * The <symbol>s of the pictograms used since the last call, as a list
 * of {id, viewbox, d}; the page inlines them once and refers to them
 * with <use href="#id">.  Resets the set.
 */
struct tval	*hctx_symbols(const struct hctx *);

/*
 * The root context of a page.  root is "" for pages at the top of the
 * site, "../" one folder down; rel is the page's path in the site
 * ("partenaires/caf.html"), used for the canonical link; current names
 * the navigation entry to mark ("accueil", "besoins", "categories",
 * "apropos", or NULL).
 */
struct tval	*hctx_page(const struct hctx *, const char *root,
		    const char *rel, const char *title, const char *current);
/* One partner, everything the public may see; root as above. */
struct tval	*hctx_partner(const struct hctx *, const struct partner *,
		    const char *root, int full);
/* A list of cards of the partners matching (all when t and c are NULL). */
struct tval	*hctx_cards(const struct hctx *, const char *root,
		    const struct thematique *t, const struct category *c);
/*
 * The same partners as plain links {href, nom, sigle, telephone}: no
 * pictogram, so the page inlines no symbol for them.
 */
struct tval	*hctx_partner_links(const struct hctx *, const char *root,
		    const struct thematique *t, const struct category *c);
/* The needs grid: every thématique with its count and page. */
struct tval	*hctx_needs(const struct hctx *, const char *root);
/*
 * One thématique as {key, label, href, count, count_label, picto};
 * marks its pictogram as used by the page being built.
 */
struct tval	*hctx_thematique(const struct hctx *, const struct thematique *,
		    const char *root);
/* One category as {key, label, href, count}. */
struct tval	*hctx_category(const struct hctx *, const struct category *,
		    const char *root);

/* Options of the home page filters: thematiques, categories, modalites, langues. */
struct tval	*hctx_filters(const struct hctx *);

/* The search index script (window.ANNUAIRE = {...}). */
char	*hctx_search_index(const struct hctx *);

/* ---- reseau.html (html_network.c) ------------------------------------ */

struct network;
/*
 * The site's network laid out for the page (every partner's box sized
 * for its label); NULL when Graphviz failed (diagnostic appended).
 */
struct network	*hnet_layout(const struct site *, struct diags *);
/*
 * hnet_layout() on a thread, begun by hnet_layout_start() (before the
 * other pages: it takes longest) and taken by hnet_layout_finish(),
 * which appends its diagnostics to d and frees the job; without a
 * thread (thread 0, or none could start), finish does the work itself.  Every started job must be
 * finished, and the site must not change in between.
 */
struct hnet_job;
struct hnet_job	*hnet_layout_start(const struct site *, int thread);
struct network	*hnet_layout_finish(struct hnet_job *, struct diags *);
/* A partner's label in the drawing: sigle, or name, shortened with "…"
 * past 24 characters; allocated. */
char		*hnet_label(const struct partner *);
/* The drawing as inline SVG (links relative to root); allocated. */
char		*hnet_svg(const struct site *, const struct network *,
		    const char *root);
/* The marker of shape i (network.h) into b, m px wide from x, centred on y. */
void		 hnet_marker(struct buf *b, size_t shape, double x, double y,
		    double m);
/*
 * The same links as text: per node {href, nom, slug, categorie, cle,
 * avec: [{href, nom, slug, reciproque}] (those it names), par: [...]
 * (those who name it, one way), a_avec, a_par}.
 */
struct tval	*hnet_list(const struct site *, const struct network *,
		    const char *root);
/* The partners without any link, [{href, nom, slug}]. */
struct tval	*hnet_alone(const struct site *, const struct network *,
		    const char *root);
/* The categories with partners, [{key, label, marque (SVG)}]. */
struct tval	*hnet_legend(const struct site *);

#endif /* HTML_INT_H */
