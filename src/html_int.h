/*
 * html_int.h — shared only by the site renderer's files:
 *   html.c          orchestration: templates, pages, assets, files
 *   html_context.c  model -> Mustache value trees (struct tval)
 */
#ifndef HTML_INT_H
#define HTML_INT_H

#include "html.h"
#include "model.h"
#include "template.h"

struct picto;

/* What every context builder needs to know. */
struct hctx {
	const struct site	 *site;
	const struct html_opts	 *opts;
	struct picto		 *picto;	/* NULL: no pictograms */
};

/*
 * The root context of a page.  root is "" for pages at the top of the
 * site, "../" one folder down; rel is the page's path in the site
 * ("partenaires/caf.html"), used for the canonical link; current names
 * the navigation entry to mark ("accueil", "besoins", "apropos", or
 * NULL).
 */
struct tval	*hctx_page(const struct hctx *, const char *root,
		    const char *rel, const char *title, const char *current);
/* One partner, everything the public may see; root as above. */
struct tval	*hctx_partner(const struct hctx *, const struct partner *,
		    const char *root, int full);
/* A list of cards of the partners matching (all when t and c are NULL). */
struct tval	*hctx_cards(const struct hctx *, const char *root,
		    const struct thematique *t, const struct category *c);
/* The needs grid: every thématique with its count and page. */
struct tval	*hctx_needs(const struct hctx *, const char *root);
/* One thématique as {key, label, href, count, count_label, picto}. */
struct tval	*hctx_thematique(const struct hctx *, const struct thematique *,
		    const char *root);
/* One category as {key, label, href, count}. */
struct tval	*hctx_category(const struct category *, const char *root);

/* Options of the home page filters: thematiques, categories, modalites, langues. */
struct tval	*hctx_filters(const struct hctx *);

/* Escape s as a JSON string (with quotes) into b; "</" is written "<\/". */
void	 hctx_json_str(struct buf *b, const char *s);
/* The search index script (window.ANNUAIRE = {...}). */
char	*hctx_search_index(const struct hctx *);
/* Colour helpers: a shade of rgb for text on white (>= 4.5:1) and a tint
 * for backgrounds (text in the dark shade keeps >= 4.5:1 on it). */
unsigned int	 hctx_dark(unsigned int rgb);
unsigned int	 hctx_light(unsigned int rgb);
double		 hctx_contrast(unsigned int a, unsigned int b);

#endif /* HTML_INT_H */
