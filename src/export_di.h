/*
 * export_di.h — the directory as open data in the data·inclusion schema
 * (version 1.0.8): structures and services, JSON and CSV, and the
 * schema's closed vocabularies that site.yaml's mapping is checked
 * against.
 *
 * Pure functions, like export.h: each appends to a struct buf and never
 * touches files.  Only published fields are exported: the named
 * referents (`contacts'), `suivi' and `note_suivi' never appear.  The
 * output depends on the model alone, byte for byte.
 *
 * Each partner is one structure and at least one service: one service
 * per action it lists (nom: the action's title; description: the
 * action's description, else the partner's résumé), or one service
 * named after the partner when it lists none.  Both carry the same
 * address, phone, e-mail and opening hours; a service gets the
 * data·inclusion sub-themes that site.yaml maps the partner's
 * thématiques to, and the modes and costs mapped from its access.
 *
 * Ids: the mapping's id prefix (default: source + "--") followed by
 * the slug ("mdq-chantiers--caf-yvelines"); a service adds "--" and
 * the slug of its action's title ("…--caf-yvelines--permanences").
 */
#ifndef EXPORT_DI_H
#define EXPORT_DI_H

#include <stddef.h>

#include "model.h"
#include "util.h"

/* The vocabularies site.yaml's mapping refers to. */
enum di_vocab {
	DI_THEMATIQUES,			/* "famille--garde-denfants" */
	DI_MODES_ACCUEIL,		/* "en-presentiel" */
	DI_MODES_MOBILISATION,		/* "se-presenter" */
	DI_FRAIS,			/* "gratuit" */
	DI_PERSONNES_MOBILISATRICES,	/* "professionnels" */
	DI__NVOCAB
};

/* One term of a vocabulary: its key and its French label. */
struct di_term {
	const char	*value;
	const char	*label;
};

/*
 * The terms of vocabulary v, in the schema's order (sorted by value),
 * *n their count (export_di_vocab.c, generated from the schema's
 * extra/ files by tools/di-vocab.py).
 */
const struct di_term *export_di_vocab(enum di_vocab v, size_t *n);
/* The schema file v comes from: "thematiques.json". */
const char	*export_di_vocab_file(enum di_vocab v);
/* The term whose value is s, or NULL. */
const struct di_term *export_di_term(enum di_vocab v, const char *s);
/*
 * For a value that is not in vocabulary v, the term it most likely
 * stands for, or NULL: a sub-theme written without its category
 * ("louer-un-logement"), with a misspelt category, or misspelt (edit
 * distance within about a third of the length, accents and case
 * folded).
 */
const struct di_term *export_di_suggest(enum di_vocab v, const char *s);

/*
 * Phone to E.164 ("+33199001234") from its tel: URI; a short number
 * ("115", "3919") is given as is, since it has no E.164 form.  NULL
 * when absent.  Allocated.
 */
char	*export_di_phone(const struct phone *);
/*
 * Opening hours as an OpenStreetMap opening_hours value: days with the
 * same ranges are grouped ("Mo-Th 08:30-12:00,13:00-16:30; Fr
 * 08:30-12:00"; "Mo,We 09:00-12:00"); days without hours are closed
 * (left out).  NULL when no day has hours.  Allocated.
 */
char	*export_di_opening_hours(const struct horaires *);

/*
 * Whether site.yaml has a usable data_inclusion mapping (source set):
 * without one, nothing is exported.
 */
int	 export_di_enabled(const struct site *);

/*
 * structures.json / services.json: a JSON array of records, one per
 * line block, keys in a fixed order (ids first), every key of the
 * schema present (null when unknown), two-space indentation.
 */
void	 export_di_structures_json(const struct site *, struct buf *);
void	 export_di_services_json(const struct site *, struct buf *);
/*
 * structures.csv / services.csv: the same records as a table (RFC
 * 4180, comma, CRLF, UTF-8 without byte order mark, a header row with
 * the schema's field names).  Lists are joined with "|"; null is an
 * empty cell.  A cell that a spreadsheet would run as a formula (=, @,
 * TAB, CR, -, or + unless digits alone follow) gets a leading
 * apostrophe; "+33199001234" stays as is.
 */
void	 export_di_structures_csv(const struct site *, struct buf *);
void	 export_di_services_csv(const struct site *, struct buf *);

/*
 * The four files above, as written by `build' under
 * site/data-inclusion/ and by `annuaire export data-inclusion':
 * structures.json, services.json, structures.csv, services.csv.
 */
#define	EXPORT_DI_NFILES	4
extern const struct di_file {
	const char	*name;
	void		(*write)(const struct site *, struct buf *);
} export_di_files[EXPORT_DI_NFILES];

#endif /* EXPORT_DI_H */
