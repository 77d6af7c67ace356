/*
 * model.c — the data model: free, sort, lookups and French labels.
 * See model.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "util.h"

static void
S_text_free(struct text *t)
{
	free(t->s);
	t->s = NULL;
}

void
model_texts_free(struct texts *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].s);
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

static void
S_phone_free(struct phone *p)
{
	S_text_free(&p->raw);
	free(p->display);
	free(p->uri);
	p->display = p->uri = NULL;
}

static void
S_address_free(struct address *a)
{
	S_text_free(&a->rue);
	S_text_free(&a->complement);
	S_text_free(&a->code_postal);
	S_text_free(&a->ville);
}

static void
S_organisation_free(struct organisation *o)
{
	S_text_free(&o->nom);
	S_address_free(&o->adresse);
	S_phone_free(&o->telephone);
	S_text_free(&o->courriel);
	S_text_free(&o->site);
}

/*
 * Free what a partner owns (not the struct itself): load.c also uses
 * it for pages left out of the model.
 */
void
model_partner_free(struct partner *p)
{
	size_t	 i;

	free(p->slug);
	free(p->path);
	S_text_free(&p->nom);
	S_text_free(&p->sigle);
	free(p->thematiques);
	S_text_free(&p->resume);
	model_texts_free(&p->missions);
	for (i = 0; i < p->nactions; i++) {
		S_text_free(&p->actions[i].titre);
		S_text_free(&p->actions[i].description);
	}
	free(p->actions);
	S_text_free(&p->public_);
	S_text_free(&p->acces_precisions);
	model_texts_free(&p->langues);
	S_text_free(&p->accessibilite_precisions);
	S_address_free(&p->adresse);
	S_text_free(&p->transports);
	for (i = 0; i < 7; i++)
		free(p->horaires.days[i].v);
	S_text_free(&p->horaires.precisions);
	S_phone_free(&p->telephone);
	S_text_free(&p->courriel);
	S_text_free(&p->site);
	for (i = 0; i < p->ncontacts; i++) {
		S_text_free(&p->contacts[i].nom);
		S_text_free(&p->contacts[i].fonction);
		S_phone_free(&p->contacts[i].telephone);
		S_text_free(&p->contacts[i].courriel);
	}
	free(p->contacts);
	S_text_free(&p->logo);
	free(p->liens);
	S_text_free(&p->note_suivi);
	free(p->body);
	memset(p, 0, sizeof(*p));
}

void
model_free(struct site *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	free(s->content_dir);
	free(s->path);
	S_text_free(&s->titre);
	S_text_free(&s->sous_titre);
	S_text_free(&s->url);
	S_organisation_free(&s->editeur);
	S_organisation_free(&s->coordination);
	S_text_free(&s->edito);
	S_text_free(&s->edito_signature);
	for (i = 0; i < s->ncategories; i++) {
		free(s->categories[i].key);
		free(s->categories[i].label);
		free(s->categories[i].color);
	}
	free(s->categories);
	for (i = 0; i < s->nthematiques; i++) {
		free(s->thematiques[i].key);
		free(s->thematiques[i].label);
		free(s->thematiques[i].icon);
	}
	free(s->thematiques);
	model_di_mapping_free(&s->data_inclusion, s->nthematiques);
	for (i = 0; i < s->npartners; i++)
		model_partner_free(&s->partners[i]);
	free(s->partners);
	free(s->byslug);
	for (i = 0; i < s->nsynonymes; i++) {
		size_t	 j;

		for (j = 0; j < s->synonymes[i].n; j++)
			free(s->synonymes[i].v[j]);
		free(s->synonymes[i].v);
	}
	free(s->synonymes);
	free(s);
}

void
model_di_mapping_free(struct di_mapping *m, size_t nthematiques)
{
	size_t	 i;

	S_text_free(&m->source);
	S_text_free(&m->prefixe);
	if (m->thematiques != NULL)
		for (i = 0; i < nthematiques; i++)
			model_texts_free(&m->thematiques[i]);
	free(m->thematiques);
	for (i = 0; i < MOD__COUNT; i++) {
		model_texts_free(&m->mobilisation[i]);
		model_texts_free(&m->accueil[i]);
		model_texts_free(&m->mobilisable_par[i]);
	}
	for (i = 0; i < 4; i++)
		S_text_free(&m->frais[i]);
	memset(m, 0, sizeof(*m));
}

