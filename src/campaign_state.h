/*
 * campaign_state.h — the state of the yearly campaign, kept in the
 * content folder as content/campagne.yaml (see annuaire(5)), so that it
 * travels with the pages when the coordinator changes machine.
 *
 * Written by `annuaire campaign` (who was asked, when, at which
 * address, and a fingerprint of the page as it was sent) and by
 * `annuaire import --apply` (who answered); read by `annuaire report`.
 * The file is written whole, atomically (temporary file + rename).
 */
#ifndef CAMPAIGN_STATE_H
#define CAMPAIGN_STATE_H

#include <stddef.h>

#include "diag.h"
#include "util.h"

/* One partner in the campaign; a date with y == 0 is absent. */
struct camp_partner {
	char		*slug;
	struct date	 demande;	/* first asked */
	struct date	 relance;	/* last reminded */
	struct date	 reponse;	/* answer imported (--apply) */
	char		*adresses;	/* "a@x.org, b@x.org", or NULL */
	char		*empreinte;	/* fingerprint of the page as asked */
	struct date	 recu;		/* a return that is not a page came
					   (import --apply): "reçu,
					   inutilisable" until an answer */
	char		*inutilisable;	/* what it was: "formulaire", "docx",
					   "odt", "pdf", "doc", "texte",
					   "vide", ... (import_inbox.h) */
};

struct campaign {
	int		 edition;	/* the edition being prepared; 0: none */
	struct date	 preparee;	/* first `annuaire campaign` */
	struct date	 echeance;	/* deadline given to partners */
	struct camp_partner *v;		/* sorted by slug */
	size_t		 n;
};

/*
 * Read content_dir/campagne.yaml into *c.  A missing file is an empty
 * campaign (edition 0).  Returns 0 with a diagnostic (file:line:col)
 * when the file cannot be read or is malformed.
 */
int	 campaign_state_read(const char *content_dir, struct campaign *,
	    struct diags *);
/* Write content_dir/campagne.yaml atomically; 0 with a diagnostic. */
int	 campaign_state_write(const char *content_dir, const struct campaign *,
	    struct diags *);
/* The entry of slug, added (zeroed) when absent and create is set. */
struct camp_partner *campaign_state_get(struct campaign *, const char *slug,
	    int create);
/*
 * The entries of n distinct slugs, added (zeroed) where absent, in one
 * sort: for a whole edition at once (campaign_state_get() adds one in
 * time linear in the entries).  Entries move: pointers from
 * campaign_state_get() before the call are stale after it.
 */
void	 campaign_state_add(struct campaign *, const char *const *slugs,
	    size_t n);
void	 campaign_state_free(struct campaign *);

/*
 * Fingerprint of a file's bytes, "fnv1a64:" and 16 hex digits
 * (allocated), or NULL when it cannot be read.  Tells whether a page
 * was modified since it was sent; not a security measure.
 */
char	*campaign_fingerprint(const char *path);

/*
 * The page as the campaign sent it, kept for import's three-way merge
 * in content_dir/campagne-envois/<slug>.md (beside campagne.yaml: the
 * campaign's state travels with the content, never into a build).
 * campaign_sent_path() is allocated; campaign_keep_sent() copies page
 * there (atomically, not flushed: the caller runs fs_sync() on the
 * folder before it writes campagne.yaml), 0 with a diagnostic.
 */
#define	CAMPAIGN_SENT_DIR	"campagne-envois"
char	*campaign_sent_path(const char *content_dir, const char *slug);
int	 campaign_keep_sent(const char *content_dir, const char *slug,
	    const char *page, struct diags *);

/* Whether a date is set, and comparison (<0, 0, >0). */
int	 campaign_date_set(const struct date *);
int	 campaign_date_cmp(const struct date *, const struct date *);

#endif /* CAMPAIGN_STATE_H */
