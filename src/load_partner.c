/*
 * load_partner.c — a page's front matter to a struct partner: every
 * field of the page format (docs/annuaire.5), its references to
 * site.yaml's categories and thematiques, its logo checked on disk, its
 * dates against the edition.  See load_partner.h.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "image.h"
#include "load_diag.h"
#include "load_field.h"
#include "load_file.h"
#include "load_int.h"
#include "load_partner.h"
#include "load_yaml.h"
#include "util.h"
#include "validate.h"

#define	LOAD_MAX_RESUME	160		/* characters of resume */

static const char *const S_partner_keys[] = {
	"nom", "sigle", "categorie", "thematiques", "resume", "missions",
	"actions", "public", "acces", "langues", "accessibilite", "adresse",
	"transports", "horaires", "telephone", "courriel", "site",
	"contacts", "logo", "liens", "mise_a_jour", "suivi", "note_suivi"
};

/*
 * Whether key names an entry of site.yaml that has errors: the page is
 * then left out without a second, misleading error.
 */
static int
S_remembered(struct load_ctx *c, const struct texts *t, const char *key)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].s, key) == 0) {
			c->drop = 1;
			return 1;
		}
	return 0;
}

/*
 * Reports t, a key that is not among the categories (cats) or the
 * thematiques of site.yaml, with a did-you-mean or else the list of
 * keys.
 */
static void
S_not_in_site(struct load_ctx *c, const struct text *t, int cats)
{
	const struct site *s = c->site;
	size_t		 i, n = cats ? s->ncategories : s->nthematiques;
	const char	**keys;
	const char	*sug;
	struct buf	 b;

	keys = xcalloc(n ? n : 1, sizeof(*keys));
	for (i = 0; i < n; i++)
		keys[i] = cats ? s->categories[i].key : s->thematiques[i].key;
	if ((sug = validate_suggest(t->s, keys, n)) != NULL) {
		if (cats)
			load_err(c, t->pos, "categorie: \"%s\" is not a "
			    "category of site.yaml (did you mean \"%s\"?)",
			    t->s, sug);
		else
			load_err(c, t->pos, "thematiques: \"%s\" is not a "
			    "thematique of site.yaml (did you mean \"%s\"?)",
			    t->s, sug);
		goto out;
	}
	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", keys[i]);
	if (cats)
		load_err(c, t->pos, "categorie: \"%s\" is not a category of "
		    "site.yaml; the categories are: %s", t->s, buf_cstr(&b));
	else
		load_err(c, t->pos, "thematiques: \"%s\" is not a thematique "
		    "of site.yaml; they are: %s", t->s, buf_cstr(&b));
	buf_free(&b);
out:
	free(keys);
}

static void
S_categorie(struct load_ctx *c, const struct ynode *root, struct partner *p)
{
	struct text	 t;

	if (!load_field_text(c, root, "categorie", "categorie", REQ, &t))
		return;
	if (c->site->ncategories == 0) {
		free(t.s);
		return;		/* site.yaml has errors: already said */
	}
	if ((p->category = model_category(c->site, t.s)) == NULL &&
	    !S_remembered(c, &c->badcats, t.s))
		S_not_in_site(c, &t, 1);
	free(t.s);
}

static void
S_partner_thematiques(struct load_ctx *c, const struct ynode *root,
    struct partner *p)
{
	struct texts	 ts;
	struct thematique *th;
	size_t		 i;

	if (load_field_texts(c, root, "thematiques", "thematiques", REQ,
	    &ts) == 0)
		goto out;
	load_field_texts_once(c, "thematiques", &ts);
	if (c->site->nthematiques == 0)
		goto out;
	p->thematiques = xcalloc(ts.n, sizeof(*p->thematiques));
	for (i = 0; i < ts.n; i++) {
		if ((th = model_thematique(c->site, ts.v[i].s)) != NULL)
			p->thematiques[p->nthematiques++] = th;
		else if (!S_remembered(c, &c->badthems, ts.v[i].s))
			S_not_in_site(c, &ts.v[i], 0);
	}
out:
	model_texts_free(&ts);
}

