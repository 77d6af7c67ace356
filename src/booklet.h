/*
 * booklet.h — the printed booklet: model + theme -> PDF files.
 * The layout (pdf_layout.c) and the emitter (pdf_emit.c) share pdf.h;
 * this header is the whole public contract.
 */
#ifndef BOOKLET_H
#define BOOKLET_H

#include "diag.h"
#include "model.h"

struct booklet_opts {
	const char	*theme_dir;	/* chosen theme */
	const char	*default_theme_dir; /* fallback for missing files */
	int		 bleed;		/* print-shop variant: 3 mm bleed, crop marks */
	int		 partners_edition; /* print named contacts (never public) */
	const char	*layout_dump;	/* if set, write the layout as text here */
};

/*
 * Write the booklet in reading order to pdf_path and, when imposed_path
 * is not NULL, the saddle-stitch imposition on A4 landscape there.
 * Returns 0 on error, with diagnostics appended; warnings (a character
 * the font cannot show) name the content file, line and column.
 */
int	 booklet_build(const struct site *, const struct booklet_opts *,
	    const char *pdf_path, const char *imposed_path, struct diags *);

#endif /* BOOKLET_H */
