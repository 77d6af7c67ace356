/*
 * export_di.c — data·inclusion structures and services (export_di.h).
 */
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "export_di.h"
#include "model.h"
#include "util.h"
#include "validate.h"

/* ---- vocabularies --------------------------------------------------- */

const struct di_term *
export_di_term(enum di_vocab v, const char *s)
{
	const struct di_term *t;
	size_t		 i, n;

	t = export_di_vocab(v, &n);
	for (i = 0; i < n; i++)
		if (strcmp(t[i].value, s) == 0)
			return &t[i];
	return NULL;
}

/*
 * Key form of what a person may type: lowercase, accents and
 * apostrophes removed, spaces and '_' as '-' ("Garde d'enfants" ->
 * "garde-denfants", as the schema spells its keys).  Allocated.
 */
static char *
S_keyform(const char *s)
{
	char	*f = str_fold(s), *p, *q;

	for (p = q = f; *p != '\0'; p++) {
		if (*p == '\'' || *p == '"')
			continue;
		if (strncmp(p, "\xe2\x80\x99", 3) == 0) {	/* ’ */
			p += 2;
			continue;
		}
		*q++ = *p == ' ' || *p == '_' ? '-' : *p;
	}
	*q = '\0';
	return f;
}

/* Optimal string alignment distance; strings of at most 255 bytes. */
static size_t
S_distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t	 r0[256], r1[256], r2[256], *pp = r0, *p = r1, *c = r2, *t;
	size_t	 i, j, cost, v;

	if (la > 255 || lb > 255)
		return la > lb ? la : lb;
	for (j = 0; j <= lb; j++)
		p[j] = j;
	for (i = 1; i <= la; i++) {
		c[0] = i;
		for (j = 1; j <= lb; j++) {
			cost = a[i - 1] != b[j - 1];
			v = p[j - 1] + cost;
			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
		}
		t = pp, pp = p, p = c, c = t;
	}
	return p[lb];
}

/* The closest of n strings (part after skip bytes) within a third. */
static const struct di_term *
S_closest(const struct di_term *t, size_t n, const char *s, size_t skip,
    const char *prefix)
{
	const struct di_term *best = NULL;
	size_t		 i, d, bestd = (size_t)-1, ls = strlen(s), lt;

	for (i = 0; i < n; i++) {
		if (prefix != NULL && strncmp(t[i].value, prefix,
		    strlen(prefix)) != 0)
			continue;
		lt = strlen(t[i].value + skip);
		d = S_distance(s, ls, t[i].value + skip, lt);
		if (d < bestd && d <= (lt + 2) / 3) {
			bestd = d;
			best = &t[i];
		}
	}
	return best;
}

const struct di_term *
export_di_suggest(enum di_vocab v, const char *s)
{
	const struct di_term *t, *best = NULL;
	size_t		 n, i, lc, d, bestd = (size_t)-1;
	char		*k = S_keyform(s), *sep, *cat, *sub;

	t = export_di_vocab(v, &n);
	if ((best = export_di_term(v, k)) != NULL)
		goto out;
	if ((sep = strstr(k, "--")) == NULL) {
		/* A sub-theme without its category. */
		for (i = 0; i < n && best == NULL; i++)
			if ((sub = strstr(t[i].value, "--")) != NULL &&
			    strcmp(sub + 2, k) == 0)
				best = &t[i];
		if (best == NULL)
			best = S_closest(t, n, k, 0, NULL);
		goto out;
	}
	/* category--sub-theme: the closest category, then its sub-theme. */
	*sep = '\0';
	sub = sep + 2;
	cat = NULL;
	for (i = 0; i < n; i++) {
		const char *e = strstr(t[i].value, "--");

		if (e == NULL)
			continue;
		lc = (size_t)(e - t[i].value);
		if ((d = S_distance(k, strlen(k), t[i].value, lc)) < bestd &&
		    d <= (lc + 2) / 3) {
			bestd = d;
			free(cat);
			cat = xasprintf("%.*s--", (int)lc, t[i].value);
		}
	}
	if (cat != NULL)
		best = S_closest(t, n, sub, strlen(cat), cat);
	*sep = '-';
	if (best == NULL)
		best = S_closest(t, n, k, 0, NULL);
	free(cat);
out:
	free(k);
	return best;
}

