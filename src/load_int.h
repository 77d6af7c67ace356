/*
 * load_int.h — what the loader's own files share (load.c and its
 * load_file.c, load_front.c, load_field.c, load_site.c, load_partner.c):
 * the file being read and a partner page being loaded; load_diag.h
 * puts diagnostics at a position of that file.  Other modules call
 * load.h.
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

#endif /* LOAD_INT_H */
