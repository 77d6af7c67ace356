/*
 * template.h — a compact Mustache engine (comments, delimiters,
 * interpolation, inverted sections, partials, sections), proven against
 * the official spec in ../shared/mustache-spec/ by tests/unit.
 *
 * Data is a small value tree (struct tval) built by the caller; the
 * renderer only reads it.  {{x}} HTML-escapes (& < > " and '), {{{x}}}
 * and {{& x}} do not.  Template errors (unclosed tag, mismatched
 * section, bad delimiter) are reported as diagnostics naming the
 * template file, line and column: "themes/default/page.mustache:3:7:
 * error: ...".
 *
 * A section repeats once per item of a list and renders once, with the
 * value on top of the context stack, for any other truthy value.  Falsey
 * are: missing, null, false, "" and [] (0 and {} are truthy).  Numbers
 * print in their shortest exact form (85, 1.21, 1e+20), booleans as
 * true/false, lists and maps as nothing.  Limits on hostile templates,
 * each an error: sections nest at most 128 deep in one template,
 * partials at most 64 deep, and one render visits at most ten million
 * nodes (a self-including partial can otherwise do exponential work).
 */
#ifndef TEMPLATE_H
#define TEMPLATE_H

#include <stddef.h>

#include "diag.h"
#include "util.h"

/* ---- values ---------------------------------------------------------- */

enum tval_type {
	TV_NULL,
	TV_BOOL,
	TV_NUM,		/* printed like the spec wants: 1.21, 85 */
	TV_STR,
	TV_LIST,
	TV_MAP
};

struct tval;

/* Constructors: never NULL (out of memory exits). */
struct tval	*tval_null(void);
struct tval	*tval_bool(int);
struct tval	*tval_num(double);
struct tval	*tval_str(const char *);	/* copies; NULL -> TV_NULL */
struct tval	*tval_strn(const char *, size_t);
struct tval	*tval_str_own(char *);		/* takes ownership; NULL -> TV_NULL */
struct tval	*tval_list(void);
struct tval	*tval_map(void);
/* Set key in a map (replacing any previous value); takes ownership of v. */
void		 tval_set(struct tval *map, const char *key, struct tval *v);
/* Shorthands for tval_set(map, key, tval_str(s)) etc. */
void		 tval_set_str(struct tval *map, const char *key, const char *s);
void		 tval_set_bool(struct tval *map, const char *key, int);
void		 tval_set_num(struct tval *map, const char *key, double);
/* Append to a list; takes ownership of v. */
void		 tval_push(struct tval *list, struct tval *v);
/* Read back (for tests and callers). */
enum tval_type	 tval_type(const struct tval *);
struct tval	*tval_get(const struct tval *map, const char *key);
size_t		 tval_len(const struct tval *list);
struct tval	*tval_at(const struct tval *list, size_t);
const char	*tval_cstr(const struct tval *);	/* TV_STR only, else NULL */
void		 tval_free(struct tval *);

/* ---- templates ------------------------------------------------------- */

struct tpl;

/*
 * Partial lookup: return the source of partial `name` (allocated; the
 * engine frees it) and set *file to an allocated file name used in
 * diagnostics, or return NULL when there is no such partial (the spec
 * says: render as empty string).
 */
typedef char	*(*tpl_partial_fn)(void *arg, const char *name, char **file);

/*
 * Parse src.  `file` names the template in diagnostics.  Returns NULL
 * (with diagnostics appended) on a template error.
 */
struct tpl	*tpl_parse(const char *src, const char *file, struct diags *);
void		 tpl_free(struct tpl *);

/*
 * Render with ctx as the root of the context stack, appending to out.
 * Partials are fetched through fn (may be NULL), parsed once per
 * render, and get the indentation of a standalone partial tag.  Nesting
 * of partials is capped (recursion guard).  Returns 0 on error (with
 * diagnostics appended, and out left as it was), non-zero on success.
 */
int		 tpl_render(const struct tpl *, const struct tval *ctx,
		    tpl_partial_fn fn, void *arg, struct buf *out,
		    struct diags *);

/*
 * A set of partials that outlives one render: each partial is fetched
 * through fn (may be NULL) and parsed on first use, then kept until
 * tpl_partials_free().  Give the same set to every render of a build
 * and a partial is read and parsed once, not once per page.  A partial
 * that fails to parse is remembered as failed: its diagnostics are
 * appended once (to the render that first used it), and every render
 * that uses it fails.  Never NULL; tpl_partials_free(NULL) is fine.
 */
struct tpl_partials;

struct tpl_partials *tpl_partials_new(tpl_partial_fn fn, void *arg);
void		 tpl_partials_free(struct tpl_partials *);
/* tpl_render() with partials taken from (and added to) ps. */
int		 tpl_render_partials(const struct tpl *, const struct tval *ctx,
		    struct tpl_partials *ps, struct buf *out, struct diags *);

#endif /* TEMPLATE_H */