/* ---- sorting --------------------------------------------------------- */

static const struct site *S_sort_site;

static size_t
S_category_index(const struct site *s, const struct category *c)
{
	if (c == NULL || s->categories == NULL)
		return SIZE_MAX;
	return (size_t)(c - s->categories);
}

static int
S_cmp_partner(const struct partner *a, const struct partner *b)
{
	size_t	 ca, cb;
	int	 r;

	ca = S_category_index(S_sort_site, a->category);
	cb = S_category_index(S_sort_site, b->category);
	if (ca != cb)
		return ca < cb ? -1 : 1;
	r = str_collate(a->nom.s ? a->nom.s : "", b->nom.s ? b->nom.s : "");
	if (r != 0)
		return r;
	return strcmp(a->slug ? a->slug : "", b->slug ? b->slug : "");
}

static int
S_cmp_index(const void *pa, const void *pb)
{
	const struct partner *base = S_sort_site->partners;

	return S_cmp_partner(&base[*(const size_t *)pa],
	    &base[*(const size_t *)pb]);
}

static int
S_cmp_name(const void *pa, const void *pb)
{
	const struct partner *a = *(const struct partner *const *)pa;
	const struct partner *b = *(const struct partner *const *)pb;
	int	 r;

	r = str_collate(a->nom.s ? a->nom.s : "", b->nom.s ? b->nom.s : "");
	return r ? r : strcmp(a->slug, b->slug);
}

static int
S_cmp_thematique_ptr(const void *pa, const void *pb)
{
	const struct thematique *a = *(const struct thematique *const *)pa;
	const struct thematique *b = *(const struct thematique *const *)pb;

	return a < b ? -1 : a > b;
}

void
model_sort(struct site *s)
{
	size_t		*idx, *where, i, j, k;
	struct partner	*np, *p;

	if (s->npartners == 0)
		goto counts;
	/* Not reentrant, like qsort's comparators need; fine here. */
	S_sort_site = s;
	idx = xcalloc(s->npartners, sizeof(*idx));
	where = xcalloc(s->npartners, sizeof(*where));
	for (i = 0; i < s->npartners; i++)
		idx[i] = i;
	qsort(idx, s->npartners, sizeof(*idx), S_cmp_index);
	np = xcalloc(s->npartners, sizeof(*np));
	for (i = 0; i < s->npartners; i++) {
		np[i] = s->partners[idx[i]];
		where[idx[i]] = i;
	}
	/* Links point into the old array: move them to the new one. */
	for (i = 0; i < s->npartners; i++) {
		p = &np[i];
		for (j = 0; j < p->nliens; j++) {
			k = (size_t)(p->liens[j] - s->partners);
			p->liens[j] = &np[where[k]];
		}
	}
	free(s->partners);
	s->partners = np;
	free(idx);
	free(where);
	S_sort_site = NULL;
counts:
	/* Thematiques of each partner in site order; counts. */
	for (i = 0; i < s->ncategories; i++)
		s->categories[i].npartners = 0;
	for (i = 0; i < s->nthematiques; i++)
		s->thematiques[i].npartners = 0;
	for (i = 0; i < s->npartners; i++) {
		p = &s->partners[i];
		if (p->category != NULL)
			p->category->npartners++;
		if (p->nthematiques > 1)
			qsort(p->thematiques, p->nthematiques,
			    sizeof(*p->thematiques), S_cmp_thematique_ptr);
		for (j = 0; j < p->nthematiques; j++)
			p->thematiques[j]->npartners++;
	}
	model_index_slugs(s);
}

/* Positions in S_sort_site->partners by slug, then position. */
static int
S_cmp_slug_index(const void *a, const void *b)
{
	size_t		 i = *(const size_t *)a, j = *(const size_t *)b;
	int		 c;

	c = strcmp(S_sort_site->partners[i].slug,
	    S_sort_site->partners[j].slug);
	return c != 0 ? c : (i > j) - (i < j);
}