static void
S_actions(struct load_ctx *c, const struct ynode *root, struct partner *p)
{
	static const char *const keys[] = { "titre", "description" };
	const struct ynode *v = load_yaml_get(root, "actions"), *it;
	struct action	*a;
	size_t		 i;

	if (v == NULL || load_yaml_is_null(v))
		return;
	if (v->type != YNODE_SEQ) {
		load_err(c, v->pos, "actions: expected a list (lines starting "
		    "with \"- \"), found a %s", load_yaml_kind(v));
		return;
	}
	p->actions = xcalloc(v->n ? v->n : 1, sizeof(*p->actions));
	for (i = 0; i < v->n; i++) {
		it = v->v[i];
		a = &p->actions[p->nactions];
		if (it->type == YNODE_SCALAR) {
			a->titre.pos = it->pos;
			a->titre.s = load_field_scalar(it);
			if (*a->titre.s != '\0' && !load_field_clean(c,
			    it->pos, "actions", a->titre.s)) {
				free(a->titre.s);
				a->titre.s = NULL;
				continue;
			}
			if (*a->titre.s == '\0') {
				load_err(c, it->pos, "actions: item %zu is "
				    "empty", i + 1);
				free(a->titre.s);
				a->titre.s = NULL;
				continue;
			}
		} else if (it->type == YNODE_MAP) {
			load_field_keys(c, it, "actions: ", keys, 2);
			if (!load_field_text(c, it, "titre", "actions.titre",
			    REQ, &a->titre))
				continue;
			load_field_text(c, it, "description",
			    "actions.description", OPT, &a->description);
		} else {
			load_err(c, it->pos, "actions: item %zu should be a "
			    "text or a group (titre, description), not a list",
			    i + 1);
			continue;
		}
		p->nactions++;
	}
}

static void
S_acces(struct load_ctx *c, const struct ynode *root, struct partner *p)
{
	static const char *const keys[] = { "modalites", "cout", "precisions" };
	const struct ynode *g;
	struct texts	 ts;
	struct text	 t;
	size_t		 i;
	int		 k;
	char		*f;

	if ((g = load_field_group(c, root, "acces", "acces", OPT)) == NULL)
		return;
	load_field_keys(c, g, "acces: ", keys, 3);
	load_field_texts(c, g, "modalites", "acces.modalites", OPT, &ts);
	for (i = 0; i < ts.n; i++) {
		/* "sur orientation d'un travailleur social" is fine too. */
		f = str_fold_words(ts.v[i].s);
		if (strncmp(f, "sur orientation", 15) == 0)
			k = MOD_ORIENTATION;
		else
			k = load_field_choice(c, &ts.v[i], "acces.modalites",
			    model_modalites, MOD__COUNT);
		free(f);
		if (k >= 0)
			p->modalites |= (unsigned int)k;
	}
	model_texts_free(&ts);
	if (load_field_text(c, g, "cout", "acces.cout", OPT, &t)) {
		k = load_field_choice(c, &t, "acces.cout", model_couts,
		    MODEL_NCOUTS);
		if (k >= 0)
			p->cout = (enum cout)k;
		free(t.s);
	}
	load_field_text(c, g, "precisions", "acces.precisions", OPT,
	    &p->acces_precisions);
}

