/*
 * page_fields.c — a page as named values, and the difference of two
 * versions; see page_fields.h.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "model.h"
#include "page_fields.h"
#include "util.h"
#include "validate.h"

/* Keys whose values are lists (compared as sets of items). */
static const char *const S_lists[] = {
	"thematiques", "missions", "actions", "acces.modalites", "langues",
	"contacts", "liens", NULL
};

/* Longest body compared line by line (the LCS table is n*m). */
#define	PF_MAX_BODY_LINES	400
/* Lines of a body diff shown. */
#define	PF_SHOW_LINES		12

/* The form's labels (themes/default/campagne/form.js), per key. */
static const struct {
	const char	*key, *label;
} S_labels[] = {
	{ "nom", "Nom complet de la structure" },
	{ "sigle", "Sigle ou nom court" },
	{ "categorie", "Catégorie" },
	{ "thematiques", "Besoins auxquels vous répondez" },
	{ "resume", "Résumé" },
	{ "missions", "Missions" },
	{ "actions", "Actions" },
	{ "public", "Public accueilli" },
	{ "acces", "Accès" },
	{ "acces.modalites", "Comment on vient chez vous" },
	{ "acces.cout", "Coût" },
	{ "acces.precisions", "Précisions sur l’accès" },
	{ "langues", "Langues parlées à l’accueil" },
	{ "accessibilite", "Accueil des personnes à mobilité réduite" },
	{ "accessibilite.precisions", "Précisions sur l’accessibilité" },
	{ "adresse", "Adresse" },
	{ "adresse.rue", "Adresse — rue" },
	{ "adresse.complement", "Adresse — complément" },
	{ "adresse.code_postal", "Adresse — code postal" },
	{ "adresse.ville", "Adresse — ville" },
	{ "transports", "Transports" },
	{ "horaires", "Horaires" },
	{ "horaires.lundi", "Horaires — lundi" },
	{ "horaires.mardi", "Horaires — mardi" },
	{ "horaires.mercredi", "Horaires — mercredi" },
	{ "horaires.jeudi", "Horaires — jeudi" },
	{ "horaires.vendredi", "Horaires — vendredi" },
	{ "horaires.samedi", "Horaires — samedi" },
	{ "horaires.dimanche", "Horaires — dimanche" },
	{ "horaires.precisions", "Horaires — précisions" },
	{ "telephone", "Téléphone" },
	{ "courriel", "Courriel" },
	{ "site", "Site internet" },
	{ "contacts", "Personnes à contacter" },
	{ "logo", "Logo" },
	{ "liens", "Travaille avec" },
	{ "mise_a_jour", "Mise à jour" },
	{ "suivi", "Suivi" },
	{ "note_suivi", "Note de suivi" },
	{ "body", "Présentation" },
};

const char *
page_fields_label(const char *key)
{
	size_t	 i;

	for (i = 0; i < sizeof(S_labels) / sizeof(S_labels[0]); i++)
		if (strcmp(S_labels[i].key, key) == 0)
			return S_labels[i].label;
	return key;
}

/* A value as a reader says it: a language by its name. */
static const char *
S_shown(const char *key, const char *value)
{
	const char *l;

	if (strcmp(key, "langues") == 0 &&
	    (l = model_langue_label(value)) != NULL)
		return l;
	return value;
}

static int
S_in(const char *key, const char *const *v)
{
	size_t	 n;

	for (; *v != NULL; v++) {
		n = strlen(*v);
		if (strncmp(key, *v, n) == 0 && (key[n] == '\0' ||
		    key[n] == '.'))
			return 1;
	}
	return 0;
}

static int
S_islist(const char *key)
{
	size_t	 i;

	for (i = 0; S_lists[i] != NULL; i++)
		if (strcmp(key, S_lists[i]) == 0)
			return 1;
	return 0;
}

