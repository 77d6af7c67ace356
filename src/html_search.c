/*
 * html_search.c — the site's search index, out/site/search-index.js
 * (window.ANNUAIRE), read by themes/default/assets/recherche.js.
 *
 * Every word of a partner's fields is lowercased, stemmed (Snowball
 * French, stem.c) and folded (no accents); the index lists the distinct
 * stems once ("termes", sorted, each followed by the folded words that
 * gave it, for prefix and typo matching) and, per partner, which stems
 * it holds and in which fields (a bit per field, weights in "champs").
 * A word also gives the stem of its folded form, so that a query typed
 * without accents ("activite") meets the stem of "activité".  The
 * thesaurus (content/synonymes.yaml) and the stop words go as they
 * are: the script stems them with the same algorithm.
 *
 *	window.ANNUAIRE = {
 *	  "version": 2,
 *	  "champs": [10, 6, 6, 4, 2, 1],
 *	  "termes": ["log logement logements", "=social", ...],
 *	  "partenaires": [{"slug": "c3f", "t": [n, ...]}, ...],
 *	  "thematiques": [{"cle": ..., "libelle": ..., "n": 8}, ...],
 *	  "synonymes": [["habits", "vêtements"], ...],
 *	  "vides": ["a", "au", ...]
 *	};
 *
 * A partner's "t" holds, in stem order, (gap << 6) | fields: gap is the
 * stem's index minus the previous one's (the first from 0), fields the
 * bits of the fields where it occurs (bit 0 nom and sigle, 1 catégorie
 * and thématiques, 2 résumé, 3 missions, actions and public, 4
 * présentation, 5 langues, accès and adresse).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "html_int.h"
#include "model.h"
#include "stem.h"
#include "util.h"

enum S_field {
	F_NOM, F_THEMES, F_RESUME, F_MISSIONS, F_PRESENTATION, F_AUTRES,
	F__COUNT
};
static const int S_weights[F__COUNT] = { 10, 6, 6, 4, 2, 1 };

/* ---- a string -> number table (open addressing, FNV-1a) -------------- */

struct S_table {
	char	**keys;		/* by id */
	size_t	 *slots;	/* id + 1, 0 when empty */
	size_t	  n, cap, nslots;
};

