/*
 * page_fields.h — a partner's page as a list of named values, to
 * compare two versions of a page field by field.
 *
 * `annuaire import` shows what a partner's answer changes ("telephone:
 * 01 99 00 10 10 → 01 99 00 12 34", list items added and removed, the
 * presentation's lines), and the "Nouveautés de l'édition" (news.c) say
 * whose phone, address, hours or access changed: both read the same
 * flattening, so they cannot disagree.  Values are written as in the
 * page file (phones as given, hours as "09:00-12:00").
 */
#ifndef PAGE_FIELDS_H
#define PAGE_FIELDS_H

#include <stddef.h>

#include "model.h"
#include "util.h"

/* One named value; a list field gives one per item, with the same key. */
struct pfield {
	const char	*key;	/* static: "telephone", "adresse.rue", "missions" */
	char		*value;	/* owned */
};

struct pfields {
	struct pfield	*v;
	size_t		 n;
};

/* Flatten p into fs (the Markdown body is not included). */
void	 page_fields(const struct partner *, struct pfields *fs);
void	 page_fields_free(struct pfields *);

/* Leave out of the comparison the follow-up fields (suivi, note_suivi). */
#define	PF_SKIP_FOLLOWUP	0x1
/* Leave out mise_a_jour. */
#define	PF_SKIP_DATE		0x2
/* Leave out the Markdown body. */
#define	PF_SKIP_BODY		0x4

/*
 * Append to out (when not NULL) one line per difference from a to b,
 * each starting with `indent`, the field named by its form label
 * (page_fields_label()), one notation throughout — "→" changed, "+"
 * added, "−" removed:
 *   Téléphone: « 01 99 00 10 10 » → « 01 99 00 12 34 »
 *   Sigle: + « Caf »              Sigle: − « Caf »
 *   Missions: + « Nouvelle »      Langues parlées à l’accueil: + « anglais »
 *   Présentation: 2 lines added, 1 line removed (a count left out when
 *   0), then up to 12 "- line" / "+ line"
 * `only` (NULL-terminated, or NULL for all) keeps the keys whose group
 * (the part before '.') is listed: { "telephone", "adresse", NULL }.
 * Returns the number of fields that differ.
 */
size_t	 page_fields_diff(const struct partner *a, const struct partner *b,
	    int flags, const char *const *only, const char *indent,
	    struct buf *out);

/*
 * The label the partner's form gives a key or group ("adresse.rue" ->
 * "Adresse — rue", "body" -> "Présentation"); the key when unknown.
 */
const char *page_fields_label(const char *key);

#endif /* PAGE_FIELDS_H */