void
model_index_slugs(struct site *s)
{
	size_t	 i;

	free(s->byslug);
	s->byslug = xcalloc(s->npartners ? s->npartners : 1,
	    sizeof(*s->byslug));
	for (i = 0; i < s->npartners; i++)
		s->byslug[i] = i;
	S_sort_site = s;
	if (s->npartners > 1)
		qsort(s->byslug, s->npartners, sizeof(*s->byslug),
		    S_cmp_slug_index);
	S_sort_site = NULL;
	s->nbyslug = s->npartners;
	s->byslug_of = s->partners;
}

struct partner **
model_sorted_by_name(const struct site *s)
{
	struct partner	**v;
	size_t		  i;

	v = xcalloc(s->npartners + 1, sizeof(*v));
	for (i = 0; i < s->npartners; i++)
		v[i] = &s->partners[i];
	if (s->npartners > 1)
		qsort(v, s->npartners, sizeof(*v), S_cmp_name);
	return v;
}

/* ---- lookups --------------------------------------------------------- */

/*
 * With the index, the first position among equal slugs (ties are
 * sorted by position): the partner the linear search finds.
 */
struct partner *
model_partner(const struct site *s, const char *slug)
{
	size_t	 i, lo, hi, mid;

	if (s->byslug != NULL && s->nbyslug == s->npartners &&
	    s->byslug_of == s->partners) {
		lo = 0;
		hi = s->npartners;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (strcmp(s->partners[s->byslug[mid]].slug, slug) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < s->npartners &&
		    strcmp(s->partners[s->byslug[lo]].slug, slug) == 0)
			return &s->partners[s->byslug[lo]];
		return NULL;
	}
	for (i = 0; i < s->npartners; i++)
		if (strcmp(s->partners[i].slug, slug) == 0)
			return &s->partners[i];
	return NULL;
}

struct category *
model_category(const struct site *s, const char *key)
{
	size_t	 i;

	for (i = 0; i < s->ncategories; i++)
		if (strcmp(s->categories[i].key, key) == 0)
			return &s->categories[i];
	return NULL;
}

struct thematique *
model_thematique(const struct site *s, const char *key)
{
	size_t	 i;

	for (i = 0; i < s->nthematiques; i++)
		if (strcmp(s->thematiques[i].key, key) == 0)
			return &s->thematiques[i];
	return NULL;
}

int
model_has_thematique(const struct partner *p, const struct thematique *t)
{
	size_t	 i;

	for (i = 0; i < p->nthematiques; i++)
		if (p->thematiques[i] == t)
			return 1;
	return 0;
}

/* ---- labels ---------------------------------------------------------- */

const struct vocab model_modalites[MOD__COUNT] = {
	{ MOD_SANS_RDV, "sans rendez-vous", "sans-rendez-vous",
	    "Sans rendez-vous" },
	{ MOD_SUR_RDV, "sur rendez-vous", "sur-rendez-vous",
	    "Sur rendez-vous" },
	{ MOD_ORIENTATION, "sur orientation", "sur-orientation",
	    "Sur orientation d'un travailleur social" },
	{ MOD_TELEPHONE, "par téléphone", "par-telephone", "Par téléphone" },
	{ MOD_EN_LIGNE, "en ligne", "en-ligne", "En ligne" },
	{ MOD_DOMICILE, "à domicile", "a-domicile", "À domicile" },
};

const struct vocab model_couts[MODEL_NCOUTS] = {
	{ COUT_GRATUIT, "gratuit", "gratuit", "Gratuit" },
	{ COUT_PARTICIPATION, "participation", "participation",
	    "Participation demandée" },
	{ COUT_PAYANT, "payant", "payant", "Payant" },
};

const struct vocab model_accessibilites[MODEL_NACCESSIBILITES] = {
	{ ACCESS_OUI, "oui", "oui",
	    "Accessible aux personnes à mobilité réduite" },
	{ ACCESS_PARTIEL, "partiel", "partiel", "Partiellement accessible" },
	{ ACCESS_NON, "non", "non",
	    "Non accessible aux personnes à mobilité réduite" },
};