static void
S_field_add(struct pfields *fs, const char *key, char *value)
{
	if (value == NULL)
		return;
	fs->v = xreallocarray(fs->v, fs->n + 1, sizeof(*fs->v));
	fs->v[fs->n].key = key;
	fs->v[fs->n].value = value;
	fs->n++;
}

static void
S_adds(struct pfields *fs, const char *key, const char *value)
{
	if (value != NULL)
		S_field_add(fs, key, xstrdup(value));
}

void
page_fields(const struct partner *p, struct pfields *fs)
{
	static const char *const days[7] = {
		"horaires.lundi", "horaires.mardi", "horaires.mercredi",
		"horaires.jeudi", "horaires.vendredi", "horaires.samedi",
		"horaires.dimanche"
	};
	struct buf	 b;
	size_t		 i, j;
	char		 iso[11];
	int		 k;
	char		 s[6], e[6];

	fs->v = NULL;
	fs->n = 0;
	buf_init(&b);
	S_adds(fs, "nom", p->nom.s);
	S_adds(fs, "sigle", p->sigle.s);
	S_adds(fs, "categorie", p->category ? p->category->key : NULL);
	for (i = 0; i < p->nthematiques; i++)
		S_adds(fs, "thematiques", p->thematiques[i]->key);
	S_adds(fs, "resume", p->resume.s);
	for (i = 0; i < p->missions.n; i++)
		S_adds(fs, "missions", p->missions.v[i].s);
	for (i = 0; i < p->nactions; i++)
		S_field_add(fs, "actions", p->actions[i].description.s ?
		    xasprintf("%s : %s", p->actions[i].titre.s,
		    p->actions[i].description.s) :
		    xstrdup(p->actions[i].titre.s));
	S_adds(fs, "public", p->public_.s);
	for (k = 0; k < MOD__COUNT; k++)
		if (p->modalites & (1u << k))
			S_adds(fs, "acces.modalites",
			    model_modalite_label((enum modalite)(1 << k)));
	S_adds(fs, "acces.cout", model_cout_label(p->cout));
	S_adds(fs, "acces.precisions", p->acces_precisions.s);
	for (i = 0; i < p->langues.n; i++)
		S_adds(fs, "langues", p->langues.v[i].s);
	if (p->accessibilite != ACCESS_NONE)
		S_adds(fs, "accessibilite",
		    model_accessibilite_label(p->accessibilite));
	S_adds(fs, "accessibilite.precisions", p->accessibilite_precisions.s);
	S_adds(fs, "adresse.rue", p->adresse.rue.s);
	S_adds(fs, "adresse.complement", p->adresse.complement.s);
	S_adds(fs, "adresse.code_postal", p->adresse.code_postal.s);
	S_adds(fs, "adresse.ville", p->adresse.ville.s);
	S_adds(fs, "transports", p->transports.s);
	for (k = 0; k < 7; k++) {
		const struct day_hours *dh = &p->horaires.days[k];

		if (dh->n == 0)
			continue;
		buf_reset(&b);
		for (j = 0; j < dh->n; j++) {
			validate_hhmm(dh->v[j].start, s);
			validate_hhmm(dh->v[j].end, e);
			buf_printf(&b, "%s%s-%s", j ? ", " : "", s, e);
		}
		S_adds(fs, days[k], buf_cstr(&b));
	}
	S_adds(fs, "horaires.precisions", p->horaires.precisions.s);
	S_adds(fs, "telephone", p->telephone.raw.s);
	S_adds(fs, "courriel", p->courriel.s);
	S_adds(fs, "site", p->site.s);
	for (i = 0; i < p->ncontacts; i++) {
		const struct contact *c = &p->contacts[i];

		buf_reset(&b);
		buf_puts(&b, c->nom.s ? c->nom.s : "");
		if (c->fonction.s)
			buf_printf(&b, ", %s", c->fonction.s);
		if (c->telephone.raw.s)
			buf_printf(&b, ", %s", c->telephone.raw.s);
		if (c->courriel.s)
			buf_printf(&b, ", %s", c->courriel.s);
		S_adds(fs, "contacts", buf_cstr(&b));
	}
	S_adds(fs, "logo", p->logo.s);
	for (i = 0; i < p->nliens; i++)
		S_adds(fs, "liens", p->liens[i]->slug);
	date_iso(&p->mise_a_jour, iso);
	if (iso[0] != '\0')
		S_field_add(fs, "mise_a_jour", xstrdup(iso));
	S_adds(fs, "suivi", model_vocab_word(model_suivis, MODEL_NSUIVIS,
	    (int)p->suivi));
	S_adds(fs, "note_suivi", p->note_suivi.s);
	buf_free(&b);
}

