/*
 * new.h — `annuaire new "Nom"`: a new partner page from a template.
 */
#ifndef NEW_H
#define NEW_H

#include "diag.h"

/*
 * Write content_dir/partenaires/<slug>.md, the slug made from nom
 * (accents folded, lowercase, other characters as '-').  The page lists
 * every field with a short French comment; it is valid YAML whose
 * required fields are empty, so that `annuaire check` says exactly what
 * to fill in.  The categories and thematiques of site.yaml are listed
 * in comments when site.yaml can be read.  Never overwrites a file.
 *
 * Returns non-zero on success with *path_out (allocated, may be NULL
 * to ignore) the file written; returns 0 with a diagnostic and errno
 * set: EEXIST when the page already exists, EINVAL when nom has no
 * letter or digit, else the error of the folder or file.
 */
int	 new_partner(const char *content_dir, const char *nom,
	    char **path_out, struct diags *);

#endif /* NEW_H */
