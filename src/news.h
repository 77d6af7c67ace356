/*
 * news.h — "Nouveautés de l'édition": what changed since the previous
 * edition, for a page of the site and a page of the booklet.
 *
 * The previous edition is the archive that `annuaire import --apply`
 * keeps (import.h): content/archives/<year>/, a content folder of its
 * own, the latest year before the edition of site.yaml.  Compared by
 * slug: the partners that are new, those that left, those renamed, and
 * those whose phone, address, hours, access, e-mail, website or actions
 * changed (page_fields.h), with what each changed to.  With no
 * archive there is no news, and neither output shows the page.
 */
#ifndef NEWS_H
#define NEWS_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/*
 * A partner whose details changed: what they changed to, one French
 * phrase each, in this order: "nouveau téléphone : 01 99 00 12 34",
 * "nouvelle adresse : 3 rue …, 78000 Versailles", "nouveaux horaires :
 * lun.-ven. 9 h-12 h ; sam. 9 h-12 h", "accès : sur rendez-vous,
 * gratuit", "nouveau
 * courriel : …", "nouveau site : example.org/…", "nouvelle action :
 * « … »", "action arrêtée : « … »" (or "plus de téléphone", …).
 */
struct news_change {
	const struct partner *p;	/* into the current site */
	char		*what;		/* the phrases as sentences:
					 * "Nouveau téléphone : …. Nouvelle …." */
	char		**items;	/* the phrases */
	size_t		 nitems;
};

/* A partner whose name changed: "SOS Accueil devient …". */
struct news_rename {
	const struct partner *p;	/* into the current site */
	char		*before;	/* display name in the previous edition */
};

struct news {
	int		 edition;	/* the previous edition; 0: no news */
	const struct partner **added;	/* into the current site, site order */
	size_t		 nadded;
	char		**left;		/* display names of those who left */
	size_t		 nleft;
	struct news_change *changed;	/* site order */
	size_t		 nchanged;
	struct news_rename *renamed;	/* site order */
	size_t		 nrenamed;
};

/*
 * Compare site with the latest archive before its edition.  Returns 0
 * (with a diagnostic) only when an archive exists but cannot be read;
 * no archive is success with n->edition == 0.  Problems inside the
 * archived pages are not reported (they were the previous edition's).
 */
int	 news_compute(const struct site *, struct news *, struct diags *);
/* Whether there is anything to show. */
int	 news_any(const struct news *);
void	 news_free(struct news *);

#endif /* NEWS_H */