void
page_fields_free(struct pfields *fs)
{
	size_t	 i;

	for (i = 0; i < fs->n; i++)
		free(fs->v[i].value);
	free(fs->v);
	fs->v = NULL;
	fs->n = 0;
}

/* Index of the first field with key in fs at or after i, or fs->n. */
static int
S_has(const struct pfields *fs, const char *key, const char *value)
{
	size_t	 i;

	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->v[i].key, key) == 0 &&
		    (value == NULL || strcmp(fs->v[i].value, value) == 0))
			return 1;
	return 0;
}

static const char *
S_get(const struct pfields *fs, const char *key)
{
	size_t	 i;

	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->v[i].key, key) == 0)
			return fs->v[i].value;
	return NULL;
}

/* Split s into lines (pointers into a copy); *n lines. */
static char **
S_lines(const char *s, size_t *n, char **copy)
{
	char	**v = NULL, *p;
	size_t	 cap = 0;

	*n = 0;
	*copy = xstrdup(s ? s : "");
	for (p = *copy; *p != '\0';) {
		char *nl = strchr(p, '\n');

		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[(*n)++] = p;
		if (nl == NULL)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	return v;
}

/* A short line diff of two bodies (LCS); returns non-zero if they differ. */
static int
S_body(const char *a, const char *b, const char *indent, struct buf *out)
{
	char	**la, **lb, *ca, *cb;
	size_t	 na, nb, i, j, shown = 0, nadd = 0, ndel = 0;
	unsigned short *t = NULL;
	struct buf	 d;

	if ((a ? a : "")[0] == '\0' && (b ? b : "")[0] == '\0')
		return 0;
	if (a != NULL && b != NULL && strcmp(a, b) == 0)
		return 0;
	if (out == NULL)
		return 1;
	la = S_lines(a, &na, &ca);
	lb = S_lines(b, &nb, &cb);
	buf_init(&d);
	if (na > PF_MAX_BODY_LINES || nb > PF_MAX_BODY_LINES) {
		buf_printf(out, _("%s%s: %zu lines → %zu lines\n"), indent,
		    page_fields_label("body"), na, nb);
		goto done;
	}
	/* t[i][j]: LCS length of la[i..] and lb[j..]. */
	t = xcalloc((na + 1) * (nb + 1), sizeof(*t));
	for (i = na; i-- > 0;)
		for (j = nb; j-- > 0;)
			t[i * (nb + 1) + j] = strcmp(la[i], lb[j]) == 0 ?
			    (unsigned short)(t[(i + 1) * (nb + 1) + j + 1] + 1) :
			    t[(i + 1) * (nb + 1) + j] > t[i * (nb + 1) + j + 1] ?
			    t[(i + 1) * (nb + 1) + j] : t[i * (nb + 1) + j + 1];
	for (i = 0, j = 0; i < na || j < nb;) {
		if (i < na && j < nb && strcmp(la[i], lb[j]) == 0) {
			i++, j++;
		} else if (j < nb && (i == na || t[i * (nb + 1) + j + 1] >=
		    t[(i + 1) * (nb + 1) + j])) {
			if (shown++ < PF_SHOW_LINES)
				buf_printf(&d, "%s  +%s%s\n", indent,
				    *lb[j] ? " " : "", lb[j]);
			nadd++, j++;
		} else {
			if (shown++ < PF_SHOW_LINES)
				buf_printf(&d, "%s  −%s%s\n", indent,
				    *la[i] ? " " : "", la[i]);
			ndel++, i++;
		}
	}
	buf_printf(out, "%s%s: ", indent, page_fields_label("body"));
	if (nadd > 0)
		buf_printf(out, ngettext("%zu line added", "%zu lines added",
		    nadd), nadd);
	if (ndel > 0)
		buf_printf(out, ngettext("%s%zu line removed",
		    "%s%zu lines removed", ndel), nadd ? ", " : "", ndel);
	buf_putc(out, '\n');
	buf_puts(out, buf_cstr(&d));
	if (shown > PF_SHOW_LINES)
		buf_printf(out, _("%s  … (%zu more)\n"), indent,
		    shown - PF_SHOW_LINES);
done:
	free(t);
	free(la);
	free(lb);
	free(ca);
	free(cb);
	buf_free(&d);
	return 1;
}

size_t
page_fields_diff(const struct partner *a, const struct partner *b,
    int flags, const char *const *only, const char *indent,
    struct buf *out)
{
	struct pfields	 fa, fb;
	const char	*key, *va, *vb;
	size_t		 i, n = 0, k;
	int		 changed, pass;

	page_fields(a, &fa);
	page_fields(b, &fb);
	/* Keys in order of appearance: a's, then those only in b. */
	for (pass = 0; pass < 2; pass++) {
		const struct pfields *f = pass ? &fb : &fa;

		for (i = 0; i < f->n; i++) {
			key = f->v[i].key;
			/* First occurrence of key in this list only. */
			for (k = 0; k < i; k++)
				if (strcmp(f->v[k].key, key) == 0)
					break;
			if (k < i || (pass == 1 && S_has(&fa, key, NULL)))
				continue;
			if (only != NULL && !S_in(key, only))
				continue;
			if ((flags & PF_SKIP_DATE) &&
			    strcmp(key, "mise_a_jour") == 0)
				continue;
			if ((flags & PF_SKIP_FOLLOWUP) &&
			    (strcmp(key, "suivi") == 0 ||
			    strcmp(key, "note_suivi") == 0))
				continue;
			changed = 0;
			if (S_islist(key)) {
				for (k = 0; k < fa.n; k++)
					if (strcmp(fa.v[k].key, key) == 0 &&
					    !S_has(&fb, key, fa.v[k].value)) {
						changed = 1;
						if (out)
							buf_printf(out, _("%s%s: − « %s »\n"),
							    indent, page_fields_label(key),
							    S_shown(key, fa.v[k].value));
					}
				for (k = 0; k < fb.n; k++)
					if (strcmp(fb.v[k].key, key) == 0 &&
					    !S_has(&fa, key, fb.v[k].value)) {
						changed = 1;
						if (out)
							buf_printf(out, _("%s%s: + « %s »\n"),
							    indent, page_fields_label(key),
							    S_shown(key, fb.v[k].value));
					}
			} else {
				va = S_get(&fa, key);
				vb = S_get(&fb, key);
				if (va != NULL && vb != NULL &&
				    strcmp(va, vb) != 0) {
					changed = 1;
					if (out)
						buf_printf(out, _("%s%s: « %s » → « %s »\n"),
						    indent, page_fields_label(key), va, vb);
				} else if (va == NULL || vb == NULL) {
					changed = 1;
					if (out)
						buf_printf(out, va ?
						    _("%s%s: − « %s »\n") :
						    _("%s%s: + « %s »\n"),
						    indent, page_fields_label(key),
						    va ? va : vb);
				}
			}
			n += changed;
		}
	}
	if (!(flags & PF_SKIP_BODY) && (only == NULL ||
	    S_in("body", only)))
		n += S_body(a->body, b->body, indent, out) ? 1 : 0;
	page_fields_free(&fa);
	page_fields_free(&fb);
	return n;
}
