/*
 * report.h — `annuaire report`: where every partner stands.
 *
 * One row per partner page, with its state, work to do first:
 *   erreurs       the page has errors (it is left out of the site);
 *   à relancer    suivi: relancer;
 *   reçu, inutilisable  a return came that is not a page (the form
 *                 itself, a Word or PDF document, a message, an
 *                 empty file: import --apply), no answer since;
 *   sans réponse  asked in this campaign, no answer imported;
 *   en attente    suivi: en_attente (with note_suivi);
 *   ancienne      mise_a_jour older than the edition;
 *   à jour        answered this campaign, or checked this edition;
 * with the dates asked, reminded and answered (content/campagne.yaml);
 * then the counts per state, per category and per thématique, the links
 * between partners, and what readers rely on that pages lack (hours,
 * public, site).  The module builds the text; main.c prints or writes.
 */
#ifndef REPORT_H
#define REPORT_H

#include "diag.h"
#include "model.h"
#include "util.h"

enum report_format {
	REPORT_TEXT,	/* aligned, at most 80 columns */
	REPORT_CSV,	/* RFC 4180, UTF-8 with BOM */
	REPORT_HTML	/* a printable page (suivi.html), not part of the site */
};

/*
 * Render the report of site.  `loaded` holds the diagnostics of
 * load_content() (pages with errors are counted from it).  `today`
 * dates the HTML page.  Returns 0 with a diagnostic when
 * content/campagne.yaml cannot be read.
 */
int	 report_render(const struct site *, const struct diags *loaded,
	    enum report_format, const struct date *today, struct buf *out,
	    struct diags *);

#endif /* REPORT_H */