static uint64_t
S_hash(const char *s)
{
	uint64_t	 h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void
S_table_free(struct S_table *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		free(t->keys[i]);
	free(t->keys);
	free(t->slots);
}

/* The id of key, added when new. */
static size_t
S_intern(struct S_table *t, const char *key, int *isnew)
{
	size_t	 i, j;

	if (t->n * 2 >= t->nslots) {
		size_t	 ns = t->nslots ? t->nslots * 2 : 1024;
		size_t	*sl = xcalloc(ns, sizeof(*sl));

		for (i = 0; i < t->nslots; i++)
			if (t->slots[i]) {
				j = S_hash(t->keys[t->slots[i] - 1]) & (ns - 1);
				while (sl[j])
					j = (j + 1) & (ns - 1);
				sl[j] = t->slots[i];
			}
		free(t->slots);
		t->slots = sl;
		t->nslots = ns;
	}
	j = S_hash(key) & (t->nslots - 1);
	while (t->slots[j]) {
		if (strcmp(t->keys[t->slots[j] - 1], key) == 0) {
			if (isnew)
				*isnew = 0;
			return t->slots[j] - 1;
		}
		j = (j + 1) & (t->nslots - 1);
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->keys = xreallocarray(t->keys, t->cap, sizeof(*t->keys));
	}
	t->keys[t->n] = xstrdup(key);
	t->slots[j] = ++t->n;
	if (isnew)
		*isnew = 1;
	return t->n - 1;
}

/* ---- building -------------------------------------------------------- */

/* What a lowercase word gives, computed once per distinct word. */
struct S_index_word {
	size_t	 t1, t2;	/* stems (ids in terms); t2 == t1 if alike */
	int	 stop;		/* a stop word: not indexed */
};

struct S_posting {
	size_t		 term;
	unsigned int	 fields;
};

struct S_index {
	struct stem	*stem;		/* NULL: stems are the folded words */
	struct S_table	 words;		/* lowercase words */
	struct S_index_word	*winfo;		/* by word id */
	struct S_table	 terms;		/* folded stems */
	struct S_table	 forms;		/* folded words */
	size_t		*form_term;	/* by form id: its stem (t1) */
	struct S_posting *post;		/* the partner being indexed */
	size_t		 npost, cappost;
	enum S_field	 field;
	struct buf	 tmp;
};

/* The folded stem of a lowercase word: a term id. */
static size_t
S_term(struct S_index *x, const char *w, size_t len)
{
	char	*f;
	size_t	 id;

	buf_reset(&x->tmp);
	if (x->stem == NULL || !stem_word(x->stem, w, len, &x->tmp))
		buf_put(&x->tmp, w, len);
	f = str_fold(buf_cstr(&x->tmp));
	id = S_intern(&x->terms, f, NULL);
	free(f);
	return id;
}

static void
S_post(struct S_index *x, size_t term)
{
	if (x->npost == x->cappost) {
		x->cappost = x->cappost ? x->cappost * 2 : 256;
		x->post = xreallocarray(x->post, x->cappost,
		    sizeof(*x->post));
	}
	x->post[x->npost].term = term;
	x->post[x->npost].fields = 1u << x->field;
	x->npost++;
}

static void
S_index_word(void *arg, const char *w, size_t len)
{
	struct S_index	*x = arg;
	struct S_index_word	*wi;
	size_t		 id;
	int		 isnew;

	id = S_intern(&x->words, w, &isnew);
	if (isnew) {
		char	*f = str_fold(w);
		size_t	 form;
		int	 fnew;

		x->winfo = xreallocarray(x->winfo, x->words.cap,
		    sizeof(*x->winfo));
		wi = &x->winfo[id];
		wi->stop = stem_stopword(f);
		if (!wi->stop) {
			wi->t1 = S_term(x, w, len);
			/* Most words have no accent: stem them once. */
			wi->t2 = strcmp(w, f) == 0 ? wi->t1 :
			    S_term(x, f, strlen(f));
			form = S_intern(&x->forms, f, &fnew);
			if (fnew) {
				x->form_term = xreallocarray(x->form_term,
				    x->forms.cap, sizeof(*x->form_term));
				x->form_term[form] = wi->t1;
			}
		}
		free(f);
	}
	wi = &x->winfo[id];
	if (wi->stop)
		return;
	S_post(x, wi->t1);
	if (wi->t2 != wi->t1)
		S_post(x, wi->t2);
}

static void
S_index_text(struct S_index *x, enum S_field f, const char *s)
{
	if (s == NULL)
		return;
	x->field = f;
	stem_words(s, S_index_word, x);
}

static void
S_index_partner(struct S_index *x, const struct partner *p)
{
	size_t	 j;
	int	 k;

	S_index_text(x, F_NOM, p->nom.s);
	S_index_text(x, F_NOM, p->sigle.s);
	S_index_text(x, F_THEMES, p->category ? p->category->label : NULL);
	for (j = 0; j < p->nthematiques; j++)
		S_index_text(x, F_THEMES, p->thematiques[j]->label);
	S_index_text(x, F_RESUME, p->resume.s);
	for (j = 0; j < p->missions.n; j++)
		S_index_text(x, F_MISSIONS, p->missions.v[j].s);
	for (j = 0; j < p->nactions; j++) {
		S_index_text(x, F_MISSIONS, p->actions[j].titre.s);
		S_index_text(x, F_MISSIONS, p->actions[j].description.s);
	}
	S_index_text(x, F_MISSIONS, p->public_.s);
	S_index_text(x, F_PRESENTATION, p->body);
	for (k = 0; k < MOD__COUNT; k++)
		if (p->modalites & (1u << k))
			S_index_text(x, F_AUTRES,
			    model_modalite_label((enum modalite)(1u << k)));
	S_index_text(x, F_AUTRES, p->acces_precisions.s);
	S_index_text(x, F_AUTRES, p->accessibilite_precisions.s);
	S_index_text(x, F_AUTRES, p->transports.s);
	for (j = 0; j < p->langues.n; j++)
		S_index_text(x, F_AUTRES,
		    model_langue_label(p->langues.v[j].s));
	S_index_text(x, F_AUTRES, p->adresse.rue.s);
	S_index_text(x, F_AUTRES, p->adresse.code_postal.s);
	S_index_text(x, F_AUTRES, p->adresse.ville.s);
}

static int
S_post_cmp(const void *a, const void *b)
{
	const struct S_posting *pa = a, *pb = b;

	return pa->term < pb->term ? -1 : pa->term > pb->term;
}

static const char *const *S_sort_keys;

static int
S_id_cmp(const void *a, const void *b)
{
	return strcmp(S_sort_keys[*(const size_t *)a],
	    S_sort_keys[*(const size_t *)b]);
}

/* Ids sorted by their key: order[rank] = id, rank[id] = rank. */
static void
S_order(const struct S_table *t, size_t **order, size_t **rank)
{
	size_t	 i;

	*order = xcalloc(t->n + 1, sizeof(**order));
	*rank = xcalloc(t->n + 1, sizeof(**rank));
	for (i = 0; i < t->n; i++)
		(*order)[i] = i;
	S_sort_keys = (const char *const *)t->keys;
	qsort(*order, t->n, sizeof(**order), S_id_cmp);
	for (i = 0; i < t->n; i++)
		(*rank)[(*order)[i]] = i;
}

char *
hctx_search_index(const struct hctx *hc)
{
	const struct site *s = hc->site;
	struct S_index	 x;
	struct buf	 b;
	struct S_posting **posts;
	size_t		*npost, *torder, *trank, *forder, *frank, i, j, k;
	const char *const *sw;

	memset(&x, 0, sizeof(x));
	buf_init(&x.tmp);
	x.stem = stem_new();
	posts = xcalloc(s->npartners + 1, sizeof(*posts));
	npost = xcalloc(s->npartners + 1, sizeof(*npost));
	for (i = 0; i < s->npartners; i++) {
		x.npost = 0;
		S_index_partner(&x, &s->partners[i]);
		qsort(x.post, x.npost, sizeof(*x.post), S_post_cmp);
		/* One posting per stem, with the fields or-ed. */
		for (j = k = 0; j < x.npost; j++)
			if (k > 0 && x.post[k - 1].term == x.post[j].term)
				x.post[k - 1].fields |= x.post[j].fields;
			else
				x.post[k++] = x.post[j];
		posts[i] = xreallocarray(NULL, k + 1, sizeof(**posts));
		memcpy(posts[i], x.post, k * sizeof(**posts));
		npost[i] = k;
	}
	S_order(&x.terms, &torder, &trank);
	S_order(&x.forms, &forder, &frank);

	buf_init(&b);
	buf_puts(&b, "/* G\xc3\xa9n\xc3\xa9r\xc3\xa9 par annuaire : index de "
	    "recherche (voir assets/recherche.js). */\n"
	    "window.ANNUAIRE = {\"version\": 2,\n\"champs\": [");
	for (i = 0; i < F__COUNT; i++)
		buf_printf(&b, "%s%d", i ? ", " : "", S_weights[i]);
	buf_puts(&b, "],\n\"termes\": [");
	/* Each stem, then its folded words (forms sorted: grouped by stem). */
	{
		struct buf	*tf = xcalloc(x.terms.n + 1, sizeof(*tf));
		unsigned char	*word = xcalloc(x.terms.n + 1, 1);

		for (i = 0; i < x.forms.n; i++) {
			size_t	 f = forder[i], t = x.form_term[f];

			if (strcmp(x.forms.keys[f], x.terms.keys[t]) == 0) {
				word[t] = 1;
				continue;
			}
			buf_putc(&tf[t], ' ');
			buf_puts(&tf[t], x.forms.keys[f]);
		}
		for (i = 0; i < x.terms.n; i++) {
			size_t	 t = torder[i];

			buf_reset(&x.tmp);
			if (word[t])
				buf_putc(&x.tmp, '=');
			buf_puts(&x.tmp, x.terms.keys[t]);
			buf_puts(&x.tmp, buf_cstr(&tf[t]));
			buf_puts(&b, i ? (i % 8 ? "," : ",\n") : "");
			export_json_str(&b, buf_cstr(&x.tmp));
		}
		for (i = 0; i < x.terms.n; i++)
			buf_free(&tf[i]);
		free(tf);
		free(word);
	}
	buf_puts(&b, "],\n\"partenaires\": [\n");
	for (i = 0; i < s->npartners; i++) {
		size_t	 prev = 0;

		for (j = 0; j < npost[i]; j++)
			posts[i][j].term = trank[posts[i][j].term];
		qsort(posts[i], npost[i], sizeof(**posts), S_post_cmp);
		buf_puts(&b, "{\"slug\": ");
		export_json_str(&b, s->partners[i].slug);
		buf_puts(&b, ", \"t\": [");
		for (j = 0; j < npost[i]; j++) {
			buf_printf(&b, "%s%zu", j ? "," : "",
			    ((posts[i][j].term - prev) << 6) |
			    posts[i][j].fields);
			prev = posts[i][j].term;
		}
		buf_puts(&b, i + 1 < s->npartners ? "]},\n" : "]}\n");
	}
	buf_puts(&b, "],\n\"thematiques\": [");
	for (i = 0, k = 0; i < s->nthematiques; i++) {
		const struct thematique *t = &s->thematiques[i];

		if (t->npartners == 0)
			continue;
		buf_puts(&b, k++ ? ",\n{\"cle\": " : "\n{\"cle\": ");
		export_json_str(&b, t->key);
		buf_puts(&b, ", \"libelle\": ");
		export_json_str(&b, t->label);
		buf_printf(&b, ", \"n\": %zu}", t->npartners);
	}
	buf_puts(&b, "],\n\"synonymes\": [");
	for (i = 0; i < s->nsynonymes; i++) {
		buf_puts(&b, i ? ",\n[" : "\n[");
		for (j = 0; j < s->synonymes[i].n; j++) {
			buf_puts(&b, j ? ", " : "");
			export_json_str(&b, s->synonymes[i].v[j]);
		}
		buf_putc(&b, ']');
	}
	buf_puts(&b, "],\n\"vides\": [");
	for (sw = stem_stopwords; *sw != NULL; sw++) {
		buf_puts(&b, sw == stem_stopwords ? "" : ",");
		export_json_str(&b, *sw);
	}
	buf_puts(&b, "]};\n");

	for (i = 0; i < s->npartners; i++)
		free(posts[i]);
	free(posts);
	free(npost);
	free(torder);
	free(trank);
	free(forder);
	free(frank);
	free(x.post);
	free(x.winfo);
	free(x.form_term);
	S_table_free(&x.words);
	S_table_free(&x.terms);
	S_table_free(&x.forms);
	buf_free(&x.tmp);
	stem_free(x.stem);
	return buf_detach(&b);
}