/* ---- conversions ---------------------------------------------------- */

char *
export_di_phone(const struct phone *ph)
{
	if (ph->raw.s == NULL || ph->uri == NULL)
		return NULL;
	return xstrdup(strncmp(ph->uri, "tel:", 4) == 0 ? ph->uri + 4 :
	    ph->uri);
}

/* One day's ranges: "08:30-12:00,13:00-16:30"; allocated, "" if closed. */
static char *
S_day_ranges(const struct day_hours *dh)
{
	struct buf	 b;
	char		 t0[6], t1[6];
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < dh->n; i++) {
		validate_hhmm(dh->v[i].start, t0);
		validate_hhmm(dh->v[i].end, t1);
		buf_printf(&b, "%s%s-%s", i ? "," : "", t0, t1);
	}
	return buf_detach(&b);
}

char *
export_di_opening_hours(const struct horaires *h)
{
	static const char *const dn[7] = {
		"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"
	};
	char		*r[7];
	int		 done[7] = { 0 }, i, j, k, any = 0;
	struct buf	 b;

	if (!h->present)
		return NULL;
	for (i = 0; i < 7; i++)
		r[i] = S_day_ranges(&h->days[i]);
	buf_init(&b);
	for (i = 0; i < 7; i++) {
		if (done[i] || r[i][0] == '\0')
			continue;
		/* Every day with the same ranges, as runs: "Mo-Tu,Th-Fr". */
		if (any)
			buf_puts(&b, "; ");
		any = 1;
		for (j = i; j < 7; j = k) {
			if (done[j] || strcmp(r[j], r[i]) != 0) {
				k = j + 1;
				continue;
			}
			for (k = j; k < 7 && strcmp(r[k], r[i]) == 0; k++)
				done[k] = 1;
			if (j != i)
				buf_putc(&b, ',');
			buf_puts(&b, dn[j]);
			if (k - j == 2)
				buf_printf(&b, ",%s", dn[k - 1]);
			else if (k - j > 2)
				buf_printf(&b, "-%s", dn[k - 1]);
		}
		buf_printf(&b, " %s", r[i]);
	}
	for (i = 0; i < 7; i++)
		free(r[i]);
	if (!any) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

int
export_di_enabled(const struct site *s)
{
	return s->data_inclusion.source.s != NULL;
}

/* ---- records -------------------------------------------------------- */

/* One field of a record: a text (s) or a list (v, n); null when empty. */
struct S_field {
	const char	*name;
	int		 list;
	char		*s;
	char		**v;
	size_t		 n;
};

#define	S_MAXFIELDS	40

struct S_rec {
	struct S_field	 f[S_MAXFIELDS];
	size_t		 n;
};

/* Set text field name, taking s (may be NULL). */
static void
S_set(struct S_rec *r, const char *name, char *s)
{
	struct S_field *f = &r->f[r->n++];

	memset(f, 0, sizeof(*f));
	f->name = name;
	f->s = s;
}

static void
S_setc(struct S_rec *r, const char *name, const char *s)
{
	S_set(r, name, s ? xstrdup(s) : NULL);
}

/* Start a list field. */
static struct S_field *
S_di_list(struct S_rec *r, const char *name)
{
	struct S_field *f = &r->f[r->n++];

	memset(f, 0, sizeof(*f));
	f->name = name;
	f->list = 1;
	return f;
}

/* Add s to list f once. */
static void
S_di_add(struct S_field *f, const char *s)
{
	size_t	 i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->v[i], s) == 0)
			return;
	f->v = xreallocarray(f->v, f->n + 1, sizeof(*f->v));
	f->v[f->n++] = xstrdup(s);
}

static void
S_addall(struct S_field *f, const struct texts *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		S_di_add(f, t->v[i].s);
}

static void
S_rec_free(struct S_rec *r)
{
	size_t	 i, j;

	for (i = 0; i < r->n; i++) {
		free(r->f[i].s);
		for (j = 0; j < r->f[i].n; j++)
			free(r->f[i].v[j]);
		free(r->f[i].v);
	}
	r->n = 0;
}

