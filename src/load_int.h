/*
 * load_int.h — what the loader's own files share (load.c and its
 * load_file.c, load_front.c, load_field.c, load_site.c, load_partner.c):
 * the file being read, a partner page being loaded, and diagnostics at
 * a position of that file.  Other modules call load.h.
 */
#ifndef LOAD_INT_H
#define LOAD_INT_H

#include "diag.h"
#include "model.h"

struct picto;

/* What is being read: one file (of load_content() or load_page()). */
struct load_ctx {
	struct diags	*d;
	const char	*file;		/* as printed */
	const char	*content_dir;
	struct site	*site;
	struct texts	 badcats;	/* keys of categories with errors */
	struct texts	 badthems;	/* keys of thematiques with errors */
	int		 drop;		/* leave the page out, errors said */
	struct pos	 edition_pos;	/* of edition: in site.yaml */
	struct picto	*picto;		/* the pictograms' names, or NULL */
	int		 picto_tried;	/* picto_open() was called */
};

/* A partner page being loaded. */
struct page {
	struct partner	 p;
	struct texts	 liens;		/* slugs as written */
	int		 ok;		/* no error */
};

/*
 * An error or a warning at p in c->file, appended to c->d; the format
 * is translated there, so both are xgettext keywords: Makefile
 * XGETTEXT_FMT.
 */
void		 load_err(struct load_ctx *c, struct pos p,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void		 load_warn(struct load_ctx *c, struct pos p,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/*
 * Positions for load_err(): load_at(line, col), a call rather than a
 * compound literal so that xgettext counts the arguments right; and
 * load_nopos(), the file's start (1:1), for a problem of the whole file.
 */
struct pos	 load_at(int line, int col);
struct pos	 load_nopos(void);

#endif /* LOAD_INT_H */
