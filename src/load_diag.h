/*
 * load_diag.h — diagnostics at a position of the file being loaded
 * (loader-internal; needs load_int.h).
 *
 * The bottom of the loader: every load_*.c reports through it, and it
 * calls none of them, so that the loader reads top-down (load.c over
 * load_site.c and load_partner.c, over load_field.c, load_front.c and
 * load_file.c, over this file; tools/layers.sh checks that no calls go
 * round in a circle).
 */
#ifndef LOAD_DIAG_H
#define LOAD_DIAG_H

#include "model.h"

struct load_ctx;

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

#endif /* LOAD_DIAG_H */
