/*
 * load_site.c — site.yaml to the site's own fields: titles, edition,
 * URL, publisher and coordination, edito, the categories and the
 * thematiques (a key once each, colours, Fork Awesome icons), and the
 * data_inclusion mapping (load_di.c).  See load_site.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "load_di.h"
#include "load_diag.h"
#include "load_field.h"
#include "load_front.h"
#include "load_int.h"
#include "load_site.h"
#include "load_yaml.h"
#include "picto.h"
#include "util.h"
#include "validate.h"

/*
 * "la" or "le" before a name that starts with a vowel: elided in French
 * ("l'Association"), a warning (a name may start with an aspirated h or
 * be read otherwise: the coordinator decides).
 */
static void
S_article_vowel(struct load_ctx *c, const char *path, const struct text *art,
    const struct organisation *o)
{
	char	*f;

	if ((o->article != ART_LE && o->article != ART_LA) || o->nom.s == NULL)
		return;
	f = str_fold_words(o->nom.s);
	if (strchr("aeiouy", f[0]) != NULL && f[0] != '\0')
		load_warn(c, art->pos, "%s: \"%s\" before \"%s\": French "
		    "elides it (article: \"l'\")", path, art->s, o->nom.s);
	free(f);
}

static void
S_organisation(struct load_ctx *c, const struct ynode *map, const char *key,
    int email_req, struct organisation *o)
{
	static const char *const keys[] = {
		"nom", "article", "adresse", "telephone", "courriel", "site"
	};
	static const struct vocab articles[] = {
		{ ART_LE, "le", NULL, NULL }, { ART_LA, "la", NULL, NULL },
		{ ART_L, "l'", NULL, NULL }, { ART_L, "l\xe2\x80\x99", NULL, NULL },
		{ ART_LES, "les", NULL, NULL },
	};
	const struct ynode *g;
	struct text	 art = { 0 };
	char	*where, *p;
	int	 v;

	if ((g = load_field_group(c, map, key, key, REQ)) == NULL)
		return;
	where = xasprintf("%s: ", key);
	load_field_keys(c, g, where, keys, 6);
	free(where);
	p = load_field_path(key, "nom");
	load_field_text(c, g, "nom", p, REQ, &o->nom);
	free(p);
	p = load_field_path(key, "article");
	if (load_field_text(c, g, "article", p, OPT, &art) &&
	    (v = load_field_choice(c, &art, p, articles, 5)) >= 0) {
		o->article = (enum article)v;
		S_article_vowel(c, p, &art, o);
	}
	free(art.s);
	free(p);
	load_field_address(c, g, "adresse", OPT, &o->adresse);
	p = load_field_path(key, "telephone");
	load_field_phone(c, g, p, &o->telephone);
	free(p);
	p = load_field_path(key, "courriel");
	load_field_email(c, g, p, email_req, &o->courriel);
	free(p);
	p = load_field_path(key, "site");
	load_field_url(c, g, "site", p, &o->site);
	free(p);
}

/* Remembers a key of site.yaml whose entry has errors. */
static void
S_remember(struct texts *t, const char *key)
{
	if (key == NULL)
		return;
	t->v = xreallocarray(t->v, t->n + 1, sizeof(*t->v));
	t->v[t->n].s = xstrdup(key);
	t->v[t->n++].pos = load_nopos();
}


/*
 * Reads the cle of an item of categories (cats) or thematiques into
 * *key (NULL when absent): a slug not given by an earlier item.
 * Returns 0 after an error (*key may still be set).
 */
static int
S_cle(struct load_ctx *c, const struct ynode *it, int cats, char **key)
{
	const char	*list = cats ? "categories" : "thematiques";
	const struct category *cat;
	const struct thematique *th;
	const struct pos *first = NULL;
	struct text	 t;
	char		*path, *sl;
	int		 ok = 1;

	path = xasprintf("%s.cle", list);
	*key = NULL;
	if (!load_field_text(c, it, "cle", path, REQ, &t)) {
		ok = 0;
		goto out;
	}
	if (!validate_slug(t.s)) {
		sl = validate_slugify(t.s);
		load_err(c, t.pos, "%s: \"%s\" is not a key: use lowercase "
		    "letters, digits and '-' (for example \"%s\")", path, t.s,
		    sl);
		free(sl);
		ok = 0;
	}
	if (cats && (cat = model_category(c->site, t.s)) != NULL)
		first = &cat->pos;
	else if (!cats && (th = model_thematique(c->site, t.s)) != NULL)
		first = &th->pos;
	if (first != NULL) {
		load_err(c, t.pos, "%s: \"%s\" is given twice (first on line "
		    "%d)", path, t.s, first->line);
		ok = 0;
	}
	*key = t.s;
out:
	free(path);
	return ok;
}