static void
S_langues(struct load_ctx *c, const struct ynode *root, struct partner *p)
{
	size_t		 i, j;
	char		*s, *f, *lf;
	const char	*code, *label;

	load_field_texts(c, root, "langues", "langues", OPT, &p->langues);
	/* Codes are lower case: "FR" is "fr", and [fr, FR] lists it twice. */
	for (i = 0; i < p->langues.n; i++)
		for (f = p->langues.v[i].s; *f != '\0'; f++)
			if (*f >= 'A' && *f <= 'Z')
				*f = (char)(*f - 'A' + 'a');
	load_field_texts_once(c, "langues", &p->langues);
	for (i = 0; i < p->langues.n; i++) {
		s = p->langues.v[i].s;
		if (model_langue_label(s) != NULL)
			continue;
		/* "anglais" -> "en" */
		f = str_fold(s);
		for (j = 0; (code = model_langue_code(j)) != NULL; j++) {
			label = model_langue_label(code);
			lf = str_fold(label);
			if (strcmp(lf, f) == 0) {
				free(lf);
				break;
			}
			free(lf);
		}
		free(f);
		if (code != NULL)
			load_err(c, p->langues.v[i].pos, "langues: write the "
			    "code \"%s\" for %s", code, s);
		else
			load_err(c, p->langues.v[i].pos, "langues: \"%s\" is "
			    "not a language code: use two letters (fr, en, "
			    "ar...) or lsf", s);
	}
}

static void
S_accessibilite(struct load_ctx *c, const struct ynode *root, struct partner *p)
{
	static const char *const keys[] = { "niveau", "precisions" };
	const struct ynode *v = load_yaml_get(root, "accessibilite");
	struct text	 t;
	int		 k;

	if (v == NULL || load_yaml_is_null(v))
		return;
	if (v->type == YNODE_SCALAR) {
		/* Shorthand: accessibilite: oui */
		if (!load_field_text(c, root, "accessibilite",
		    "accessibilite", OPT, &t))
			return;
	} else if (v->type == YNODE_MAP) {
		load_field_keys(c, v, "accessibilite: ", keys, 2);
		load_field_text(c, v, "precisions", "accessibilite.precisions",
		    OPT, &p->accessibilite_precisions);
		/* niveau is needed only when something is said. */
		if (!load_field_text(c, v, "niveau", "accessibilite.niveau",
		    p->accessibilite_precisions.s != NULL, &t))
			return;
	} else {
		load_err(c, v->pos, "accessibilite: expected oui, non, partiel "
		    "or a group (niveau, precisions), found a list");
		return;
	}
	k = load_field_choice(c, &t, "accessibilite", model_accessibilites,
	    MODEL_NACCESSIBILITES);
	if (k >= 0)
		p->accessibilite = (enum accessibilite)k;
	free(t.s);
}

/* One day of opening hours: a text, a list of texts, or empty. */
static void
S_day(struct load_ctx *c, const struct ynode *v, int day, struct day_hours *dh)
{
	const struct ynode *it;
	size_t		 i, n;
	char		*t, *why;
	struct timerange r;

	dh->pos = v->pos;
	if (load_yaml_is_null(v))
		return;
	if (v->type == YNODE_MAP) {
		load_err(c, v->pos, "horaires.%s: expected a range such as "
		    "\"09:00-12:00\" or a list of ranges, found a group of "
		    "fields", model_days[day].word);
		return;
	}
	n = v->type == YNODE_SEQ ? v->n : 1;
	dh->v = xcalloc(n ? n : 1, sizeof(*dh->v));
	for (i = 0; i < n; i++) {
		it = v->type == YNODE_SEQ ? v->v[i] : v;
		if (it->type != YNODE_SCALAR) {
			load_err(c, it->pos, "horaires.%s: expected a range "
			    "such as \"09:00-12:00\", found a %s",
			    model_days[day].word, load_yaml_kind(it));
			continue;
		}
		t = load_field_scalar(it);
		if (n == 1 && it == v) {
			char *f = str_fold_words(t);

			if (strcmp(f, "ferme") == 0 || *f == '\0') {
				free(f);
				free(t);
				return;
			}
			free(f);
		}
		/*
		 * dh->v holds only ranges that passed, so checking it with
		 * the new range appended checks the new range alone.
		 */
		why = NULL;
		if (validate_hours(t, &r, &why)) {
			dh->v[dh->n] = r;
			if (validate_ranges(dh->v, dh->n + 1, NULL, &why))
				dh->n++;
		}
		if (why != NULL) {
			load_err(c, it->pos, "horaires.%s: %s",
			    model_days[day].word, why);
			free(why);
		}
		free(t);
	}
}

