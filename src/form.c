/*
 * form.c — the partner's update form: model + theme -> one HTML file.
 *
 * The page is the theme's campagne/form.mustache with its style
 * (campagne/form.css) and script (campagne/form.js) inlined, and the
 * partner's current page embedded as one JSON object (the "data"
 * script element) together with the closed vocabularies of the site:
 * categories, thematiques, access modalities, costs, languages,
 * accessibility levels and the partners offered for liens (a bounded
 * number: struct form_index).  The script
 * builds the fields from that object, checks them as the partner types
 * and writes the page file back.  JSON strings go through
 * export_json_str(), which escapes < > & and U+2028/9, so no value can
 * close the <script> element.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export.h"
#include "form.h"
#include "template.h"
#include "validate.h"

#define	FORM_FILE_MAX	(1024 * 1024)	/* a theme file larger is a mistake */


/*
 * Read campagne/<name> from the theme, else from the default theme.
 * On success *path is the file read (allocated).  NULL with a
 * diagnostic when neither has it or it cannot be read.
 */
static char *
S_theme_file(const char *theme_dir, const char *default_dir,
    const char *name, char **path, struct diags *d)
{
	const char	*dirs[2];
	struct stat	 st;
	char		*rel, *p, *src;
	size_t		 len;
	int		 i;

	*path = NULL;
	dirs[0] = theme_dir;
	dirs[1] = default_dir;
	rel = xasprintf("campagne/%s", name);
	for (i = 0; i < 2; i++) {
		if (dirs[i] == NULL)
			continue;
		p = path_join(dirs[i], rel);
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
			if (!file_read(p, FORM_FILE_MAX, &src, &len)) {
				diag_error(d, p, 0, 0, "cannot read %s: %s",
				    rel, strerror(errno));
				free(p);
				free(rel);
				return NULL;
			}
			*path = p;
			free(rel);
			return src;
		}
		free(p);
	}
	diag_error(d, theme_dir != NULL ? theme_dir : default_dir, 0, 0,
	    "%s is missing from the theme", rel);
	free(rel);
	return NULL;
}

/* strstr() ignoring ASCII case (strcasestr() is a GNU extension). */
static const char *
S_casestr(const char *s, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; *s != '\0'; s++)
		if (strncasecmp(s, needle, n) == 0)
			return s;
	return NULL;
}

/* ---- the data object ---------------------------------------------------- */

/* "key": value separators for a flat writer: ",\n" between members. */
static void
S_key(struct buf *b, int *first, const char *key)
{
	if (!*first)
		buf_puts(b, ",\n");
	*first = 0;
	if (key != NULL) {
		export_json_str(b, key);
		buf_putc(b, ':');
	}
}

static void
S_kstr(struct buf *b, int *first, const char *key, const char *s)
{
	S_key(b, first, key);
	export_json_str(b, s);
}

static void
S_form_texts(struct buf *b, int *first, const char *key, const struct texts *t)
{
	size_t	 i;

	S_key(b, first, key);
	buf_putc(b, '[');
	for (i = 0; i < t->n; i++) {
		if (i > 0)
			buf_putc(b, ',');
		export_json_str(b, t->v[i].s);
	}
	buf_putc(b, ']');
}

/* {"key":…,"label":…} pairs. */
static void
S_pair(struct buf *b, size_t i, const char *key, const char *label)
{
	if (i > 0)
		buf_putc(b, ',');
	buf_puts(b, "{\"cle\":");
	export_json_str(b, key);
	buf_puts(b, ",\"libelle\":");
	export_json_str(b, label);
	buf_putc(b, '}');
}

