/*
 * html.h — the static website: model + theme -> a folder of files.
 */
#ifndef HTML_H
#define HTML_H

#include "diag.h"
#include "model.h"

struct news;

struct html_opts {
	const char	*theme_dir;	/* chosen theme */
	const char	*default_theme_dir; /* fallback for missing files */
	const char	*booklet_name;	/* "livret.pdf" when the booklet is
					   published in the site, else NULL */
	const struct news *news;	/* changes since the previous edition:
					   nouveautes.html, or NULL */
	int		 jobs;		/* 2 or more: the network's layout on
					   a thread beside the other pages;
					   0 or 1: one thread */
};

/*
 * Write the whole site into outdir, an existing empty folder (the
 * caller swaps it into place only on success).  Never reads content/
 * beyond what the model names (logos).  Returns 0 on error, with
 * diagnostics appended (template errors name the template file).
 */
int	 html_build(const struct site *, const struct html_opts *,
	    const char *outdir, struct diags *);

#endif /* HTML_H */
