/*
 * diag.h — the list of diagnostics of a run.
 *
 * Modules never print: they append diagnostics here, with the file
 * (as the user named it, e.g. "content/partenaires/caf.md") and the
 * 1-based line and column of the offending value.  main.c sorts and
 * prints them once, as
 *
 *     content/partenaires/caf.md:12:14: error: message
 *
 * A line of 0 means "whole file": line and column are then omitted
 * ("content/site.yaml: error: ...").  A column of 0 (unknown) on a
 * known line prints as 1; without a file the line starts "annuaire: ".
 */
#ifndef DIAG_H
#define DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

enum diag_severity {
	DIAG_ERROR,
	DIAG_WARNING,
	DIAG_NOTE	/* follows the diagnostic it explains */
};

struct diag {
	char			*file;	/* owned; may be NULL (no file) */
	int			 line;	/* 1-based, 0 if unknown */
	int			 col;	/* 1-based, 0 if unknown */
	enum diag_severity	 sev;
	char			*msg;	/* owned, UTF-8, no trailing newline */
	size_t			 seq;	/* insertion order, for stable sort */
};

struct diags {
	struct diag	*v;
	size_t		 n;
	size_t		 cap;
	size_t		 errors;
	size_t		 warnings;
};

void	diags_init(struct diags *);
void	diags_free(struct diags *);
/* Append one diagnostic; the message is printf-formatted. */
void	diag_add(struct diags *, enum diag_severity, const char *file,
	    int line, int col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));
void	diag_vadd(struct diags *, enum diag_severity, const char *file,
	    int line, int col, const char *fmt, va_list);
#define	diag_error(d, f, l, c, ...) \
	diag_add((d), DIAG_ERROR, (f), (l), (c), __VA_ARGS__)
#define	diag_warn(d, f, l, c, ...) \
	diag_add((d), DIAG_WARNING, (f), (l), (c), __VA_ARGS__)
/* Append copies of the diagnostics of from to to, in their order. */
void	diags_append(struct diags *to, const struct diags *from);
/* Sort by file, then line, then column, then insertion order. */
void	diags_sort(struct diags *);
/* Print every diagnostic, one per line. */
void	diags_print(const struct diags *, FILE *);

#endif /* DIAG_H */
