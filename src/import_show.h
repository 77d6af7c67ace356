/*
 * import_show.h — the third step of `annuaire import`: say what was
 * decided (import_decide.h), file by file, the same in a dry run and
 * with --apply.
 *
 * One block per file, the partner named by its name and the file:
 *   Croix-Rouge française (croix-rouge) ← INBOX/Fiche (2).md
 *     Téléphone: « 01 99 00 20 08 » → « 01 99 00 12 34 »
 *   new partner: Les Restaurants du Cœur (INBOX/x.md), page x.md
 *   ? sos-accueil ← INBOX/sos-accueil.md: nom « SOS Accueil » → « … »
 *   ! tad ← INBOX/tad.md: a field changed on both sides (side by side)
 *   refused: INBOX/x.docx: a Word document (.docx), not the page …
 *   invalid: INBOX/x.md: 2 errors (above), left in the folder
 * Questions start with "?", conflicts with "!", each with the options
 * that settle it.  Files set aside (identical or older copies) are
 * named under the file taken, with the reason it was taken.
 */
#ifndef IMPORT_SHOW_H
#define IMPORT_SHOW_H

#include <stddef.h>

#include "import.h"
#include "import_decide.h"
#include "util.h"

/* Append the blocks of the n items to out. */
void	 import_show(const struct import_item *, size_t n,
	    const struct import_opts *, struct buf *out);

/*
 * The number of fields the answer changes (mise_a_jour, suivi and
 * note_suivi aside); 0 for a new partner.
 */
size_t	 import_show_nchanges(const struct import_item *);

#endif /* IMPORT_SHOW_H */