const struct vocab model_suivis[MODEL_NSUIVIS] = {
	{ SUIVI_OK, "ok", "ok", "OK" },
	{ SUIVI_RELANCER, "relancer", "relancer", "À relancer" },
	{ SUIVI_EN_ATTENTE, "en_attente", "en_attente", "En attente" },
};

const struct vocab model_days[7] = {
	{ 0, "lundi", "lundi", "Lundi" },
	{ 1, "mardi", "mardi", "Mardi" },
	{ 2, "mercredi", "mercredi", "Mercredi" },
	{ 3, "jeudi", "jeudi", "Jeudi" },
	{ 4, "vendredi", "vendredi", "Vendredi" },
	{ 5, "samedi", "samedi", "Samedi" },
	{ 6, "dimanche", "dimanche", "Dimanche" },
};

const struct vocab *
model_vocab(const struct vocab *v, size_t n, int value)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (v[i].value == value)
			return &v[i];
	return NULL;
}

const char *
model_vocab_word(const struct vocab *v, size_t n, int value)
{
	const struct vocab *e = model_vocab(v, n, value);

	return e == NULL ? NULL : e->word;
}

char *
model_vocab_words(const struct vocab *v, size_t n)
{
	struct buf	 b = { 0 };
	size_t		 i;

	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", v[i].word);
	return buf_detach(&b);
}

#define	S_N(v)	(sizeof(v) / sizeof((v)[0]))

static const char *
S_vocab_label(const struct vocab *e)
{
	return e == NULL ? NULL : e->label;
}

static const char *
S_vocab_key(const struct vocab *e)
{
	return e == NULL ? NULL : e->key;
}

const char *
model_modalite_label(enum modalite m)
{
	return S_vocab_label(model_vocab(model_modalites, MOD__COUNT, (int)m));
}

const char *
model_modalite_key(enum modalite m)
{
	return S_vocab_key(model_vocab(model_modalites, MOD__COUNT, (int)m));
}

const char *
model_cout_label(enum cout c)
{
	return S_vocab_label(model_vocab(model_couts, S_N(model_couts), (int)c));
}

const char *
model_cout_key(enum cout c)
{
	return S_vocab_key(model_vocab(model_couts, S_N(model_couts), (int)c));
}

const char *
model_accessibilite_label(enum accessibilite a)
{
	return S_vocab_label(model_vocab(model_accessibilites,
	    S_N(model_accessibilites), (int)a));
}

const char *
model_accessibilite_key(enum accessibilite a)
{
	return S_vocab_key(model_vocab(model_accessibilites,
	    S_N(model_accessibilites), (int)a));
}

const char *
model_suivi_label(enum suivi s)
{
	return S_vocab_label(model_vocab(model_suivis, S_N(model_suivis), (int)s));
}

const char *
model_suivi_key(enum suivi s)
{
	return S_vocab_key(model_vocab(model_suivis, S_N(model_suivis), (int)s));
}

const char *
model_day_label(int day)
{
	return S_vocab_label(model_vocab(model_days, 7, day));
}

const char *
model_day_key(int day)
{
	return S_vocab_key(model_vocab(model_days, 7, day));
}

char *
model_url_label(const char *url)
{
	const char	*p = strstr(url, "://");
	size_t		 n;

	p = p != NULL ? p + 3 : url;
	if (strncmp(p, "www.", 4) == 0)
		p += 4;
	n = strlen(p);
	if (n > 1 && p[n - 1] == '/')
		n--;
	return xstrndup(p, n);
}

