/*
 * serve_page.h — the pages `annuaire serve` adds to the site it
 * previews, never written by `build`:
 *
 *   the live script    /_annuaire/live.js, which every HTML page served
 *                      loads (sp_inject); it listens to the server's
 *                      events (Server-Sent Events) and reloads the page
 *                      when a build has changed what it shows;
 *   the overlay        inserted into every page while the content has
 *                      errors: each diagnostic with FILE:LINE:COL, its
 *                      message, the line quoted with a caret under the
 *                      column; the last good build stays underneath;
 *   the home           /_annuaire/: errors and warnings, the campaign's
 *                      state per partner with links to the partner's
 *                      page, form and booklet page.
 *
 * Text in French, or English when the browser prefers it
 * (Accept-Language); the diagnostics come in both (serve_build.h).
 * Everything is appended to a struct buf; nothing here does I/O.
 */
#ifndef SERVE_PAGE_H
#define SERVE_PAGE_H

#include <stddef.h>

#include "serve_build.h"
#include "util.h"

/* The live script (UTF-8 JavaScript). */
extern const char sp_live_js[];

/* What the home shows. */
struct sp_home {
	const struct sb_diags	*diags;		/* the last build's */
	const struct sb_partners *partners;	/* report's rows */
	const unsigned char	*has_page;	/* per partner: its page is in
						   the site */
	const unsigned char	*has_form;	/* per partner: campagne/SLUG.html */
	int			 booklet;	/* /livret.pdf exists */
	const char		*private_booklet; /* its URL, or NULL */
	int			 suivi;		/* /suivi.html exists */
	int			 campaign;	/* /campagne/ exists */
	int			 building;	/* a build is running */
	int			 failed;	/* the last build failed */
	const char		*method;	/* watch_method() */
	const char		*content;	/* the content folder */
};

/*
 * 1 for French, 0 for English, from an Accept-Language header (NULL:
 * French): the language among those two with the highest weight.
 */
int	 sp_lang_fr(const char *accept_language);
/* The overlay listing d (sp_inject's extra); nothing when d has no error. */
void	 sp_overlay(struct buf *, const struct sb_diags *d, int fr);
/*
 * html (len bytes) with the live script's element and extra (may be
 * NULL) inserted before its last </body>, or at its end.
 */
void	 sp_inject(struct buf *, const char *html, size_t len,
	    const char *extra);
/* The whole home page. */
void	 sp_home(struct buf *, const struct sp_home *, int fr);

#endif /* SERVE_PAGE_H */
