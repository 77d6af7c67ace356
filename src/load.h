/*
 * load.h — content/ -> model.
 *
 * Reads content_dir/site.yaml and every content_dir/partenaires/SLUG.md
 * (sorted by file name), with libyaml, keeping every value's position.
 * Never writes anything.  Checks everything that can be checked while
 * reading (encoding, front matter, YAML shape, types, required fields,
 * formats of phones, e-mails, URLs, dates, hours, slugs, closed lists,
 * references to categories, thematiques and other partners, logos) and
 * appends one diagnostic per problem: all problems of all files in one
 * run.
 */
#ifndef LOAD_H
#define LOAD_H

#include "diag.h"
#include "model.h"

/*
 * Load the content folder.  File names in diagnostics and in the model
 * are built from content_dir as given ("content/partenaires/x.md").
 *
 * Returns the model (sorted with model_sort(), links resolved) when the
 * folder could be read, even if some pages have errors (those pages are
 * left out of the model); the caller checks diags->errors before
 * rendering.  Returns NULL when content_dir or site.yaml cannot be read
 * at all (a diagnostic says why).
 */
struct site	*load_content(const char *content_dir, struct diags *);

/*
 * Load one partner page that is not in content_dir/partenaires/ (a
 * file brought back by a partner, for `annuaire import`): the same
 * checks and messages as load_content() gives a page, with `path` as
 * the file name in diagnostics and `slug` as the partner's slug (the
 * file's own name is not checked).  liens are resolved against site's
 * partners: the result's liens point into site, so free the result
 * (model_partner_free() then free()) before the site.  Returns NULL
 * when the page has an error (diagnostics appended).
 */
struct partner	*load_page(struct site *, const char *path, const char *slug,
		    struct diags *);

/*
 * The summary line printed after the diagnostics:
 * "3 errors, 1 warning in 29 pages" (npages: site->npages, or 0 when
 * load_content() returned NULL).  Allocated.
 */
char	*load_summary(const struct diags *, size_t npages);

#endif /* LOAD_H */
