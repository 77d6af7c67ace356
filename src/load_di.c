/*
 * load_di.c — site.yaml's data_inclusion mapping (load_di.h).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "export_di.h"
#include "load_di.h"
#include "load_yaml.h"
#include "util.h"
#include "validate.h"

struct S_ctx {
	struct diags	*d;
	const char	*file;
	int		 ok;
};

static void
S_di_err(struct S_ctx *c, struct pos p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void
S_di_warn(struct S_ctx *c, struct pos p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
S_di_err(struct S_ctx *c, struct pos p, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(c->d, DIAG_ERROR, c->file, p.line, p.col, fmt, ap);
	va_end(ap);
	c->ok = 0;
}

static void
S_di_warn(struct S_ctx *c, struct pos p, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(c->d, DIAG_WARNING, c->file, p.line, p.col, fmt, ap);
	va_end(ap);
}

/* Index of word w in words[] (folded comparison), or -1. */
static int
S_word_index(const char *w, const char *const *words, size_t n)
{
	char	*f = str_fold_words(w), *g;
	size_t	 i;
	int	 k = -1;

	for (i = 0; i < n && k < 0; i++) {
		g = str_fold_words(words[i]);
		if (strcmp(f, g) == 0)
			k = (int)i;
		free(g);
	}
	free(f);
	return k;
}

/* Warn about keys of map (the field where) not in known[]. */
static void
S_di_keys(struct S_ctx *c, const struct ynode *map, const char *where,
    const char *const *known, size_t n)
{
	const char	*s;
	size_t		 i;

	for (i = 0; i < map->n; i++) {
		if (S_word_index(map->k[i]->s, known, n) >= 0)
			continue;
		if ((s = validate_suggest(map->k[i]->s, known, n)) != NULL)
			S_di_warn(c, map->k[i]->pos, "%s: unknown field \"%s\" "
			    "(did you mean \"%s\"?): it is ignored", where,
			    map->k[i]->s, s);
		else
			S_di_warn(c, map->k[i]->pos, "%s: unknown field \"%s\": "
			    "it is ignored", where, map->k[i]->s);
	}
}

/* A group of fields, or NULL (error when not a group). */
static const struct ynode *
S_di_group(struct S_ctx *c, const struct ynode *v, const char *path)
{
	if (v == NULL || load_yaml_is_null(v))
		return NULL;
	if (v->type != YNODE_MAP) {
		S_di_err(c, v->pos, "%s: expected a group of fields (indented "
		    "\"key: value\" lines), found a %s", path,
		    load_yaml_kind(v));
		return NULL;
	}
	return v;
}

/* A text value, trimmed; 0 when absent or empty (error if not a text). */
static int
S_di_text(struct S_ctx *c, const struct ynode *v, const char *path,
    struct text *out)
{
	char	*t;

	if (v == NULL || load_yaml_is_null(v))
		return 0;
	if (v->type != YNODE_SCALAR) {
		S_di_err(c, v->pos, "%s: expected a text, found a %s", path,
		    load_yaml_kind(v));
		return 0;
	}
	t = str_trim(v->s);
	if (*t == '\0') {
		free(t);
		return 0;
	}
	out->s = t;
	out->pos = v->pos;
	return 1;
}

/* The message part naming a vocabulary term: "x" (did you mean "y"?). */
static void
S_bad_term(struct S_ctx *c, enum di_vocab v, const char *path,
    const struct text *t)
{
	const struct di_term *sug, *terms;
	const char	*sep = NULL;
	size_t		 n, i, len;
	struct buf	 b;

	if ((sug = export_di_suggest(v, t->s)) != NULL) {
		S_di_err(c, t->pos, "%s: \"%s\" is not in the data\xc2\xb7inclusion "
		    "list %s (did you mean \"%s\" (%s)?)", path, t->s,
		    export_di_vocab_file(v), sug->value, sug->label);
		return;
	}
	terms = export_di_vocab(v, &n);
	len = strlen(t->s);
	if (v == DI_THEMATIQUES) {
		/* A category alone, or with an unknown sub-theme: name its
		 * sub-themes. */
		if ((sep = strstr(t->s, "--")) != NULL)
			len = (size_t)(sep - t->s);
		buf_init(&b);
		for (i = 0; i < n; i++)
			if (strncmp(terms[i].value, t->s, len) == 0 &&
			    strncmp(terms[i].value + len, "--", 2) == 0)
				buf_printf(&b, "%s%s", b.len ? ", " : "",
				    terms[i].value);
		if (b.len > 0 && sep == NULL)
			S_di_err(c, t->pos, "%s: \"%s\" is a category of "
			    "data\xc2\xb7inclusion, not a sub-theme: choose "
			    "among %s", path, t->s, buf_cstr(&b));
		else if (b.len > 0)
			S_di_err(c, t->pos, "%s: \"%s\" is not a sub-theme of "
			    "\"%.*s\" in data\xc2\xb7inclusion: choose among %s",
			    path, t->s, (int)len, t->s, buf_cstr(&b));
		else
			S_di_err(c, t->pos, "%s: \"%s\" is not in the "
			    "data\xc2\xb7inclusion list %s (keys such as "
			    "\"%s\")", path, t->s, export_di_vocab_file(v),
			    terms[0].value);
		buf_free(&b);
		return;
	}
	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", terms[i].value);
	S_di_err(c, t->pos, "%s: \"%s\" is not one of the data\xc2\xb7inclusion "
	    "values: %s", path, t->s, buf_cstr(&b));
	buf_free(&b);
}

