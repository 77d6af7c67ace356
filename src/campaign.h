/*
 * campaign.h — `annuaire campaign`: prepare the year's requests.
 *
 * For each partner chosen, writes into OUT/campagne/ (never inside
 * OUT/site/, never published):
 *   <slug>.html   the self-contained form pre-filled with the page
 *                 (form.h), which downloads the page file back;
 *   <slug>.eml    an e-mail draft to the partner's courriel and its
 *                 referents, from the coordination's address, with the
 *                 form attached and the text of the theme's template
 *                 campagne/courriel.mustache, or campagne/relance.mustache
 *                 for a partner already asked in this campaign;
 * then campagne.csv (every partner asked: when, at which address) and
 * README.txt, and records the requests in content/campagne.yaml
 * (campaign_state.h) — the only file of the content folder written.
 */
#ifndef CAMPAIGN_H
#define CAMPAIGN_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "util.h"

/* --only: which partners to ask. */
#define	CAMP_ONLY_RELANCER	0x1	/* suivi: relancer */
#define	CAMP_ONLY_EN_ATTENTE	0x2	/* suivi: en_attente */
#define	CAMP_ONLY_STALE		0x4	/* mise_a_jour before the edition */
#define	CAMP_ONLY_SANS_REPONSE	0x8	/* asked, no answer yet */

struct campaign_opts {
	const char	*out_dir;	/* OUT: files go to OUT/campagne/ */
	const char	*theme_dir;
	const char	*default_theme_dir;
	long long	 now;		/* the date of the requests (epoch) */
	struct date	 echeance;	/* y == 0: as before, else in 30 days */
	unsigned int	 only;		/* CAMP_ONLY_* bits, 0: no filter */
	int		 relance;	/* only those asked and not answered */
	int		 force;		/* accept a deadline in the past */
	char *const	*slugs;		/* partners named, or NULL */
	size_t		 nslugs;
};

/*
 * Prepare the requests.  A deadline (echeance, or the campaign's) before
 * today is an error unless force is set.  A partner asked today already
 * is asked again the same way (same request, no reminder recorded): a
 * second run the same day prepares the same files.  With relance,
 * OUT/campagne/ keeps only the files this run prepared (the drafts of
 * the partners not reminded are removed).  Appends to summary one line per partner
 * ("caf-yvelines  demande  caf@example.org") and a last line of
 * counts.  Returns 0 on error (diagnostics appended; a partner without
 * any address is a warning, its form still written).
 */
int	 campaign_prepare(const struct site *, const struct campaign_opts *,
	    struct buf *summary, struct diags *);

/* Parse "relancer,en_attente,stale"; 0 with *bad the unknown word. */
int	 campaign_parse_only(const char *, unsigned int *bits, char **bad);

#endif /* CAMPAIGN_H */
