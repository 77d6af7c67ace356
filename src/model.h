/*
 * model.h — the one data model of annuaire.
 *
 * load.c builds a struct site from content/ (site.yaml and
 * partenaires/SLUG.md) and validate.c checks it; the renderers (html.c,
 * bk_*.c, lay_*.c) only read it.  Nothing downstream re-parses YAML.
 *
 * Ownership: struct site owns everything reachable from it; free it
 * with model_free().  Strings are UTF-8, NUL-terminated, trimmed, with
 * CRLF already turned into LF.  An absent optional text is NULL (never
 * ""); an absent list has n == 0.
 *
 * Positions: every value read from a file keeps its libyaml mark
 * (1-based line and column in the original file, BOM and CR counted as
 * the user sees them in an editor) so that later stages (e.g. the PDF
 * glyph-coverage check) can report "file:line:col".
 */
#ifndef MODEL_H
#define MODEL_H

#include <stddef.h>

#include "util.h"

/* 1-based position in a source file; line == 0 means unknown. */
struct pos {
	int	 line;
	int	 col;
};

/* A text value with the position it was read from. */
struct text {
	char		*s;	/* NULL when absent */
	struct pos	 pos;
};

/* A list of texts (missions, transports lines, ...). */
struct texts {
	struct text	*v;
	size_t		 n;
};

/* A category of partners (ordered as in site.yaml). */
struct category {
	char		*key;	/* "institutionnels" */
	char		*label;	/* "Institutionnels" */
	char		*color;	/* "#1f5fa8", always 7 chars, lowercase */
	unsigned int	 rgb;	/* 0xRRGGBB, same colour */
	struct pos	 pos;
	size_t		 npartners; /* partners in this category */
};

/* A need a social worker searches by (ordered as in site.yaml). */
struct thematique {
	char		*key;	/* "logement" */
	char		*label;	/* "Logement" */
	char		*icon;	/* Fork Awesome icon name ("home"), or NULL */
	struct pos	 pos;
	size_t		 npartners;
};

/* A postal address. */
struct address {
	struct text	 rue;
	struct text	 complement;
	struct text	 code_postal;	/* 5 digits */
	struct text	 ville;
};

/*
 * A phone number as written, with its normalised forms.
 * display: "01 99 00 12 34" (grouped by two; short numbers as is: "115",
 * "3919"); uri: "tel:+33199001234" or "tel:115".
 */
struct phone {
	struct text	 raw;	/* raw.s == NULL when absent */
	char		*display;
	char		*uri;
};

/* A named referent: personal data, partners' edition only. */
struct contact {
	struct text	 nom;
	struct text	 fonction;
	struct phone	 telephone;
	struct text	 courriel;
};

/* An action: a plain string is stored as titre with description NULL. */
struct action {
	struct text	 titre;
	struct text	 description;
};

/* Access modalities: a closed list (bit flags). */
enum modalite {
	MOD_SANS_RDV		= 1 << 0, /* "sans rendez-vous" */
	MOD_SUR_RDV		= 1 << 1, /* "sur rendez-vous" */
	MOD_ORIENTATION		= 1 << 2, /* "sur orientation" (d'un travailleur social) */
	MOD_TELEPHONE		= 1 << 3, /* "par téléphone" */
	MOD_EN_LIGNE		= 1 << 4, /* "en ligne" */
	MOD_DOMICILE		= 1 << 5, /* "à domicile" */
};
#define	MOD__COUNT	6

enum cout {
	COUT_NONE = 0,		/* not given */
	COUT_GRATUIT,
	COUT_PARTICIPATION,
	COUT_PAYANT
};

enum accessibilite {
	ACCESS_NONE = 0,	/* not given */
	ACCESS_OUI,
	ACCESS_PARTIEL,
	ACCESS_NON
};

enum suivi {
	SUIVI_NONE = 0,		/* not given */
	SUIVI_OK,
	SUIVI_RELANCER,
	SUIVI_EN_ATTENTE
};

/* Opening hours: minutes since midnight, start < end. */
struct timerange {
	int	 start;
	int	 end;
};

/* Days are indexed 0 = lundi ... 6 = dimanche. */
struct day_hours {
	struct timerange *v;	/* sorted, non-overlapping */
	size_t		  n;	/* 0: closed (or not given) */
	struct pos	  pos;
};

struct horaires {
	int		 present;	/* the key was given */
	struct day_hours days[7];
	struct text	 precisions;	/* "Fermé en août" */
};

/* Positions of the partner's fields, for later diagnostics. */
enum partner_field {
	PF_NOM, PF_SIGLE, PF_CATEGORIE, PF_THEMATIQUES, PF_RESUME,
	PF_MISSIONS, PF_ACTIONS, PF_PUBLIC, PF_ACCES, PF_LANGUES,
	PF_ACCESSIBILITE, PF_ADRESSE, PF_TRANSPORTS, PF_HORAIRES,
	PF_TELEPHONE, PF_COURRIEL, PF_SITE, PF_CONTACTS, PF_LOGO, PF_LIENS,
	PF_MISE_A_JOUR, PF_SUIVI, PF_NOTE_SUIVI, PF_BODY,
	PF__COUNT
};