/* ISO 639-1 codes with their French names (sorted by code). */
static const struct langue {
	const char	*code;
	const char	*label;
} S_langues[] = {
	{ "aa", "afar" }, { "ab", "abkhaze" }, { "ae", "avestique" },
	{ "af", "afrikaans" }, { "ak", "akan" }, { "am", "amharique" },
	{ "an", "aragonais" }, { "ar", "arabe" }, { "as", "assamais" },
	{ "av", "avar" }, { "ay", "aymara" }, { "az", "azéri" },
	{ "ba", "bachkir" }, { "be", "biélorusse" }, { "bg", "bulgare" },
	{ "bi", "bichelamar" }, { "bm", "bambara" }, { "bn", "bengali" },
	{ "bo", "tibétain" }, { "br", "breton" }, { "bs", "bosnien" },
	{ "ca", "catalan" }, { "ce", "tchétchène" }, { "ch", "chamorro" },
	{ "co", "corse" }, { "cr", "cri" }, { "cs", "tchèque" },
	{ "cu", "vieux-slave" }, { "cv", "tchouvache" }, { "cy", "gallois" },
	{ "da", "danois" }, { "de", "allemand" }, { "dv", "maldivien" },
	{ "dz", "dzongkha" }, { "ee", "éwé" }, { "el", "grec" },
	{ "en", "anglais" }, { "eo", "espéranto" }, { "es", "espagnol" },
	{ "et", "estonien" }, { "eu", "basque" }, { "fa", "persan" },
	{ "ff", "peul" }, { "fi", "finnois" }, { "fj", "fidjien" },
	{ "fo", "féroïen" }, { "fr", "français" }, { "fy", "frison" },
	{ "ga", "irlandais" }, { "gd", "gaélique écossais" },
	{ "gl", "galicien" }, { "gn", "guarani" }, { "gu", "gujarati" },
	{ "gv", "mannois" }, { "ha", "haoussa" }, { "he", "hébreu" },
	{ "hi", "hindi" }, { "ho", "hiri motu" }, { "hr", "croate" },
	{ "ht", "créole haïtien" }, { "hu", "hongrois" },
	{ "hy", "arménien" }, { "hz", "héréro" }, { "ia", "interlingua" },
	{ "id", "indonésien" }, { "ie", "interlingue" }, { "ig", "igbo" },
	{ "ii", "yi du Sichuan" }, { "ik", "inupiaq" }, { "io", "ido" },
	{ "is", "islandais" }, { "it", "italien" }, { "iu", "inuktitut" },
	{ "ja", "japonais" }, { "jv", "javanais" }, { "ka", "géorgien" },
	{ "kg", "kikongo" }, { "ki", "kikuyu" }, { "kj", "kuanyama" },
	{ "kk", "kazakh" }, { "kl", "groenlandais" }, { "km", "khmer" },
	{ "kn", "kannada" }, { "ko", "coréen" }, { "kr", "kanouri" },
	{ "ks", "cachemiri" }, { "ku", "kurde" }, { "kv", "komi" },
	{ "kw", "cornique" }, { "ky", "kirghiz" }, { "la", "latin" },
	{ "lb", "luxembourgeois" }, { "lg", "ganda" },
	{ "li", "limbourgeois" }, { "ln", "lingala" }, { "lo", "lao" },
	{ "lsf", "langue des signes française" }, /* not ISO 639-1 */
	{ "lt", "lituanien" }, { "lu", "luba-katanga" }, { "lv", "letton" },
	{ "mg", "malgache" }, { "mh", "marshallais" }, { "mi", "maori" },
	{ "mk", "macédonien" }, { "ml", "malayalam" }, { "mn", "mongol" },
	{ "mr", "marathi" }, { "ms", "malais" }, { "mt", "maltais" },
	{ "my", "birman" }, { "na", "nauruan" },
	{ "nb", "norvégien bokmål" }, { "nd", "ndébélé du Nord" },
	{ "ne", "népalais" }, { "ng", "ndonga" }, { "nl", "néerlandais" },
	{ "nn", "norvégien nynorsk" }, { "no", "norvégien" },
	{ "nr", "ndébélé du Sud" }, { "nv", "navajo" }, { "ny", "chichewa" },
	{ "oc", "occitan" }, { "oj", "ojibwé" }, { "om", "oromo" },
	{ "or", "oriya" }, { "os", "ossète" }, { "pa", "pendjabi" },
	{ "pi", "pali" }, { "pl", "polonais" }, { "ps", "pachto" },
	{ "pt", "portugais" }, { "qu", "quechua" }, { "rm", "romanche" },
	{ "rn", "kirundi" }, { "ro", "roumain" }, { "ru", "russe" },
	{ "rw", "kinyarwanda" }, { "sa", "sanskrit" }, { "sc", "sarde" },
	{ "sd", "sindhi" }, { "se", "same du Nord" }, { "sg", "sango" },
	{ "si", "cingalais" }, { "sk", "slovaque" }, { "sl", "slovène" },
	{ "sm", "samoan" }, { "sn", "shona" }, { "so", "somali" },
	{ "sq", "albanais" }, { "sr", "serbe" }, { "ss", "swati" },
	{ "st", "sotho du Sud" }, { "su", "soundanais" }, { "sv", "suédois" },
	{ "sw", "swahili" }, { "ta", "tamoul" }, { "te", "télougou" },
	{ "tg", "tadjik" }, { "th", "thaï" }, { "ti", "tigrigna" },
	{ "tk", "turkmène" }, { "tl", "tagalog" }, { "tn", "tswana" },
	{ "to", "tongien" }, { "tr", "turc" }, { "ts", "tsonga" },
	{ "tt", "tatar" }, { "tw", "twi" }, { "ty", "tahitien" },
	{ "ug", "ouïghour" }, { "uk", "ukrainien" }, { "ur", "ourdou" },
	{ "uz", "ouzbek" }, { "ve", "venda" }, { "vi", "vietnamien" },
	{ "vo", "volapük" }, { "wa", "wallon" }, { "wo", "wolof" },
	{ "xh", "xhosa" }, { "yi", "yiddish" }, { "yo", "yoruba" },
	{ "za", "zhuang" }, { "zh", "chinois" }, { "zu", "zoulou" },
};

