/*
 * serve_build.h — the builds of `annuaire serve`, run as child
 * processes of the program itself, and what serve learns from them.
 *
 * serve never builds in its own process: each build is
 * `/proc/self/exe build ... -o DIR` (or `check`, or `report`) into a
 * folder of serve's own, so a crash, a leak or a change of the output
 * layout in `build` never takes the server down, and the user's out/
 * is never touched.  What the children print is parsed back:
 *
 *   FILE:LINE:COL: error: MESSAGE     (diag.h's format; "erreur : " in
 *   FILE: warning: MESSAGE             French, and so on)
 *
 * into a list of diagnostics, each with the line of the file it names
 * quoted (read, never written); `report --format csv` into one row per
 * partner; `build --layout-dump` into the booklet's page of each.
 *
 * Ownership: every structure below owns its strings; the *_free
 * functions release them.  Nothing here prints.
 */
#ifndef SERVE_BUILD_H
#define SERVE_BUILD_H

#include <stddef.h>

#include "util.h"

enum sb_sev { SB_ERROR, SB_WARNING, SB_NOTE };

struct sb_diag {
	char		*file;		/* NULL: no file ("annuaire: ...") */
	int		 line, col;	/* 0: unknown */
	enum sb_sev	 sev;
	char		*msg[2];	/* [0] English, [1] French or NULL */
	char		*quote;		/* the line LINE of FILE, or NULL */
};

struct sb_diags {
	struct sb_diag	*v;
	size_t		 n;
	size_t		 errors, warnings;
};

/* A row of `report --format csv`, and the partner's booklet page. */
struct sb_partner {
	char	*slug, *nom, *etat;			/* etat: report.h's ids */
	char	*demande, *relance, *reponse, *maj;	/* dates or "" */
	int	 page;		/* 1-based page of the booklet, 0: unknown */
};

struct sb_partners {
	struct sb_partner *v;
	size_t		   n;
};

/*
 * Run argv (argv[0] is the program's path) with the messages in lang
 * ("en" or "fr"), stdout into out and stderr into err (each capped at
 * 16 MB), and return its exit status, or -1 when it could not run or
 * was killed by a signal, or -2 when stop_fd became readable first (the
 * child is then ended and waited for).  The child dies with serve.
 */
int	 sb_run(char *const argv[], const char *lang, int stop_fd,
	    struct buf *out, struct buf *err);

/*
 * Parse the diagnostics printed in English (en) into d, with the
 * French messages taken from fr (the same diagnostics printed under a
 * French locale) when it lists as many; quote the lines they name.
 */
void	 sb_diags_parse(const char *en, const char *fr, struct sb_diags *d);
void	 sb_diags_free(struct sb_diags *);

/* Parse `report --format csv` into p (p is emptied first). */
void	 sb_partners_parse(const char *csv, struct sb_partners *p);
/* Set each partner's booklet page from a --layout-dump file. */
void	 sb_partners_pages(struct sb_partners *p, const char *dump);
void	 sb_partners_free(struct sb_partners *);

#endif /* SERVE_BUILD_H */