/* The partner's page, field by field, with the keys of FORMAT.md. */
static void
S_page(struct buf *b, const struct partner *p)
{
	size_t		 i, j;
	int		 first = 1, f2, m;
	char		 hm[6], iso[11];

	buf_putc(b, '{');
	S_kstr(b, &first, "slug", p->slug);
	S_kstr(b, &first, "nom", p->nom.s);
	S_kstr(b, &first, "sigle", p->sigle.s);
	S_kstr(b, &first, "categorie",
	    p->category != NULL ? p->category->key : NULL);
	S_key(b, &first, "thematiques");
	buf_putc(b, '[');
	for (i = 0; i < p->nthematiques; i++) {
		if (i > 0)
			buf_putc(b, ',');
		export_json_str(b, p->thematiques[i]->key);
	}
	buf_putc(b, ']');
	S_kstr(b, &first, "resume", p->resume.s);
	S_form_texts(b, &first, "missions", &p->missions);
	S_key(b, &first, "actions");
	buf_putc(b, '[');
	for (i = 0; i < p->nactions; i++) {
		buf_puts(b, i > 0 ? ",{" : "{");
		f2 = 1;
		S_kstr(b, &f2, "titre", p->actions[i].titre.s);
		S_kstr(b, &f2, "description", p->actions[i].description.s);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	S_kstr(b, &first, "public", p->public_.s);

	S_key(b, &first, "acces");
	buf_putc(b, '{');
	f2 = 1;
	S_key(b, &f2, "modalites");
	buf_putc(b, '[');
	for (m = 0, j = 0; m < MOD__COUNT; m++)
		if (p->modalites & (1u << m)) {
			if (j++ > 0)
				buf_putc(b, ',');
			export_json_str(b, model_modalites[m].word);
		}
	buf_putc(b, ']');
	S_kstr(b, &f2, "cout", model_vocab_word(model_couts,
	    MODEL_NCOUTS, (int)p->cout));
	S_kstr(b, &f2, "precisions", p->acces_precisions.s);
	buf_putc(b, '}');

	S_form_texts(b, &first, "langues", &p->langues);
	S_key(b, &first, "accessibilite");
	buf_putc(b, '{');
	f2 = 1;
	S_kstr(b, &f2, "niveau", model_vocab_word(model_accessibilites,
	    MODEL_NACCESSIBILITES, (int)p->accessibilite));
	S_kstr(b, &f2, "precisions", p->accessibilite_precisions.s);
	buf_putc(b, '}');

	S_key(b, &first, "adresse");
	buf_putc(b, '{');
	f2 = 1;
	S_kstr(b, &f2, "rue", p->adresse.rue.s);
	S_kstr(b, &f2, "complement", p->adresse.complement.s);
	S_kstr(b, &f2, "code_postal", p->adresse.code_postal.s);
	S_kstr(b, &f2, "ville", p->adresse.ville.s);
	buf_putc(b, '}');
	S_kstr(b, &first, "transports", p->transports.s);

	S_key(b, &first, "horaires");
	if (!p->horaires.present)
		buf_puts(b, "null");
	else {
		buf_putc(b, '{');
		f2 = 1;
		for (m = 0; m < 7; m++) {
			const struct day_hours *dh = &p->horaires.days[m];

			S_key(b, &f2, model_days[m].word);
			buf_putc(b, '[');
			for (i = 0; i < dh->n; i++) {
				buf_puts(b, i > 0 ? ",\"" : "\"");
				validate_hhmm(dh->v[i].start, hm);
				buf_puts(b, hm);
				buf_putc(b, '-');
				validate_hhmm(dh->v[i].end, hm);
				buf_puts(b, hm);
				buf_putc(b, '"');
			}
			buf_putc(b, ']');
		}
		S_kstr(b, &f2, "precisions", p->horaires.precisions.s);
		buf_putc(b, '}');
	}
	S_kstr(b, &first, "telephone", p->telephone.raw.s);
	S_kstr(b, &first, "courriel", p->courriel.s);
	S_kstr(b, &first, "site", p->site.s);
	S_key(b, &first, "contacts");
	buf_putc(b, '[');
	for (i = 0; i < p->ncontacts; i++) {
		const struct contact *c = &p->contacts[i];

		buf_puts(b, i > 0 ? ",{" : "{");
		f2 = 1;
		S_kstr(b, &f2, "nom", c->nom.s);
		S_kstr(b, &f2, "fonction", c->fonction.s);
		S_kstr(b, &f2, "telephone", c->telephone.raw.s);
		S_kstr(b, &f2, "courriel", c->courriel.s);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	S_kstr(b, &first, "logo", p->logo.s);
	S_key(b, &first, "liens");
	buf_putc(b, '[');
	for (i = 0; i < p->nliens; i++) {
		if (i > 0)
			buf_putc(b, ',');
		export_json_str(b, p->liens[i]->slug);
	}
	buf_putc(b, ']');
	S_key(b, &first, "mise_a_jour");
	date_iso(&p->mise_a_jour, iso);
	if (iso[0] != '\0')
		buf_printf(b, "\"%s\"", iso);
	else
		buf_puts(b, "null");
	S_kstr(b, &first, "presentation", p->body);
	buf_putc(b, '}');
}

/* ---- the partners a form offers ---------------------------------------- */

/*
 * The theme's three files, read and checked once per theme folders:
 * the template parsed, the CSS and the script to inline.
 */
struct form_theme {
	char		*theme_dir, *default_dir;	/* as given, or NULL */
	char		*src[3];	/* form.mustache, form.css, form.js */
	struct tpl	*tpl;		/* src[0] parsed */
};

static void
S_theme_free(struct form_theme *th)
{
	int	 i;

	if (th == NULL)
		return;
	for (i = 0; i < 3; i++)
		free(th->src[i]);
	tpl_free(th->tpl);
	free(th->theme_dir);
	free(th->default_dir);
	free(th);
}

static int
S_same_dir(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* The theme's files (campagne/form.*), read and checked; NULL with a
 * diagnostic naming the file at fault. */
static struct form_theme *
S_theme_load(const char *theme_dir, const char *default_theme_dir,
    struct diags *d)
{
	static const char *const names[3] = { "form.mustache", "form.css",
	    "form.js" };
	struct form_theme *th = xcalloc(1, sizeof(*th));
	char		*path[3] = { NULL, NULL, NULL };
	int		 i, ok = 0;

	th->theme_dir = theme_dir ? xstrdup(theme_dir) : NULL;
	th->default_dir = default_theme_dir ? xstrdup(default_theme_dir) :
	    NULL;
	if (default_theme_dir != NULL && theme_dir != NULL &&
	    strcmp(theme_dir, default_theme_dir) == 0)
		default_theme_dir = NULL;
	for (i = 0; i < 3; i++)
		if ((th->src[i] = S_theme_file(theme_dir, default_theme_dir,
		    names[i], &path[i], d)) == NULL)
			goto out;
	/*
	 * Inlined in <style> and <script>: a theme file that holds the
	 * closing tag (in any case) would end the element early, and
	 * "<!--" changes how the HTML parser reads a script.
	 */
	for (i = 1; i < 3; i++) {
		const char *bad = i == 1 ? "</style" : "</script";

		if (S_casestr(th->src[i], bad) == NULL &&
		    (i == 1 || strstr(th->src[i], "<!--") == NULL))
			continue;
		if (S_casestr(th->src[i], bad) == NULL)
			bad = "<!--";
		diag_error(d, path[i], 0, 0, "%s must not contain \"%s\": "
		    "it is inlined into the form", names[i], bad);
		goto out;
	}
	if ((th->tpl = tpl_parse(th->src[0], path[0], d)) == NULL)
		goto out;
	ok = 1;
out:
	for (i = 0; i < 3; i++)
		free(path[i]);
	if (!ok) {
		S_theme_free(th);
		th = NULL;
	}
	return th;
}

struct form_index {
	const struct site *site;
	struct partner	**byname;	/* [n] in name order */
	char		**names;	/* [n] display names, same order */
	char		**villes;	/* [n] folded ville ("" when none) */
	size_t		**bythem;	/* [nthematiques] positions, ascending */
	size_t		 *nbythem;
	size_t		 *posof;	/* [n] site->partners[i] -> position */
	unsigned int	 *score;	/* [n] scratch, all 0 between calls */
	size_t		  n;
	struct form_theme *theme;	/* the last theme read, or NULL */
};

struct form_index *
form_index_new(const struct site *s)
{
	struct form_index *ix = xcalloc(1, sizeof(*ix));
	const struct partner *p;
	size_t		 i, j, t;

	ix->site = s;
	ix->n = s->npartners;
	ix->byname = model_sorted_by_name(s);
	ix->names = xcalloc(ix->n + 1, sizeof(*ix->names));
	ix->villes = xcalloc(ix->n + 1, sizeof(*ix->villes));
	ix->posof = xcalloc(ix->n + 1, sizeof(*ix->posof));
	ix->score = xcalloc(ix->n + 1, sizeof(*ix->score));
	ix->bythem = xcalloc(s->nthematiques + 1, sizeof(*ix->bythem));
	ix->nbythem = xcalloc(s->nthematiques + 1, sizeof(*ix->nbythem));
	for (i = 0; i < ix->n; i++) {
		p = ix->byname[i];
		ix->names[i] = model_display_name(p);
		ix->villes[i] = str_fold(p->adresse.ville.s ?
		    p->adresse.ville.s : "");
		ix->posof[p - s->partners] = i;
		for (j = 0; j < p->nthematiques; j++) {
			t = (size_t)(p->thematiques[j] - s->thematiques);
			if (t >= s->nthematiques)
				continue;
			ix->bythem[t] = xreallocarray(ix->bythem[t],
			    ix->nbythem[t] + 1, sizeof(**ix->bythem));
			ix->bythem[t][ix->nbythem[t]++] = i;
		}
	}
	return ix;
}

void
form_index_free(struct form_index *ix)
{
	size_t	 i;

	if (ix == NULL)
		return;
	for (i = 0; i < ix->n; i++) {
		free(ix->names[i]);
		free(ix->villes[i]);
	}
	for (i = 0; i < ix->site->nthematiques; i++)
		free(ix->bythem[i]);
	free(ix->bythem);
	free(ix->nbythem);
	free(ix->names);
	free(ix->villes);
	free(ix->posof);
	free(ix->score);
	free(ix->byname);
	S_theme_free(ix->theme);
	free(ix);
}

/* The position of p in ix, or ix->n when it is not one of the site's. */
static size_t
S_index_pos(const struct form_index *ix, const struct partner *p)
{
	const struct site *s = ix->site;

	if (p >= s->partners && p < s->partners + s->npartners)
		return ix->posof[p - s->partners];
	if ((p = model_partner(s, p->slug)) != NULL)
		return ix->posof[p - s->partners];
	return ix->n;
}

/* Candidates, best first: higher score, then name order. */
struct cand {
	unsigned int	 score;
	size_t		 pos;
};

static int
S_cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int
S_cmp_size(const void *a, const void *b)
{
	size_t	 x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The positions (name order) of the partners offered to self: every
 * other one in a small edition; else its liens and the FORM_LIENS_MAX
 * nearest (2 a thematique in common, 1 the same ville).  *n their
 * count; allocated.
 */
static size_t *
S_offered(struct form_index *ix, const struct partner *self, size_t *n)
{
	const struct site *s = ix->site;
	struct cand	*c = NULL;
	size_t		*v, i, j, t, me = S_index_pos(ix, self), nc = 0, pos;

	*n = 0;
	v = xcalloc(ix->n + 1, sizeof(*v));
	if (ix->n <= FORM_LIENS_MAX + 1) {
		for (i = 0; i < ix->n; i++)
			if (i != me && strcmp(ix->byname[i]->slug,
			    self->slug) != 0)
				v[(*n)++] = i;
		return v;
	}
	for (j = 0; j < self->nthematiques; j++) {
		t = (size_t)(self->thematiques[j] - s->thematiques);
		if (t >= s->nthematiques)
			continue;
		for (i = 0; i < ix->nbythem[t]; i++) {
			pos = ix->bythem[t][i];
			if (pos == me)
				continue;
			if (ix->score[pos] == 0) {
				c = xreallocarray(c, nc + 1, sizeof(*c));
				c[nc++].pos = pos;
			}
			ix->score[pos] += 2;
		}
	}
	for (i = 0; i < nc; i++) {
		c[i].score = ix->score[c[i].pos] + (me < ix->n &&
		    ix->villes[me][0] != '\0' &&
		    strcmp(ix->villes[me], ix->villes[c[i].pos]) == 0);
		ix->score[c[i].pos] = 0;
	}
	if (nc > 1)
		qsort(c, nc, sizeof(*c), S_cmp_cand);
	for (i = 0; i < nc && i < FORM_LIENS_MAX; i++)
		if (strcmp(ix->byname[c[i].pos]->slug, self->slug) != 0)
			v[(*n)++] = c[i].pos;
	free(c);
	/* Its liens, always (once). */
	for (j = 0; j < self->nliens; j++) {
		pos = S_index_pos(ix, self->liens[j]);
		if (pos >= ix->n || pos == me)
			continue;
		for (i = 0; i < *n && v[i] != pos; i++)
			continue;
		if (i == *n)
			v[(*n)++] = pos;
	}
	if (*n > 1)
		qsort(v, *n, sizeof(*v), S_cmp_size);
	return v;
}

/* The closed vocabularies and the site's words the form needs. */
static void
S_vocab(struct buf *b, const struct site *s, const struct partner *self,
    struct form_index *ix, int edition)
{
	const char	*code;
	size_t		 i, n, *offered;
	int		 first = 1;

	buf_putc(b, '{');
	S_key(b, &first, "categories");
	buf_putc(b, '[');
	for (i = 0; i < s->ncategories; i++)
		S_pair(b, i, s->categories[i].key, s->categories[i].label);
	buf_putc(b, ']');
	S_key(b, &first, "thematiques");
	buf_putc(b, '[');
	for (i = 0; i < s->nthematiques; i++)
		S_pair(b, i, s->thematiques[i].key, s->thematiques[i].label);
	buf_putc(b, ']');
	S_key(b, &first, "modalites");
	buf_putc(b, '[');
	for (i = 0; i < MOD__COUNT; i++)
		S_pair(b, i, model_modalites[i].word, model_modalites[i].label);
	buf_putc(b, ']');
	S_key(b, &first, "couts");
	buf_putc(b, '[');
	for (i = 0; i < MODEL_NCOUTS; i++)
		S_pair(b, i, model_couts[i].word, model_couts[i].label);
	buf_putc(b, ']');
	S_key(b, &first, "accessibilite");
	buf_putc(b, '[');
	for (i = 0; i < MODEL_NACCESSIBILITES; i++)
		S_pair(b, i, model_accessibilites[i].word,
		    model_accessibilites[i].label);
	buf_putc(b, ']');
	S_key(b, &first, "langues");
	buf_putc(b, '[');
	for (i = 0; (code = model_langue_code(i)) != NULL; i++)
		S_pair(b, i, code, model_langue_label(code));
	buf_putc(b, ']');
	S_key(b, &first, "jours");
	buf_putc(b, '[');
	for (i = 0; i < 7; i++)
		S_pair(b, i, model_days[i].word, model_days[i].label);
	buf_putc(b, ']');
	S_key(b, &first, "partenaires");
	buf_putc(b, '[');
	offered = S_offered(ix, self, &n);
	for (i = 0; i < n; i++)
		S_pair(b, i, ix->byname[offered[i]]->slug,
		    ix->names[offered[i]]);
	free(offered);
	buf_putc(b, ']');
	S_key(b, &first, "partenaires_tous");
	buf_puts(b, n + 1 >= s->npartners ? "true" : "false");
	S_kstr(b, &first, "titre", s->titre.s);
	S_key(b, &first, "edition");
	buf_printf(b, "%d", edition);
	S_kstr(b, &first, "coordination", s->coordination.nom.s);
	S_kstr(b, &first, "coordination_courriel", s->coordination.courriel.s);
	buf_putc(b, '}');
}

/* ---- rendering ---------------------------------------------------------- */

int
form_render(const struct site *site, const struct partner *p,
    struct form_index *ix, int edition, const char *theme_dir,
    const char *default_theme_dir, struct buf *out, struct diags *d)
{
	struct form_theme *th;
	struct tval	*ctx = NULL;
	struct form_index *own = NULL;
	struct buf	 data, tmp;
	char		*dn = NULL;
	int		 ok = 0;

	buf_init(&data);
	buf_init(&tmp);
	if (edition <= 0)
		edition = site->edition;
	if (ix == NULL)
		ix = own = form_index_new(site);
	/* The theme read for the previous form, when it is the same. */
	if (ix->theme != NULL && (!S_same_dir(ix->theme->theme_dir,
	    theme_dir) || !S_same_dir(ix->theme->default_dir,
	    default_theme_dir))) {
		S_theme_free(ix->theme);
		ix->theme = NULL;
	}
	if (ix->theme == NULL &&
	    (ix->theme = S_theme_load(theme_dir, default_theme_dir, d)) == NULL)
		goto out;
	th = ix->theme;

	buf_puts(&data, "{\"page\":");
	S_page(&data, p);
	buf_puts(&data, ",\n\"site\":");
	S_vocab(&data, site, p, ix, edition);
	buf_puts(&data, "}");

	dn = model_display_name(p);
	ctx = tval_map();
	tval_set_str(ctx, "slug", p->slug);
	tval_set_str(ctx, "nom", dn);
	tval_set_str(ctx, "titre", site->titre.s);
	tval_set_num(ctx, "edition", edition);
	tval_set_str(ctx, "coordination", site->coordination.nom.s);
	tval_set_str(ctx, "coordination_courriel",
	    site->coordination.courriel.s);
	tval_set_str(ctx, "style", th->src[1]);
	tval_set_str(ctx, "script", th->src[2]);
	tval_set_str(ctx, "data", buf_cstr(&data));
	if (!tpl_render(th->tpl, ctx, NULL, NULL, &tmp, d))
		goto out;
	buf_put(out, tmp.data != NULL ? tmp.data : "", tmp.len);
	ok = 1;
out:
	free(dn);
	form_index_free(own);
	tval_free(ctx);
	buf_free(&data);
	buf_free(&tmp);
	return ok;
}
