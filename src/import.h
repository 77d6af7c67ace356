/*
 * import.h — `annuaire import INBOX [--apply] [--force]`: merge the
 * pages partners sent back.
 *
 * Each regular file of INBOX (hidden files and the traités/ folder
 * aside) is checked with the loader (load_page(): the messages of
 * `annuaire check`); a file with an error is reported and left where it
 * is.  A valid file is matched to a partner: by its file name once the
 * copies' marks are taken off ("caf-yvelines (2).md" is caf-yvelines),
 * else by nom or sigle, accents, case and punctuation aside; otherwise
 * it is a new partner, its slug made from its nom.  Of two files for
 * one partner the newer (modification time) is taken and the older
 * named.  For each file taken, the differences from the current page
 * (page_fields.h), or "confirmed, no change" when only mise_a_jour
 * moved.
 *
 * Dry run by default: nothing is written.  With apply:
 *  - the previous edition is archived once, whole, as a content folder
 *    content/archives/<edition>/ (site.yaml, partenaires/, logos/) —
 *    the edition in site.yaml when the first answer is applied — which
 *    the "Nouveautés" (news.h) compare with; any replaced page that is
 *    not byte for byte in that snapshot is kept too, in
 *    content/archives/<edition>/remplacees/<slug>-<date>[-n].md;
 *  - the page is written (page_write.h: temporary file, then rename),
 *    with suivi: ok and the coordinator's note_suivi kept;
 *  - content/campagne.yaml records the answer (the reminder's date stays);
 *  - the file (and any older one for the same partner) is moved into
 *    INBOX/traités/, so that importing the folder again does nothing.
 * A file that would change a page modified since the campaign sent it
 * (its fingerprint in campagne.yaml differs) is reported and not
 * applied, unless force is set.
 */
#ifndef IMPORT_H
#define IMPORT_H

#include "diag.h"
#include "model.h"
#include "util.h"

struct import_opts {
	const char	*inbox;
	int		 apply;
	int		 force;
	long long	 now;		/* the date of the answers (epoch) */
};

/* What happened, for the exit status and the caller's summary. */
struct import_counts {
	size_t		 files, changed, confirmed, added, invalid,
			 superseded, conflicts, applied;
	int		 edition;	/* the campaign's edition, or 0 */
};

/*
 * Run the import; appends the per-file report to out.  Returns 0 on an
 * I/O error (diagnostics appended); invalid files are not failures
 * (counted in invalid, their diagnostics appended).
 */
int	 import_run(struct site *, const struct import_opts *,
	    struct buf *out, struct import_counts *, struct diags *);

#endif /* IMPORT_H */