/* s cut to max code points, the last one "…" when cut.  Allocated. */
static char *
S_cut(const char *s, size_t max)
{
	size_t	 n = 0, i = 0, len = strlen(s), k;
	unsigned int cp;
	char	*r;

	if (utf8_len(s) <= max)
		return xstrdup(s);
	while (i < len && n < max - 1) {
		k = utf8_decode(s + i, len - i, &cp);
		i += k ? k : 1;
		n++;
	}
	r = xmalloc(i + 4);
	memcpy(r, s, i);
	memcpy(r + i, "\xe2\x80\xa6", 4);
	return r;
}

/*
 * A name as the schema wants it: 3 to 150 characters.  A name shorter
 * than 3 gets its sigle, then its category, added.
 */
static char *
S_name(const struct partner *p, const char *name)
{
	char	*n, *m;

	if (utf8_len(name) >= 3)
		return S_cut(name, 150);
	n = p->sigle.s ? xasprintf("%s (%s)", name, p->sigle.s) :
	    xstrdup(name);
	if (utf8_len(n) < 3) {
		m = xasprintf("%s (%s)", n, p->category ? p->category->label :
		    "partenaire");
		free(n);
		n = m;
	}
	m = S_cut(n, 150);
	free(n);
	return m;
}

/* A description of 5 to 10000 characters: "nom : text" when short. */
static char *
S_description(const struct partner *p, const char *text)
{
	char	*d, *r;

	d = utf8_len(text) >= 5 ? xstrdup(text) :
	    xasprintf("%s : %s", p->nom.s, text);
	r = S_cut(d, 10000);
	free(d);
	return r;
}

static char *
S_prefix(const struct site *s)
{
	const struct di_mapping *m = &s->data_inclusion;

	return m->prefixe.s ? xstrdup(m->prefixe.s) :
	    xasprintf("%s--", m->source.s);
}

static char *
S_di_date(const struct partner *p)
{
	char	 iso[11];

	date_iso(&p->mise_a_jour, iso);
	return xstrdup(iso);
}

static char *
S_page_url(const struct site *s, const struct partner *p)
{
	return s->url.s ? xasprintf("%spartenaires/%s.html", s->url.s,
	    p->slug) : NULL;
}

/* Address, phone, e-mail, hours: the same in both kinds of record. */
static void
S_contact_fields(struct S_rec *r, const struct partner *p)
{
	S_setc(r, "adresse", p->adresse.rue.s);
	S_setc(r, "complement_adresse", p->adresse.complement.s);
	S_setc(r, "code_postal", p->adresse.code_postal.s);
	S_setc(r, "commune", p->adresse.ville.s);
	S_set(r, "code_insee", NULL);
	S_set(r, "latitude", NULL);
	S_set(r, "longitude", NULL);
	S_set(r, "telephone", export_di_phone(&p->telephone));
	S_setc(r, "courriel", p->courriel.s);
}

static void
S_structure(const struct site *s, const struct partner *p, struct S_rec *r)
{
	char	*pre = S_prefix(s);

	S_set(r, "id", xasprintf("%s%s", pre, p->slug));
	S_setc(r, "source", s->data_inclusion.source.s);
	S_set(r, "nom", S_name(p, p->nom.s));
	S_set(r, "description", utf8_len(p->resume.s) >= 5 ?
	    S_cut(p->resume.s, 10000) : NULL);
	S_set(r, "date_maj", S_di_date(p));
	S_set(r, "siret", NULL);
	S_contact_fields(r, p);
	S_setc(r, "site_web", p->site.s);
	S_set(r, "lien_source", S_page_url(s, p));
	S_set(r, "horaires_accueil", export_di_opening_hours(&p->horaires));
	S_set(r, "accessibilite_lieu", NULL);
	S_di_list(r, "reseaux_porteurs");
	free(pre);
}

/*
 * Service k of partner p (k < number of its services): one per action,
 * or the partner itself when it lists none.  id is its id (allocated
 * by the caller, unique within p).
 */
