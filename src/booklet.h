/*
 * booklet.h — the printed booklet: model + theme -> PDF files.
 * The layout (the sections bk_*.c over the engine lay_*.c) and the
 * emitter (pdf_emit*.c) share pdf.h; this header is the whole public
 * contract.
 */
#ifndef BOOKLET_H
#define BOOKLET_H

#include "diag.h"
#include "model.h"

struct fonts;
struct news;

struct booklet_opts {
	const char	*theme_dir;	/* chosen theme */
	const char	*default_theme_dir; /* fallback for missing files */
	int		 bleed;		/* pdf_path itself gets 3 mm bleed, crop marks */
	const char	*bleed_path;	/* if set, also write the print-shop variant
					   (bleed, crop marks) of the same layout here */
	int		 partners_edition; /* print named contacts (never public) */
	const char	*layout_dump;	/* if set, write the layout as text here */
	const struct news *news;	/* "Nouveautés de l'édition" page, or NULL */
	struct fonts	*fonts;		/* the theme's fonts, opened once by
					   booklet_check(), or NULL: each
					   layout opens them */
	int		 last;		/* the last booklet of this process:
					   booklet_build() closes fonts after
					   its layout (the caller forgets
					   them), before the emitter's peak */
	int		 jobs;		/* > 1: main.c writes the booklets
					   in child processes (spawn.h)
					   while it writes the site */
};

/*
 * Lay out the booklet once, then write it in reading order to pdf_path
 * and the saddle-stitch imposition on A4 landscape to imposed_path;
 * either path may be NULL to skip that file.  With o->layout_dump set,
 * the layout's text dump is written there first.  Stops at the first
 * failure and returns 0, with diagnostics appended.  Characters the
 * fonts cannot show are left out silently: booklet_check() warns about
 * them.
 */
int	 booklet_build(const struct site *, const struct booklet_opts *,
	    const char *pdf_path, const char *imposed_path, struct diags *);

/*
 * The checks of the content that need the booklet's fonts: one warning
 * per text holding characters the booklet will leave out (glyphs.h), at
 * the value's file:line:col.  `check` and `build` both call it, so both
 * print the same diagnostics before their summary.  An error of the
 * theme or its fonts (which would stop booklet_build()) is appended
 * too, and nothing else is checked then; their warnings are left to
 * booklet_build().  Returns the fonts it opened (NULL after such an
 * error), for booklet_opts.fonts: a build opens them once.
 */
struct fonts *booklet_check(const struct site *, const struct booklet_opts *,
	    struct diags *);
/* Close what booklet_check() returned (NULL is fine). */
void	 booklet_fonts_close(struct fonts *);

#endif /* BOOKLET_H */