static void
S_horaires(struct load_ctx *c, const struct ynode *root, struct partner *p)
{
	const char	*keys[8];
	const struct ynode *g, *v;
	int		 d;

	if ((g = load_field_group(c, root, "horaires", "horaires",
	    OPT)) == NULL)
		return;
	p->horaires.present = 1;
	for (d = 0; d < 7; d++)
		keys[d] = model_days[d].word;
	keys[7] = "precisions";
	load_field_keys(c, g, "horaires: ", keys, 8);
	for (d = 0; d < 7; d++)
		if ((v = load_yaml_get(g, model_days[d].word)) != NULL)
			S_day(c, v, d, &p->horaires.days[d]);
	load_field_text(c, g, "precisions", "horaires.precisions", OPT,
	    &p->horaires.precisions);
}

static void
S_contacts(struct load_ctx *c, const struct ynode *root, struct partner *p)
{
	static const char *const keys[] = {
		"nom", "fonction", "telephone", "courriel"
	};
	const struct ynode *v = load_yaml_get(root, "contacts"), *it;
	struct contact	*ct;
	size_t		 i;

	if (v == NULL || load_yaml_is_null(v))
		return;
	if (v->type != YNODE_SEQ) {
		load_err(c, v->pos, "contacts: expected a list of people "
		    "(lines starting with \"- nom: \"), found a %s",
		    load_yaml_kind(v));
		return;
	}
	p->contacts = xcalloc(v->n ? v->n : 1, sizeof(*p->contacts));
	for (i = 0; i < v->n; i++) {
		it = v->v[i];
		if (it->type != YNODE_MAP) {
			load_err(c, it->pos, "contacts: item %zu should be a "
			    "group (nom, fonction, telephone, courriel), not a "
			    "%s", i + 1, load_yaml_kind(it));
			continue;
		}
		load_field_keys(c, it, "contacts: ", keys, 4);
		/* An item left blank (as in the template) is no contact. */
		if (!load_field_present(it, "nom") &&
		    !load_field_present(it, "fonction") &&
		    !load_field_present(it, "telephone") &&
		    !load_field_present(it, "courriel"))
			continue;
		ct = &p->contacts[p->ncontacts++];
		load_field_text(c, it, "nom", "contacts.nom", REQ, &ct->nom);
		load_field_text(c, it, "fonction", "contacts.fonction", OPT,
		    &ct->fonction);
		load_field_phone(c, it, "contacts.telephone", &ct->telephone);
		load_field_email(c, it, "contacts.courriel", OPT,
		    &ct->courriel);
	}
}


/*
 * The logo: a relative path inside content/ (no "..", no absolute
 * path, no symbolic link out), a regular file of at most
 * IMAGE_MAX_BYTES, a PNG or JPEG (by its first bytes) that decodes in
 * full within the pixel limits of image.h.  A name written in NFC that
 * is on disk in NFD is found, and logo.s then holds the name on disk.
 */