/*
 * A list of vocabulary terms (a single text counts as a list of one)
 * into out, keeping the valid ones, each once.
 */
static void
S_terms(struct S_ctx *c, const struct ynode *v, enum di_vocab voc,
    const char *path, struct texts *out)
{
	const struct ynode *it;
	struct text	 t;
	size_t		 i, j, n;

	if (v == NULL || load_yaml_is_null(v))
		return;
	if (v->type == YNODE_MAP) {
		S_di_err(c, v->pos, "%s: expected a list of data\xc2\xb7inclusion "
		    "keys, found a group of fields", path);
		return;
	}
	n = v->type == YNODE_SEQ ? v->n : 1;
	out->v = xcalloc(n ? n : 1, sizeof(*out->v));
	for (i = 0; i < n; i++) {
		it = v->type == YNODE_SEQ ? v->v[i] : v;
		memset(&t, 0, sizeof(t));
		if (!S_di_text(c, it, path, &t))
			continue;
		if (export_di_term(voc, t.s) == NULL) {
			S_bad_term(c, voc, path, &t);
			free(t.s);
			continue;
		}
		for (j = 0; j < out->n; j++)
			if (strcmp(out->v[j].s, t.s) == 0)
				break;
		if (j < out->n) {
			S_di_warn(c, t.pos, "%s: \"%s\" is listed twice: keep it "
			    "once", path, t.s);
			free(t.s);
			continue;
		}
		out->v[out->n++] = t;
	}
}

static int
S_is_bad(const struct texts *bad, const char *key)
{
	size_t	 i;

	for (i = 0; bad != NULL && i < bad->n; i++)
		if (strcmp(bad->v[i].s, key) == 0)
			return 1;
	return 0;
}

static void
S_di_thematiques(struct S_ctx *c, const struct ynode *g, struct site *s,
    struct di_mapping *m, const struct texts *badthems)
{
	const char	**keys, *sug;
	unsigned char	*seen;
	char		*path;
	size_t		 i;
	int		 k;

	keys = xcalloc(s->nthematiques + 1, sizeof(*keys));
	seen = xcalloc(s->nthematiques + 1, 1);
	for (i = 0; i < s->nthematiques; i++)
		keys[i] = s->thematiques[i].key;
	for (i = 0; i < g->n; i++) {
		const char *key = g->k[i]->s;

		for (k = 0; k < (int)s->nthematiques; k++)
			if (strcmp(keys[k], key) == 0)
				break;
		if (k == (int)s->nthematiques) {
			if (S_is_bad(badthems, key))
				continue;
			if ((sug = validate_suggest(key, keys,
			    s->nthematiques)) != NULL)
				S_di_err(c, g->k[i]->pos, "data_inclusion.thematiques: "
				    "\"%s\" is not a thematique of site.yaml "
				    "(did you mean \"%s\"?)", key, sug);
			else
				S_di_err(c, g->k[i]->pos, "data_inclusion.thematiques: "
				    "\"%s\" is not a thematique of site.yaml",
				    key);
			continue;
		}
		seen[k] = 1;
		path = xasprintf("data_inclusion.thematiques.%s", key);
		S_terms(c, g->v[i], DI_THEMATIQUES, path, &m->thematiques[k]);
		free(path);
	}
	for (i = 0; i < s->nthematiques; i++)
		if (!seen[i])
			S_di_warn(c, g->pos, "data_inclusion.thematiques: no "
			    "data\xc2\xb7inclusion sub-theme for the thematique "
			    "\"%s\": its partners' services are exported "
			    "without it", keys[i]);
	free(keys);
	free(seen);
}

