/*
 * news.h — "Nouveautés de l'édition": what changed since the previous
 * edition, for a page of the site and a page of the booklet.
 *
 * The previous edition is the archive that `annuaire import --apply`
 * keeps (import.h): content/archives/<year>/, a content folder of its
 * own, the latest year before the edition of site.yaml.  Compared by
 * slug: the partners that are new, those that left, and those whose
 * phone, address, hours or access changed (page_fields.h).  With no
 * archive there is no news, and neither output shows the page.
 */
#ifndef NEWS_H
#define NEWS_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* A partner whose practical details changed. */
struct news_change {
	const struct partner *p;	/* into the current site */
	char		*what;		/* "téléphone, horaires" (French) */
};

struct news {
	int		 edition;	/* the previous edition; 0: no news */
	const struct partner **added;	/* into the current site, site order */
	size_t		 nadded;
	char		**left;		/* display names of those who left */
	size_t		 nleft;
	struct news_change *changed;	/* site order */
	size_t		 nchanged;
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
