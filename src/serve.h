/*
 * serve.h — `annuaire serve`: a live preview of the site, the booklets
 * and the follow-up, on http://127.0.0.1:PORT/ (GNU libmicrohttpd).
 *
 * serve builds into a folder of its own ($TMPDIR/annuaire-serve-XXXXXX,
 * removed when it stops; one left by a serve that was killed is removed
 * by the next one), never into the user's out/, and writes nothing in
 * the content folder.  Each build is a child process of the program
 * (serve_build.h).  It watches the content and the theme (watch.h);
 * after a change, it rebuilds the site alone (`build --no-pdf`), which
 * every open page then shows (serve_page.h's live script), then the
 * booklets and the campaign's follow-up.  While the content has errors
 * every page shows them over the last good build.
 *
 * What it serves, all of it read-only, GET and HEAD only:
 *   /                         the site (a folder: its index.html)
 *   /livret.pdf               the booklet
 *   /_annuaire/prive/livret-partenaires.pdf   the partners' edition
 *                             (named contacts: never in the site)
 *   /suivi.html               the campaign's follow-up (`report`)
 *   /campagne/                OUT/campagne, the forms of `campaign`,
 *                             when that folder exists
 *   /_annuaire/               the coordinator's home
 *   /_annuaire/events         Server-Sent Events: "build" with the
 *                             generation of the site served
 *   /_annuaire/live.js, /_annuaire/status.json
 * A path is opened component by component below its root, refusing
 * symbolic links, "..", hidden names and folders without index.html.
 * The Host header must name the loopback, an address, or the --bind
 * name (against DNS rebinding).
 *
 * serve_run() returns when SIGINT or SIGTERM arrives (0 and a
 * diagnostic when it cannot start: port taken, no temporary folder).
 * Messages for the terminal go through opts->say, with a format that
 * say translates (only main.c prints).
 */
#ifndef SERVE_H
#define SERVE_H

#include "diag.h"

#define	SERVE_PORT_FIRST	8080	/* without --port: the first free */
#define	SERVE_PORT_TRIES	100	/* ports tried from there */
#define	SERVE_MAX_CONN		64	/* connections at once */
#define	SERVE_MAX_REQUEST	(32 * 1024) /* bytes of request line and
					   headers, per connection */
#define	SERVE_TIMEOUT		30	/* seconds of silence, then closed */
#define	SERVE_QUIET_MS		200	/* debounce before a rebuild */

struct serve_opts {
	const char	*content;	/* -C */
	const char	*theme;		/* --theme, or NULL: the default */
	const char	*out;		/* -o: where campagne/ is read */
	const char	*bind;		/* --bind, or NULL: 127.0.0.1 */
	int		 port;		/* --port, or 0: the first free */
	int		 open;		/* --open: xdg-open the URL */
	int		 poll;		/* --poll: never inotify */
	void		(*say)(const char *fmt, ...);	/* a printf
					   format, translated by say */
};

int	 serve_run(const struct serve_opts *, struct diags *);

#endif /* SERVE_H */
