/*
 * form.h — the partner's update form of the yearly campaign.
 *
 * One self-contained HTML file per partner (inline CSS and JS, no
 * external request: it works from file:// on a partner's PC and on a
 * phone), pre-filled with the partner's current page.  The partner
 * corrects it, the page checks each field as it is typed (the same
 * rules as validate.c, see tests/validate-cases.tsv), and a button
 * downloads the page file <slug>.md in the format `annuaire check`
 * reads; "Rien n'a changé" downloads the same page with today's
 * mise_a_jour.  The form holds the partner's named contacts: it is
 * meant for that partner only, never for out/site/.  It does not hold
 * suivi and note_suivi (the coordination's own notes).
 */
#ifndef FORM_H
#define FORM_H

#include "diag.h"
#include "model.h"
#include "util.h"

/*
 * Render the self-contained update form of partner p (one HTML file, no
 * external request, works from file:// and on a phone), appending it to
 * out.  theme_dir is the chosen theme folder; each file of its
 * campagne/ folder (form.html, form.css, form.js) overrides the one of
 * default_theme_dir (may be NULL or equal to theme_dir).  Problems
 * (unreadable or broken template...) are appended to d, naming the
 * template file; out is then left as it was.  Output depends only on
 * the model and the theme (no clock).  Non-zero on success.
 */
int	 form_render(const struct site *site, const struct partner *p,
	    const char *theme_dir, const char *default_theme_dir,
	    struct buf *out, struct diags *d);

#endif /* FORM_H */
