/*
 * load_thesaurus.h — content/synonymes.yaml, the thesaurus of the
 * site's search: groups of words and expressions that mean the same
 * need ("habits", "vêtements", "vestiaire").  Format (annuaire(5)):
 *
 *	synonymes:
 *	  - [habits, vêtements, vestiaire]
 *	  - [SDF, sans abri, sans domicile, hébergement]
 *
 * The file is optional.  Every problem is a diagnostic at its line and
 * column; a group with errors is left out, the others are kept.
 */
#ifndef LOAD_THESAURUS_H
#define LOAD_THESAURUS_H

#include "diag.h"
#include "model.h"

/* Longest expression of the thesaurus, in bytes. */
#define	LOAD_THESAURUS_MAXEXPR	80

/*
 * Reads site->content_dir/synonymes.yaml into site->synonymes.  Returns
 * non-zero when the file is absent or has no error; 0 after adding
 * diagnostics to d.
 */
int	 load_thesaurus(struct site *site, struct diags *d);

#endif /* LOAD_THESAURUS_H */