struct partner {
	char		*slug;		/* file name without ".md" */
	char		*path;		/* "content/partenaires/slug.md" as shown */

	struct text	 nom;
	struct text	 sigle;
	struct category	*category;	/* into site->categories */
	struct thematique **thematiques; /* into site->thematiques, site order */
	size_t		 nthematiques;
	struct text	 resume;	/* <= 160 characters */
	struct texts	 missions;	/* >= 1 */
	struct action	*actions;
	size_t		 nactions;
	struct text	 public_;	/* "public" (who is welcome) */

	unsigned int	 modalites;	/* enum modalite bits */
	enum cout	 cout;
	struct text	 acces_precisions;

	struct texts	 langues;	/* ISO 639-1 codes or "lsf", as given (lowercase) */
	enum accessibilite accessibilite;
	struct text	 accessibilite_precisions;

	struct address	 adresse;
	struct text	 transports;
	struct horaires	 horaires;

	struct phone	 telephone;
	struct text	 courriel;
	struct text	 site;		/* http(s) URL */
	struct contact	*contacts;
	size_t		 ncontacts;
	struct text	 logo;		/* relative to content/, checked */
	unsigned int	 logo_w, logo_h; /* its size in pixels, from the
					   loader's decoding; 0 if invalid */

	struct partner	**liens;	/* resolved, into site->partners */
	size_t		 nliens;
	struct date	 mise_a_jour;
	struct pos	 mise_a_jour_pos;

	enum suivi	 suivi;		/* never published */
	struct text	 note_suivi;	/* never published */

	char		*body;		/* Markdown presentation, or NULL */
	int		 body_line;	/* line of the body's first line in file */

	struct pos	 fpos[PF__COUNT]; /* where each field's value starts */
};

/*
 * site.yaml's data_inclusion mapping (annuaire(5)): how the edition's
 * words translate into the data·inclusion schema's closed vocabularies
 * (export_di.h), checked by the loader.  source.s == NULL: no mapping,
 * nothing is exported.  Lists are as written (duplicates dropped).
 */
struct di_mapping {
	struct text	 source;	/* producer id: "mdq-chantiers" */
	struct text	 prefixe;	/* id prefix; NULL: source + "--" */
	struct texts	*thematiques;	/* [site->nthematiques]: sub-themes */
	struct texts	 mobilisation[MOD__COUNT]; /* per modalite bit */
	struct texts	 accueil[MOD__COUNT];	/* modes_accueil */
	struct texts	 mobilisable_par[MOD__COUNT];
	struct text	 frais[4];	/* per enum cout (COUT_NONE unused) */
};

/* A person or structure with contact details (publisher, coordination). */
/* The article of an organisation's name in a sentence (site.yaml's
 * "article"): none for a proper name ("Versailles Habitat"). */
enum article {
	ART_NONE, ART_LE, ART_LA, ART_L, ART_LES
};

struct organisation {
	struct text	 nom;
	enum article	 article;	/* ART_NONE when not given */
	struct address	 adresse;
	struct phone	 telephone;
	struct text	 courriel;
	struct text	 site;
};

/* One group of the thesaurus: expressions that mean the same need. */
struct synonyms {
	char		**v;		/* expressions as written, trimmed */
	size_t		 n;		/* 2 or more */
};

struct site {
	char		*content_dir;	/* as given: "content" */
	char		*path;		/* "content/site.yaml" */
	/*
	 * load_page() gives no warning of a page checked before the
	 * edition (import: check, build and report say it).
	 */
	int		 no_stale_warning;

	struct text	 titre;		/* "Outil Partenaires" */
	struct text	 sous_titre;
	int		 edition;	/* 2018 */
	struct text	 url;		/* base URL ending in '/', or NULL */
	struct organisation editeur;	/* publisher */
	struct organisation coordination; /* receives "signaler une erreur" */
	struct text	 edito;		/* Markdown */
	struct text	 edito_signature;

	struct category	*categories;	/* site.yaml order */
	size_t		 ncategories;
	struct thematique *thematiques;	/* site.yaml order */
	size_t		 nthematiques;
	struct di_mapping data_inclusion; /* open data export mapping */

	/*
	 * Partners sorted by category (site order), then by name with
	 * str_collate().  Use model_sorted_by_name() for the A-Z index.
	 */
	struct partner	*partners;
	size_t		 npartners;
	size_t		 npages;	/* partner files found, with errors or not */
	/*
	 * model_partner()'s index, built by model_index_slugs(): positions
	 * in partners sorted by slug.  Used only while it still describes
	 * partners (same array, same count); otherwise a linear search.
	 */
	size_t		*byslug;
	size_t		 nbyslug;
	const struct partner *byslug_of;

	/* The search's thesaurus, content/synonymes.yaml (may be absent). */
	struct synonyms	*synonymes;	/* file order */
	size_t		 nsynonymes;
};

