/*
 * lay_theme.h — the booklet's settings from the theme's theme.yaml
 * (lay_theme.c): trim size, fonts, justification, hyphenation, sizes,
 * colour, bleed.
 */
#ifndef LAY_THEME_H
#define LAY_THEME_H

#include "booklet.h"
#include "diag.h"

/* Millimetres to points. */
#define	MM(x)		((x) * 72.0 / 25.4)
/* The print shop's bleed; full-bleed items always extend this far. */
#define	BLEED_MAX	8.504

struct theme {
	double		 page_w, page_h;	/* trim size */
	char		*font[4];	/* fontconfig patterns: regular, bold, italic, bold italic */
	struct pos	 font_pos[4];	/* where each was set in theme.yaml */
	char		*icon_font;	/* TrueType file of the pictograms */
	int		 justify;	/* justified, else ragged right */
	int		 hyphenate;
	char		*hyph_dict;	/* libhyphen dictionary */
	double		 body_size;	/* points */
	double		 body_leading;	/* points */
	unsigned int	 lead_rgb;	/* cover, back cover, front matter */
	int		 bleed;		/* print-shop variant wanted by the theme */
	char		*path;		/* theme.yaml as named in diagnostics, or NULL */
};

/*
 * Read theme_dir/theme.yaml (else default_theme_dir/theme.yaml; no file
 * at all means the defaults).  A missing key keeps its default; a bad
 * value is an error naming theme.yaml:line:col.  Returns 0 on error.
 */
int	 theme_load(struct theme *, const struct booklet_opts *, struct diags *);
void	 theme_free(struct theme *);

#endif /* LAY_THEME_H */