static int
S_cmp_langue(const void *key, const void *elem)
{
	return strcmp(key, ((const struct langue *)elem)->code);
}

const char *
model_langue_label(const char *code)
{
	const struct langue *l;

	if (code == NULL)
		return NULL;
	l = bsearch(code, S_langues, sizeof(S_langues) / sizeof(S_langues[0]),
	    sizeof(S_langues[0]), S_cmp_langue);
	return l ? l->label : NULL;
}

/* The i-th known code (for did-you-mean), NULL past the end. */
const char *
model_langue_code(size_t i)
{
	if (i >= sizeof(S_langues) / sizeof(S_langues[0]))
		return NULL;
	return S_langues[i].code;
}

char *
model_display_name(const struct partner *p)
{
	const char	*nom = p->nom.s ? p->nom.s : p->slug;

	if (p->sigle.s != NULL && strcmp(p->sigle.s, nom) != 0)
		return xasprintf("%s (%s)", nom, p->sigle.s);
	return xstrdup(nom);
}

char *
model_org_phrase(const struct organisation *o, enum org_case k)
{
	/* [article][case]: the words before the name. */
	static const char *const pre[][4] = {
		[ART_NONE] = { "", "", "à ", "de " },
		[ART_LE] = { "le ", "Le ", "au ", "du " },
		[ART_LA] = { "la ", "La ", "à la ", "de la " },
		[ART_L] = { "l'", "L'", "à l'", "de l'" },
		[ART_LES] = { "les ", "Les ", "aux ", "des " },
	};

	if (o->nom.s == NULL)
		return NULL;
	return xasprintf("%s%s", pre[o->article][k], o->nom.s);
}

char *
model_time_fr(int minutes)
{
	int	 h, m;

	if (minutes < 0)
		minutes = 0;
	h = minutes / 60;
	m = minutes % 60;
	if (m == 0)
		return xasprintf("%d h", h);
	return xasprintf("%d h %02d", h, m);
}

void
model_time_fr_put(struct buf *b, int minutes)
{
	char	*t = model_time_fr(minutes), *p;

	for (p = t; *p != '\0'; p++)
		if (*p == ' ')
			buf_puts(b, "\xc2\xa0");	/* U+00A0 */
		else
			buf_putc(b, *p);
	free(t);
}