static void
S_service(const struct site *s, const struct partner *p, size_t k,
    char *id, struct S_rec *r)
{
	const struct di_mapping *m = &s->data_inclusion;
	const struct action *a = p->nactions ? &p->actions[k] : NULL;
	const char	*link = NULL;
	struct S_field	*f;
	char		*pre = S_prefix(s);
	size_t		 i, t;
	int		 b;

	S_set(r, "id", id);
	S_set(r, "structure_id", xasprintf("%s%s", pre, p->slug));
	S_setc(r, "source", m->source.s);
	S_set(r, "nom", S_name(p, a ? a->titre.s : p->nom.s));
	S_set(r, "description", S_description(p, a && a->description.s ?
	    a->description.s : p->resume.s));
	S_set(r, "type", NULL);
	f = S_di_list(r, "thematiques");
	for (i = 0; m->thematiques != NULL && i < p->nthematiques; i++) {
		t = (size_t)(p->thematiques[i] - s->thematiques);
		if (t < s->nthematiques)
			S_addall(f, &m->thematiques[t]);
	}
	S_di_list(r, "publics");
	S_setc(r, "publics_precisions", p->public_.s);
	S_set(r, "conditions_acces", NULL);
	S_setc(r, "frais", p->cout != COUT_NONE ? m->frais[p->cout].s : NULL);
	S_setc(r, "frais_precisions", p->cout == COUT_PARTICIPATION ?
	    model_cout_label(p->cout) : NULL);
	f = S_di_list(r, "modes_accueil");
	for (b = 0; b < MOD__COUNT; b++)
		if (p->modalites & (1u << b))
			S_addall(f, &m->accueil[b]);
	f = S_di_list(r, "modes_mobilisation");
	for (b = 0; b < MOD__COUNT; b++)
		if (p->modalites & (1u << b))
			S_addall(f, &m->mobilisation[b]);
	/* "utiliser-lien-mobilisation" needs a link: the partner's site. */
	for (i = 0; i < f->n; i++)
		if (strcmp(f->v[i], "utiliser-lien-mobilisation") == 0)
			break;
	if (i < f->n && p->site.s != NULL)
		link = p->site.s;
	else if (i < f->n) {
		free(f->v[i]);
		memmove(f->v + i, f->v + i + 1, (f->n - i - 1) * sizeof(*f->v));
		f->n--;
	}
	f = S_di_list(r, "mobilisable_par");
	for (b = 0; b < MOD__COUNT; b++)
		if (p->modalites & (1u << b))
			S_addall(f, &m->mobilisable_par[b]);
	S_setc(r, "mobilisation_precisions", p->acces_precisions.s);
	S_setc(r, "lien_mobilisation", link);
	S_contact_fields(r, p);
	S_set(r, "contact_nom_prenom", NULL);	/* never: contacts are private */
	S_di_list(r, "zone_eligibilite");
	S_set(r, "horaires_accueil", export_di_opening_hours(&p->horaires));
	S_set(r, "nombre_semaines", NULL);
	S_set(r, "volume_horaire_hebdomadaire", NULL);
	S_set(r, "lien_source", S_page_url(s, p));
	S_set(r, "date_maj", S_di_date(p));
	free(pre);
}

/* The ids of p's services: prefix slug [--action-slug], unique. */
static char **
S_service_ids(const struct site *s, const struct partner *p, size_t *np)
{
	size_t	 n = p->nactions ? p->nactions : 1, i, j, dup;
	char	**ids = xcalloc(n, sizeof(*ids)), *pre = S_prefix(s), *sl, *id;

	for (i = 0; i < n; i++) {
		if (p->nactions == 0) {
			ids[i] = xasprintf("%s%s", pre, p->slug);
			continue;
		}
		sl = validate_slugify(p->actions[i].titre.s);
		if (*sl == '\0') {
			free(sl);
			sl = xasprintf("service-%zu", i + 1);
		}
		id = xasprintf("%s%s--%s", pre, p->slug, sl);
		for (dup = 2;; dup++) {
			for (j = 0; j < i; j++)
				if (strcmp(ids[j], id) == 0)
					break;
			if (j == i)
				break;
			free(id);
			id = xasprintf("%s%s--%s-%zu", pre, p->slug, sl, dup);
		}
		ids[i] = id;
		free(sl);
	}
	free(pre);
	*np = n;
	return ids;
}

/* ---- writers -------------------------------------------------------- */

