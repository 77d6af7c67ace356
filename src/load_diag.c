/*
 * load_diag.c — diagnostics at a position of the file being loaded; see
 * load_diag.h.
 */
#include <stdarg.h>

#include "diag.h"
#include "load_diag.h"
#include "load_int.h"

void
load_err(struct load_ctx *c, struct pos p, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(c->d, DIAG_ERROR, c->file, p.line, p.col, fmt, ap);
	va_end(ap);
}

void
load_warn(struct load_ctx *c, struct pos p, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(c->d, DIAG_WARNING, c->file, p.line, p.col, fmt, ap);
	va_end(ap);
}

/*
 * A position, for load_err(c, load_at(line, col), ...): a call, not a
 * compound literal, so that xgettext counts load_err's arguments right
 * (i18n.h).
 */
struct pos
load_at(int line, int col)
{
	struct pos	 p = { line, col };

	return p;
}

/*
 * A problem of the whole file (empty, too large, badly named) points at
 * its start, so that every message about a file keeps the
 * file:LINE:COL form that editors and the partner guide rely on.
 */
struct pos
load_nopos(void)
{
	struct pos	 p = { 1, 1 };

	return p;
}
