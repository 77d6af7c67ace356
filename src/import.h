/*
 * import.h — `annuaire import INBOX [--apply] [--accept SLUG]
 * [--as-new SLUG] [--take SLUG:FIELD] [--keep SLUG:FIELD] [--force]`:
 * merge the pages partners sent back.
 *
 * Four steps, one module each:
 *  - read the inbox, say what each file is (import_inbox.h);
 *  - decide per partner: matched, new, refused, invalid, a question, a
 *    conflict, which of several files (import_decide.h);
 *  - show it: one block per file, the differences from the current
 *    page as the form names the fields (import_show.h);
 *  - apply it (here), with apply set; a dry run writes nothing.
 *
 * Applying:
 *  - the previous edition is archived once, whole, as a content folder
 *    content/archives/<edition>/ (site.yaml, partenaires/, logos/) —
 *    the edition in site.yaml when the first answer is applied — which
 *    the "Nouveautés" (news.h) compare with; any replaced page that is
 *    not byte for byte in that snapshot is kept too, in
 *    content/archives/<edition>/remplacees/<slug>-<date>[-n].md;
 *  - the page is written (page_write.h: temporary file, then rename),
 *    with suivi: ok and the coordinator's note_suivi kept;
 *  - content/campagne.yaml records the answer, the reminder's date kept
 *    (or, for a return that is not a page, "reçu, inutilisable" and
 *    what it was);
 *  - the files taken (and their older or identical copies) are moved
 *    into INBOX/traités/, the refused ones into INBOX/refusés/, so that
 *    importing the folder again does nothing.  Invalid pages, questions
 *    and conflicts stay in the inbox.  Nothing is written through a
 *    symbolic link.
 */
#ifndef IMPORT_H
#define IMPORT_H

#include "diag.h"
#include "model.h"
#include "util.h"

struct import_opts {
	const char	*inbox;
	int		 apply;
	int		 force;		/* a page modified since it was sent
					   and not kept as sent: apply; a
					   conflict: the partner's value */
	long long	 now;		/* the date of the answers (epoch) */
	const char *const *accept;	/* slugs: apply a change of identity */
	size_t		 naccept;
	const char *const *as_new;	/* slugs: the answer is a new partner */
	size_t		 nas_new;
	const char *const *take;	/* "slug:field": the partner's value */
	size_t		 ntake;
	const char *const *keep;	/* "slug:field": the coordinator's */
	size_t		 nkeep;
};

/* What happened, for the exit status and the caller's summary. */
struct import_counts {
	size_t		 files, changed, confirmed, added, invalid,
			 refused, superseded, questions, conflicts, applied;
	int		 edition;	/* the campaign's edition, or 0 */
};

/*
 * Run the import; appends the per-file report to out.  Returns 0 on an
 * I/O error (diagnostics appended); invalid files are not failures
 * (counted in invalid, their diagnostics appended).  Every file is
 * counted once in files and in exactly one of changed, confirmed,
 * added, invalid, refused, superseded, questions and conflicts (a file
 * the same as its page counts as confirmed).
 */
int	 import_run(struct site *, const struct import_opts *,
	    struct buf *out, struct import_counts *, struct diags *);

#endif /* IMPORT_H */
