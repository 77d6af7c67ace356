/*
 * diag.c — the list of diagnostics of a run.  See diag.h.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "util.h"

void
diags_init(struct diags *d)
{
	memset(d, 0, sizeof(*d));
}

void
diags_free(struct diags *d)
{
	size_t	 i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	diags_init(d);
}

void
diag_vadd(struct diags *d, enum diag_severity sev, const char *file,
    int line, int col, const char *fmt, va_list ap)
{
	struct diag	*g;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	g = &d->v[d->n];
	g->file = file ? xstrdup(file) : NULL;
	g->line = line > 0 ? line : 0;
	g->col = col > 0 && line > 0 ? col : 0;
	g->sev = sev;
	/* Translated here, so that call sites stay plain (i18n.h). */
	g->msg = xvasprintf(_(fmt), ap);
	g->seq = d->n++;
	if (sev == DIAG_ERROR)
		d->errors++;
	else if (sev == DIAG_WARNING)
		d->warnings++;
}

void
diags_append(struct diags *to, const struct diags *from)
{
	size_t	 i;

	/* "%s": the messages are translated already. */
	for (i = 0; i < from->n; i++)
		diag_add(to, from->v[i].sev, from->v[i].file, from->v[i].line,
		    from->v[i].col, "%s", from->v[i].msg);
}

void
diag_add(struct diags *d, enum diag_severity sev, const char *file,
    int line, int col, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(d, sev, file, line, col, fmt, ap);
	va_end(ap);
}

static int
S_diag_cmp(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int	 r;

	/* Diagnostics without a file (global problems) come first. */
	if (a->file == NULL || b->file == NULL) {
		if (a->file != b->file)
			return a->file == NULL ? -1 : 1;
	} else if ((r = strcmp(a->file, b->file)) != 0)
		return r;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void
diags_sort(struct diags *d)
{
	/*
	 * Notes are added with the position of the diagnostic they explain,
	 * so the insertion order (seq) keeps them right after it.
	 */
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), S_diag_cmp);
}

void
diags_print(const struct diags *d, FILE *f)
{
	/*
	 * The "file:line:col: " prefix stays machine-readable in every
	 * language; the severity word and its colon are translated with
	 * the message ("erreur : ..." in French).  File names and
	 * messages (which quote the values) are escaped (buf_escape()):
	 * a value never moves the cursor nor starts a line of its own.
	 */
	const struct diag *g;
	struct buf	 file, msg;
	size_t		 i;

	buf_init(&file);
	buf_init(&msg);
	for (i = 0; i < d->n; i++) {
		g = &d->v[i];
		buf_reset(&file);
		buf_reset(&msg);
		if (g->file)
			buf_escape(&file, g->file, strlen(g->file), 0);
		buf_escape(&msg, g->msg, strlen(g->msg), 0);
		if (g->file && g->line)
			fprintf(f, "%s:%d:%d: ", buf_cstr(&file), g->line,
			    g->col ? g->col : 1);
		else if (g->file)
			fprintf(f, "%s: ", buf_cstr(&file));
		else
			fputs("annuaire: ", f);
		switch (g->sev) {
		case DIAG_ERROR:
			fprintf(f, _("error: %s\n"), buf_cstr(&msg));
			break;
		case DIAG_WARNING:
			fprintf(f, _("warning: %s\n"), buf_cstr(&msg));
			break;
		default:
			fprintf(f, _("note: %s\n"), buf_cstr(&msg));
			break;
		}
	}
	buf_free(&file);
	buf_free(&msg);
}