static void
S_logo(struct load_ctx *c, const struct ynode *root, struct partner *p)
{
	struct text	*t = &p->logo;
	char		*path = NULL, *rc = NULL, *rf = NULL, *seg, *dup,
			*data = NULL, *disk, why[200];
	struct stat	 st;
	size_t		 n, lrc;
	struct image	 img;

	if (!load_field_text(c, root, "logo", "logo", OPT, t))
		return;
	if (t->s[0] == '/' || strstr(t->s, "://") != NULL ||
	    strchr(t->s, '\\') != NULL) {
		load_err(c, t->pos, "logo: \"%s\" must be a path inside the "
		    "content folder, such as logos/caf.png", t->s);
		return;
	}
	dup = xstrdup(t->s);
	for (seg = strtok(dup, "/"); seg != NULL; seg = strtok(NULL, "/"))
		if (strcmp(seg, "..") == 0)
			break;
	free(dup);
	if (seg != NULL) {
		load_err(c, t->pos, "logo: \"%s\" goes outside the content "
		    "folder: put the image in %s/logos/", t->s,
		    c->content_dir);
		return;
	}
	path = path_join(c->content_dir, t->s);
	if (stat(path, &st) == -1 && errno == ENOENT &&
	    (disk = load_file_nfc_name(c->content_dir, t->s)) != NULL) {
		free(t->s);
		t->s = disk;
		free(path);
		path = path_join(c->content_dir, t->s);
	}
	if (stat(path, &st) == -1) {
		load_err(c, t->pos, "logo: %s does not exist", path);
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		load_err(c, t->pos, "logo: %s is not a file", path);
		goto out;
	}
	/* A symbolic link must not lead out of content/ either. */
	rc = realpath(c->content_dir, NULL);
	rf = realpath(path, NULL);
	lrc = rc ? strlen(rc) : 0;
	if (rc == NULL || rf == NULL || strncmp(rf, rc, lrc) != 0 ||
	    rf[lrc] != '/') {
		load_err(c, t->pos, "logo: %s leads outside the content folder",
		    path);
		goto out;
	}
	if (st.st_size > IMAGE_MAX_BYTES) {
		load_err(c, t->pos, "logo: %s is %.1f MiB, more than %d MiB: "
		    "use a smaller image (400 pixels wide is plenty)", path,
		    (double)st.st_size / (1024 * 1024),
		    IMAGE_MAX_BYTES / (1024 * 1024));
		goto out;
	}
	if (!file_read(path, IMAGE_MAX_BYTES, &data, &n)) {
		load_err(c, t->pos, "logo: cannot read %s: %s", path,
		    strerror(errno));
		goto out;
	}
	if (image_type(data, n) == IMAGE_UNKNOWN) {
		if (n >= 6 && (memcmp(data, "GIF87a", 6) == 0 ||
		    memcmp(data, "GIF89a", 6) == 0))
			load_err(c, t->pos, "logo: %s is a GIF image: convert "
			    "it to PNG", path);
		else if (n >= 12 && memcmp(data, "RIFF", 4) == 0 &&
		    memcmp(data + 8, "WEBP", 4) == 0)
			load_err(c, t->pos, "logo: %s is a WebP image: convert "
			    "it to PNG", path);
		else if (n >= 5 && (memcmp(data, "<?xml", 5) == 0 ||
		    memcmp(data, "<svg", 4) == 0))
			load_err(c, t->pos, "logo: %s is an SVG image: convert "
			    "it to PNG", path);
		else
			load_err(c, t->pos, "logo: %s is not a PNG or JPEG "
			    "image", path);
		goto out;
	}
	/* Decoded in full: what the booklet would refuse, check refuses. */
	if (image_decode(data, n, 0, &img, why, sizeof(why))) {
		p->logo_w = img.w;
		p->logo_h = img.h;
	} else {
		if (img.w > IMAGE_MAX_SIDE || img.h > IMAGE_MAX_SIDE ||
		    (size_t)img.w * img.h > IMAGE_MAX_PIXELS)
			load_err(c, t->pos, "logo: %s: %s: use a smaller image "
			    "(400 pixels wide is plenty)", path, why);
		else
			load_err(c, t->pos, "logo: %s is not a valid %s image: "
			    "%s; save or export it again", path,
			    img.type == IMAGE_JPEG ? "JPEG" : "PNG", why);
	}
	image_free(&img);
out:
	free(data);
	free(path);
	free(rc);
	free(rf);
}

/*
 * Whether the date is after today (UTC).  The clock decides whether a
 * build passes, never what it writes.  SOURCE_DATE_EPOCH, when set and
 * later than the clock, is today: a build dated from the future accepts
 * what was up to date then.
 */
static int
S_after_today(const struct date *dt)
{
	long long	 now = (long long)time(NULL), sde;
	struct date	 today;

	if ((sde = build_epoch(now)) > now)
		now = sde;
	date_from_epoch(now, &today);
	if (dt->y != today.y)
		return dt->y > today.y;
	if (dt->m != today.m)
		return dt->m > today.m;
	return dt->d > today.d;
}