static void
S_categories(struct load_ctx *c, const struct ynode *root, struct site *s)
{
	static const char *const keys[] = { "cle", "libelle", "couleur" };
	const struct ynode *v = load_yaml_get(root, "categories"), *it;
	struct category	*cat;
	struct text	 t;
	char		*why;
	size_t		 i;
	int		 ok;

	if (v == NULL || load_yaml_is_null(v) ||
	    (v->type == YNODE_SEQ && v->n == 0)) {
		load_err(c, v ? v->pos : root->pos, "categories: missing, give "
		    "at least one category (cle, libelle, couleur)");
		return;
	}
	if (v->type != YNODE_SEQ) {
		load_err(c, v->pos, "categories: expected a list of "
		    "categories, found a %s", load_yaml_kind(v));
		return;
	}
	s->categories = xcalloc(v->n, sizeof(*s->categories));
	for (i = 0; i < v->n; i++) {
		it = v->v[i];
		if (it->type != YNODE_MAP) {
			load_err(c, it->pos, "categories: item %zu should be a "
			    "group of fields (cle, libelle, couleur), not a %s",
			    i + 1, load_yaml_kind(it));
			continue;
		}
		load_field_keys(c, it, "categories: ", keys, 3);
		cat = &s->categories[s->ncategories];
		memset(cat, 0, sizeof(*cat));
		cat->pos = it->pos;
		ok = S_cle(c, it, 1, &cat->key);
		if (load_field_text(c, it, "libelle", "categories.libelle",
		    REQ, &t))
			cat->label = t.s;
		else
			ok = 0;
		if (load_field_text(c, it, "couleur", "categories.couleur",
		    REQ, &t)) {
			why = NULL;
			if (!validate_color(t.s, &cat->rgb, &cat->color,
			    &why)) {
				load_err(c, t.pos, "categories.couleur: %s",
				    why);
				free(why);
				ok = 0;
			}
			free(t.s);
		} else
			ok = 0;
		if (ok) {
			s->ncategories++;
		} else {
			S_remember(&c->badcats, cat->key);
			free(cat->key);
			free(cat->label);
			free(cat->color);
			memset(cat, 0, sizeof(*cat));
		}
	}
}

/*
 * Whether the pictogram t names an icon of Fork Awesome (the font the
 * site and the booklet draw); an error with a did-you-mean if not.
 * When the font cannot be read, nothing is said here: the build says
 * it.
 */
static int
S_picto(struct load_ctx *c, const struct text *t)
{
	const char	**names, *sug;
	size_t		 i, n;

	if (!c->picto_tried) {
		c->picto_tried = 1;
		if ((c->picto = picto_open(PICTO_FONT_PATH,
		    PICTO_CSS_PATH)) == NULL)
			c->picto = picto_open(PICTO_FONT_PATH, NULL);
	}
	if (c->picto == NULL || picto_codepoint(c->picto, t->s) != 0)
		return 1;
	n = picto_count(c->picto);
	names = xcalloc(n ? n : 1, sizeof(*names));
	for (i = 0; i < n; i++)
		names[i] = picto_name(c->picto, i);
	if ((sug = validate_suggest(t->s, names, n)) != NULL)
		load_err(c, t->pos, "thematiques.picto: \"%s\" is not an icon "
		    "of Fork Awesome (did you mean \"%s\"?)", t->s, sug);
	else
		load_err(c, t->pos, "thematiques.picto: \"%s\" is not an icon "
		    "of Fork Awesome: see https://forkaweso.me/Fork-Awesome/"
		    "icons/ for their names", t->s);
	free(names);
	return 0;
}