static void
S_modalites(struct S_ctx *c, const struct ynode *g, struct di_mapping *m)
{
	static const char *const inner[] = {
		"modes_accueil", "modes_mobilisation", "mobilisable_par"
	};
	const char	*mods[MOD__COUNT], *sug;
	const struct ynode *e;
	char		*path, *words;
	size_t		 i;
	int		 k;

	for (k = 0; k < MOD__COUNT; k++)
		mods[k] = model_modalites[k].key;
	for (i = 0; i < g->n; i++) {
		const char *key = g->k[i]->s;

		if ((k = S_word_index(key, mods, MOD__COUNT)) < 0) {
			if ((sug = validate_suggest(key, mods, MOD__COUNT)) != NULL)
				S_di_err(c, g->k[i]->pos, "data_inclusion.modalites: "
				    "\"%s\" is not an access modality (did you "
				    "mean \"%s\"?)", key, sug);
			else {
				words = model_vocab_words(model_modalites,
				    MOD__COUNT);
				S_di_err(c, g->k[i]->pos, "data_inclusion.modalites: "
				    "\"%s\" is not an access modality: %s", key,
				    words);
				free(words);
			}
			continue;
		}
		if ((e = S_di_group(c, g->v[i], "data_inclusion.modalites")) == NULL)
			continue;
		S_di_keys(c, e, "data_inclusion.modalites", inner, 3);
		path = xasprintf("data_inclusion.modalites.%s.modes_accueil",
		    mods[k]);
		S_terms(c, load_yaml_get(e, "modes_accueil"), DI_MODES_ACCUEIL,
		    path, &m->accueil[k]);
		free(path);
		path = xasprintf("data_inclusion.modalites.%s.modes_mobilisation",
		    mods[k]);
		S_terms(c, load_yaml_get(e, "modes_mobilisation"),
		    DI_MODES_MOBILISATION, path, &m->mobilisation[k]);
		free(path);
		path = xasprintf("data_inclusion.modalites.%s.mobilisable_par",
		    mods[k]);
		S_terms(c, load_yaml_get(e, "mobilisable_par"),
		    DI_PERSONNES_MOBILISATRICES, path, &m->mobilisable_par[k]);
		free(path);
	}
}

static void
S_couts(struct S_ctx *c, const struct ynode *g, struct di_mapping *m)
{
	const char	*couts[MODEL_NCOUTS], *sug;
	char		*words;
	struct text	 t;
	size_t		 i;
	int		 k;

	for (k = 0; k < MODEL_NCOUTS; k++)
		couts[k] = model_couts[k].key;
	for (i = 0; i < g->n; i++) {
		const char *key = g->k[i]->s;

		if ((k = S_word_index(key, couts, MODEL_NCOUTS)) < 0) {
			sug = validate_suggest(key, couts, MODEL_NCOUTS);
			if (sug)
				S_di_err(c, g->k[i]->pos, "data_inclusion.couts: "
				    "\"%s\" is not a cost (did you mean "
				    "\"%s\"?)", key, sug);
			else {
				words = model_vocab_words(model_couts,
				    MODEL_NCOUTS);
				S_di_err(c, g->k[i]->pos, "data_inclusion.couts: "
				    "\"%s\" is not a cost: %s", key, words);
				free(words);
			}
			continue;
		}
		memset(&t, 0, sizeof(t));
		if (!S_di_text(c, g->v[i], "data_inclusion.couts", &t))
			continue;
		if (export_di_term(DI_FRAIS, t.s) == NULL) {
			S_bad_term(c, DI_FRAIS, "data_inclusion.couts", &t);
			free(t.s);
			continue;
		}
		free(m->frais[model_couts[k].value].s);
		m->frais[model_couts[k].value] = t;
	}
}

int
load_di_mapping(const struct ynode *root, struct site *s,
    const struct texts *badthems, const char *file, struct diags *d)
{
	static const char *const keys[] = {
		"source", "prefixe_id", "thematiques", "modalites", "couts"
	};
	struct di_mapping *m = &s->data_inclusion;
	const struct ynode *g, *v;
	struct S_ctx	 c = { d, file, 1 };

	if ((g = S_di_group(&c, load_yaml_get(root, "data_inclusion"),
	    "data_inclusion")) == NULL)
		return c.ok;
	S_di_keys(&c, g, "data_inclusion", keys, 5);
	m->thematiques = xcalloc(s->nthematiques + 1,
	    sizeof(*m->thematiques));
	v = load_yaml_get(g, "source");
	if (!S_di_text(&c, v, "data_inclusion.source", &m->source))
		S_di_err(&c, v ? v->pos : g->pos, "data_inclusion.source: "
		    "missing: the producer's id for data\xc2\xb7inclusion, "
		    "a slug such as \"mdq-chantiers\"");
	else if (!validate_slug(m->source.s))
		S_di_err(&c, m->source.pos, "data_inclusion.source: \"%s\" is not "
		    "a slug such as \"mdq-chantiers\" (lowercase letters, "
		    "digits and hyphens)", m->source.s);
	if (S_di_text(&c, load_yaml_get(g, "prefixe_id"),
	    "data_inclusion.prefixe_id", &m->prefixe) &&
	    m->prefixe.s[strspn(m->prefixe.s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:.")] != '\0')
		S_di_err(&c, m->prefixe.pos, "data_inclusion.prefixe_id: \"%s\": "
		    "write only letters, digits and - _ : . (as in "
		    "\"mdq-chantiers--\")", m->prefixe.s);
	if ((v = S_di_group(&c, load_yaml_get(g, "thematiques"),
	    "data_inclusion.thematiques")) != NULL)
		S_di_thematiques(&c, v, s, m, badthems);
	else
		S_di_warn(&c, g->pos, "data_inclusion.thematiques: missing: the "
		    "services are exported without sub-themes");
	if ((v = S_di_group(&c, load_yaml_get(g, "modalites"),
	    "data_inclusion.modalites")) != NULL)
		S_modalites(&c, v, m);
	if ((v = S_di_group(&c, load_yaml_get(g, "couts"),
	    "data_inclusion.couts")) != NULL)
		S_couts(&c, v, m);
	return c.ok;
}