static void
S_dates(struct load_ctx *c, const struct ynode *root, struct partner *p)
{
	struct text	 t;
	char		*why = NULL;

	if (!load_field_text(c, root, "mise_a_jour", "mise_a_jour", REQ, &t))
		return;
	p->mise_a_jour_pos = t.pos;
	if (!validate_date(t.s, &p->mise_a_jour, &why)) {
		load_err(c, t.pos, "mise_a_jour: %s", why);
		free(why);
	} else if (S_after_today(&p->mise_a_jour)) {
		load_err(c, t.pos, "mise_a_jour: %s is in the future: write "
		    "the date the page was last checked", t.s);
	} else if (c->site->edition > 0 &&
	    p->mise_a_jour.y < c->site->edition &&
	    !c->site->no_stale_warning)
		load_warn(c, t.pos, "mise_a_jour: the page was last checked on "
		    "%s, before the %d edition: ask the partner to check it",
		    t.s, c->site->edition);
	free(t.s);
}

static void
S_suivi(struct load_ctx *c, const struct ynode *root, struct partner *p)
{
	struct text	 t;
	int		 k;

	if (load_field_text(c, root, "suivi", "suivi", OPT, &t)) {
		k = load_field_choice(c, &t, "suivi", model_suivis,
		    MODEL_NSUIVIS);
		if (k >= 0)
			p->suivi = (enum suivi)k;
		free(t.s);
	}
	load_field_text(c, root, "note_suivi", "note_suivi", OPT,
	    &p->note_suivi);
}

/* Reads every field of a page. */
void
load_partner_read(struct load_ctx *c, const struct ynode *root, struct page *pg)
{
	struct partner	*p = &pg->p;
	size_t		 i, n;

	load_field_keys(c, root, "", S_partner_keys,
	    sizeof(S_partner_keys) / sizeof(S_partner_keys[0]));
	load_field_text(c, root, "nom", "nom", REQ, &p->nom);
	load_field_text(c, root, "sigle", "sigle", OPT, &p->sigle);
	S_categorie(c, root, p);
	S_partner_thematiques(c, root, p);
	if (load_field_text(c, root, "resume", "resume", REQ, &p->resume) &&
	    (n = utf8_len(p->resume.s)) > LOAD_MAX_RESUME)
		load_err(c, p->resume.pos, "resume: %zu characters, at most "
		    "%d: keep one short sentence (it is shown on the cards)", n,
		    LOAD_MAX_RESUME);
	load_field_texts(c, root, "missions", "missions", REQ, &p->missions);
	S_actions(c, root, p);
	load_field_text(c, root, "public", "public", OPT, &p->public_);
	S_acces(c, root, p);
	S_langues(c, root, p);
	S_accessibilite(c, root, p);
	load_field_address(c, root, "adresse", REQ, &p->adresse);
	load_field_text(c, root, "transports", "transports", OPT,
	    &p->transports);
	S_horaires(c, root, p);
	load_field_phone(c, root, "telephone", &p->telephone);
	load_field_email(c, root, "courriel", OPT, &p->courriel);
	if (p->telephone.raw.s == NULL && p->courriel.s == NULL &&
	    !load_field_present(root, "telephone") &&
	    !load_field_present(root, "courriel"))
		load_err(c, load_field_keypos(root, "telephone"), "give a "
		    "telephone or a courriel (or both): families need a way to "
		    "reach the partner");
	load_field_url(c, root, "site", "site", &p->site);
	S_contacts(c, root, p);
	S_logo(c, root, p);
	load_field_texts(c, root, "liens", "liens", OPT, &pg->liens);
	load_field_texts_once(c, "liens", &pg->liens);
	S_dates(c, root, p);
	S_suivi(c, root, p);
	for (i = 0; i < PF__COUNT - 1; i++)
		p->fpos[i] = load_field_keypos(root, S_partner_keys[i]);
	p->fpos[PF_BODY].line = p->body_line;
	p->fpos[PF_BODY].col = 1;
}