static void
S_thematiques(struct load_ctx *c, const struct ynode *root, struct site *s)
{
	static const char *const keys[] = { "cle", "libelle", "picto" };
	const struct ynode *v = load_yaml_get(root, "thematiques"), *it;
	struct thematique *th;
	struct text	 t;
	size_t		 i;
	int		 ok;

	if (v == NULL || load_yaml_is_null(v) ||
	    (v->type == YNODE_SEQ && v->n == 0)) {
		load_err(c, v ? v->pos : root->pos, "thematiques: missing, "
		    "give at least one thematique (cle, libelle)");
		return;
	}
	if (v->type != YNODE_SEQ) {
		load_err(c, v->pos, "thematiques: expected a list of "
		    "thematiques, found a %s", load_yaml_kind(v));
		return;
	}
	s->thematiques = xcalloc(v->n, sizeof(*s->thematiques));
	for (i = 0; i < v->n; i++) {
		it = v->v[i];
		if (it->type != YNODE_MAP) {
			load_err(c, it->pos, "thematiques: item %zu should be "
			    "a group of fields (cle, libelle, picto), not a %s",
			    i + 1, load_yaml_kind(it));
			continue;
		}
		load_field_keys(c, it, "thematiques: ", keys, 3);
		th = &s->thematiques[s->nthematiques];
		memset(th, 0, sizeof(*th));
		th->pos = it->pos;
		ok = S_cle(c, it, 0, &th->key);
		if (load_field_text(c, it, "libelle", "thematiques.libelle",
		    REQ, &t))
			th->label = t.s;
		else
			ok = 0;
		if (load_field_text(c, it, "picto", "thematiques.picto", OPT,
		    &t)) {
			if (!validate_slug(t.s)) {
				load_err(c, t.pos, "thematiques.picto: \"%s\" "
				    "is not an icon name such as \"home\"",
				    t.s);
				ok = 0;
			} else if (!S_picto(c, &t))
				ok = 0;
			th->icon = t.s;
		}
		if (ok) {
			s->nthematiques++;
		} else {
			S_remember(&c->badthems, th->key);
			free(th->key);
			free(th->label);
			free(th->icon);
			memset(th, 0, sizeof(*th));
		}
	}
}

/* Returns 0 when site.yaml cannot be read at all. */
int
load_site_read(struct load_ctx *c, struct site *s)
{
	static const char *const keys[] = {
		"titre", "sous_titre", "edition", "url", "editeur",
		"coordination", "edito", "categories", "thematiques",
		"data_inclusion"
	};
	struct ynode	*root;
	const struct ynode *g;
	struct text	 t;
	int		 unreadable;
	char		*end;
	long		 y;

	root = load_front_read(c, s->path, 0, NULL, NULL, &unreadable);
	if (root == NULL)
		return !unreadable;
	load_field_keys(c, root, "", keys, sizeof(keys) / sizeof(keys[0]));
	load_field_text(c, root, "titre", "titre", REQ, &s->titre);
	load_field_text(c, root, "sous_titre", "sous_titre", OPT,
	    &s->sous_titre);
	c->edition_pos = load_field_keypos(root, "edition");
	if (load_field_text(c, root, "edition", "edition", REQ, &t)) {
		errno = 0;
		y = strtol(t.s, &end, 10);
		if (*end != '\0' || errno || y < 1900 || y > 2999)
			load_err(c, t.pos, "edition: \"%s\" is not a year such "
			    "as 2018", t.s);
		else
			s->edition = (int)y;
		free(t.s);
	}
	load_field_url(c, root, "url", "url", &s->url);
	if (s->url.s != NULL && s->url.s[strlen(s->url.s) - 1] != '/') {
		char *u = xasprintf("%s/", s->url.s);

		free(s->url.s);
		s->url.s = u;
	}
	S_organisation(c, root, "editeur", 0, &s->editeur);
	S_organisation(c, root, "coordination", 1, &s->coordination);
	if ((g = load_field_group(c, root, "edito", "edito", OPT)) != NULL) {
		static const char *const ek[] = { "texte", "signature" };

		load_field_keys(c, g, "edito: ", ek, 2);
		load_field_text(c, g, "texte", "edito.texte", REQ, &s->edito);
		load_field_text(c, g, "signature", "edito.signature", OPT,
		    &s->edito_signature);
	}
	S_categories(c, root, s);
	S_thematiques(c, root, s);
	load_di_mapping(root, s, &c->badthems, c->file, c->d);
	load_yaml_free(root);
	return 1;
}