static void
S_json_rec(struct buf *b, const struct S_rec *r, int first)
{
	size_t	 i, j;

	buf_puts(b, first ? "\n  {" : ",\n  {");
	for (i = 0; i < r->n; i++) {
		const struct S_field *f = &r->f[i];

		buf_printf(b, "%s\n    \"%s\": ", i ? "," : "", f->name);
		if (!f->list) {
			export_json_str(b, f->s);
			continue;
		}
		if (f->n == 0) {
			buf_puts(b, "null");
			continue;
		}
		buf_putc(b, '[');
		for (j = 0; j < f->n; j++) {
			if (j)
				buf_puts(b, ", ");
			export_json_str(b, f->v[j]);
		}
		buf_putc(b, ']');
	}
	buf_puts(b, "\n  }");
}

static void
S_csv_cell(struct buf *b, const char *s)
{
	/* An E.164 number ("+33199001234") is no formula: keep it. */
	if (s != NULL && s[0] == '+' && s[1] != '\0' &&
	    s[strspn(s + 1, "0123456789") + 1] == '\0')
		buf_puts(b, s);
	else
		export_csv_field(b, ',', s);
}

static void
S_csv_rec(struct buf *b, const struct S_rec *r, int header)
{
	struct buf	 l;
	size_t		 i, j;

	buf_init(&l);
	for (i = 0; i < r->n; i++) {
		const struct S_field *f = &r->f[i];

		if (i)
			buf_putc(b, ',');
		if (header) {
			buf_puts(b, f->name);
			continue;
		}
		if (!f->list) {
			S_csv_cell(b, f->s);
			continue;
		}
		buf_reset(&l);
		for (j = 0; j < f->n; j++)
			buf_printf(&l, "%s%s", j ? "|" : "", f->v[j]);
		S_csv_cell(b, f->n ? buf_cstr(&l) : NULL);
	}
	buf_puts(b, "\r\n");
	buf_free(&l);
}

enum { S_JSON, S_CSV };

static void
S_structures(const struct site *s, int how, struct buf *b)
{
	struct S_rec	 r;
	size_t		 i;

	r.n = 0;
	if (how == S_JSON)
		buf_putc(b, '[');
	for (i = 0; i < s->npartners; i++) {
		S_structure(s, &s->partners[i], &r);
		if (how == S_JSON)
			S_json_rec(b, &r, i == 0);
		else {
			if (i == 0)
				S_csv_rec(b, &r, 1);
			S_csv_rec(b, &r, 0);
		}
		S_rec_free(&r);
	}
	if (how == S_JSON)
		buf_puts(b, s->npartners ? "\n]\n" : "]\n");
}

static void
S_services(const struct site *s, int how, struct buf *b)
{
	struct S_rec	 r;
	size_t		 i, k, n;
	char		**ids;
	int		 first = 1;

	r.n = 0;
	if (how == S_JSON)
		buf_putc(b, '[');
	for (i = 0; i < s->npartners; i++) {
		ids = S_service_ids(s, &s->partners[i], &n);
		for (k = 0; k < n; k++) {
			S_service(s, &s->partners[i], k, ids[k], &r);
			if (how == S_JSON)
				S_json_rec(b, &r, first);
			else {
				if (first)
					S_csv_rec(b, &r, 1);
				S_csv_rec(b, &r, 0);
			}
			first = 0;
			S_rec_free(&r);
		}
		free(ids);	/* each id was taken by its record */
	}
	if (how == S_JSON)
		buf_puts(b, first ? "]\n" : "\n]\n");
}

void
export_di_structures_json(const struct site *s, struct buf *b)
{
	S_structures(s, S_JSON, b);
}

void
export_di_services_json(const struct site *s, struct buf *b)
{
	S_services(s, S_JSON, b);
}

void
export_di_structures_csv(const struct site *s, struct buf *b)
{
	S_structures(s, S_CSV, b);
}

void
export_di_services_csv(const struct site *s, struct buf *b)
{
	S_services(s, S_CSV, b);
}

const struct di_file export_di_files[EXPORT_DI_NFILES] = {
	{ "structures.json", export_di_structures_json },
	{ "services.json", export_di_services_json },
	{ "structures.csv", export_di_structures_csv },
	{ "services.csv", export_di_services_csv },
};