/* Free everything; NULL is fine. */
void	 model_free(struct site *);
/* Free a list of texts (not the struct); leaves it empty. */
void	 model_texts_free(struct texts *);
/* Free what one partner owns (not the struct); leaves it zeroed. */
void	 model_partner_free(struct partner *);
/* Free a data_inclusion mapping (thematiques has nthematiques lists). */
void	 model_di_mapping_free(struct di_mapping *, size_t nthematiques);
/*
 * Sort site->partners (category order, then name) and fix up pointers;
 * then model_index_slugs().
 */
void	 model_sort(struct site *);
/*
 * Index site->partners by slug for model_partner() (a binary search);
 * again after changing slugs in place.
 */
void	 model_index_slugs(struct site *);
/* Partners by name, A-Z with str_collate(); caller frees the array only. */
struct partner **model_sorted_by_name(const struct site *);
/* Lookups; NULL when absent. */
struct partner	*model_partner(const struct site *, const char *slug);
struct category	*model_category(const struct site *, const char *key);
struct thematique *model_thematique(const struct site *, const char *key);
/* Whether partner p has thematique t. */
int	 model_has_thematique(const struct partner *, const struct thematique *);

/*
 * The closed vocabularies: one table each, read by the loader (word),
 * the exports (key), the renderers and the forms (label).  value is the
 * enum's value (a bit for modalites, 0 = lundi for days); the order is
 * the enum's; words are matched with str_fold_words() ("en attente"
 * is "en_attente").
 */
struct vocab {
	int		 value;
	const char	*word;	/* as written in a partner file: "sur rendez-vous" */
	const char	*key;	/* in the exports: "sur-rendez-vous" */
	const char	*label;	/* French label: "Sur rendez-vous" */
};
#define	MODEL_NCOUTS		3
#define	MODEL_NACCESSIBILITES	3
#define	MODEL_NSUIVIS		3
extern const struct vocab model_modalites[MOD__COUNT];
extern const struct vocab model_couts[MODEL_NCOUTS];
extern const struct vocab model_accessibilites[MODEL_NACCESSIBILITES];
extern const struct vocab model_suivis[MODEL_NSUIVIS];
extern const struct vocab model_days[7];
/* The entry of table v (n entries) with this value; NULL if none. */
const struct vocab *model_vocab(const struct vocab *v, size_t n, int value);
/* Its word ("en_attente"), NULL if none: what a page writes. */
const char *model_vocab_word(const struct vocab *v, size_t n, int value);
/* The words of table v joined by ", " ("gratuit, participation, payant");
 * allocated. */
char	*model_vocab_words(const struct vocab *v, size_t n);

/* Labels (French, static strings), from the tables above. */
const char *model_modalite_label(enum modalite);	/* "Sur rendez-vous" */
const char *model_modalite_key(enum modalite);		/* "sur-rendez-vous" */
const char *model_cout_label(enum cout);		/* "Gratuit"; NULL for NONE */
const char *model_cout_key(enum cout);			/* "gratuit"; NULL for NONE */
const char *model_accessibilite_label(enum accessibilite);
const char *model_accessibilite_key(enum accessibilite); /* "oui" */
const char *model_suivi_label(enum suivi);
const char *model_suivi_key(enum suivi);		/* "en_attente" */
const char *model_day_label(int day);			/* 0 -> "Lundi" */
const char *model_day_key(int day);			/* 0 -> "lundi" */
/*
 * A URL as shown to readers, the same on the site, in the booklets and
 * in the exports: no scheme, no "www.", no trailing slash
 * ("https://www.caf.fr/allocataires/" -> "caf.fr/allocataires");
 * allocated.
 */
char	*model_url_label(const char *url);
/* "français", "arabe", "langue des signes française"; NULL if unknown. */
const char *model_langue_label(const char *code);
/* The i-th known language code (sorted), NULL past the end. */
const char *model_langue_code(size_t i);
/* How an organisation's name reads after nothing, "à" or "de". */
enum org_case {
	ORG_NOM, ORG_DEBUT, ORG_A, ORG_DE
};
/*
 * The organisation's name with its article, as it reads in a sentence:
 * ORG_NOM "la Maison de Quartier" / "l'Association" / "les Restos";
 * ORG_DEBUT the same at the start of a sentence ("La Maison …");
 * ORG_A "à la …", "au Centre …" (le), "aux …" (les), "à l'…";
 * ORG_DE "de la …", "du …", "des …", "de l'…".  Without an article:
 * the name, "à Versailles Habitat", "de Versailles Habitat".  The
 * apostrophe is the typewriter one (typo_fr() turns it into ’).  NULL
 * when the name is absent; allocated.
 */
char	*model_org_phrase(const struct organisation *, enum org_case);
/* Display name: "Nom (SIGLE)" or "Nom"; allocated. */
char	*model_display_name(const struct partner *);
/* Minutes since midnight in French: 540 -> "9 h", 570 -> "9 h 30"; allocated. */
char	*model_time_fr(int minutes);
/* The same appended to b with no-break spaces ("9\u00a0h\u00a030"): a
   time is never cut at a line end (site and Nouveautés). */
void	 model_time_fr_put(struct buf *b, int minutes);

#endif /* MODEL_H */
