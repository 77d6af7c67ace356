/*
 * form.h — the partner's update form of the yearly campaign.
 *
 * One self-contained HTML file per partner (inline CSS and JS, no
 * external request: it works from file:// on a partner's PC and on a
 * phone), pre-filled with the partner's current page.  The partner
 * corrects it, the page checks each field as it is typed (the same
 * rules as validate.c, see tests/validate-cases.tsv), and a button
 * downloads the page file <slug>.md in the format `annuaire check`
 * reads, with today's mise_a_jour (saving is reviewing) and, as the
 * first line of the front matter, the YAML comment
 * "# annuaire-formulaire: enregistré 2026-12-07T21:45:03Z" (the browser's
 * clock in UTC at the save: import tells two saves apart by it); "Rien
 * n'a changé" downloads the page as it came, with the same two marks.
 * Text pasted from Word into the presentation is made Markdown as it is
 * pasted (paste.h's rules, ported), and a preview shows it as it will
 * read; a phone number typed is written as the site prints it.  The form holds the partner's named contacts: it is
 * meant for that partner only, never for out/site/.  It does not hold
 * suivi and note_suivi (the coordination's own notes).
 */
#ifndef FORM_H
#define FORM_H

#include "diag.h"
#include "model.h"
#include "util.h"

/*
 * What the forms of one edition share, computed once (form_index_new):
 * the partners in name order with their display names, and for each
 * thematique its partners.  A form offers for "Travaille avec" the
 * partner's own liens and at most FORM_LIENS_MAX others, the nearest
 * first (most thematiques in common, then the same ville), so that a
 * form's size does not grow with the edition: 10 000 partners' forms
 * hold as much as 100 partners' (the campaign's size is linear).  In an
 * edition of FORM_LIENS_MAX + 1 partners or fewer, every other partner
 * is offered.
 */
#define	FORM_LIENS_MAX	120

struct form_index;

/* The index of site (which must outlive it); never NULL. */
struct form_index *form_index_new(const struct site *);
void	 form_index_free(struct form_index *);

/*
 * Render the self-contained update form of partner p (one HTML file, no
 * external request, works from file:// and on a phone), appending it to
 * out.  ix is form_index_new(site) (NULL: one is made for this call,
 * which costs a sort of the partners).  edition is the edition being
 * prepared, the one the campaign's e-mail names (0: site.yaml's).
 * theme_dir is the chosen theme folder; each file of its campagne/
 * folder (form.html, form.css, form.js) overrides the one of
 * default_theme_dir (may be NULL or equal to theme_dir).  Problems
 * (unreadable or broken template...) are appended to d, naming the
 * template file; out is then left as it was.  Output depends only on
 * the model, the edition and the theme (no clock).  Non-zero on
 * success.
 */
int	 form_render(const struct site *site, const struct partner *p,
	    struct form_index *ix, int edition, const char *theme_dir,
	    const char *default_theme_dir, struct buf *out, struct diags *d);

#endif /* FORM_H */
