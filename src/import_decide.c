/*
 * import_decide.c — what each file of the inbox becomes; see
 * import_decide.h.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "campaign_state.h"
#include "diag.h"
#include "import.h"
#include "import_decide.h"
#include "import_inbox.h"
#include "load.h"
#include "model.h"
#include "page_fields.h"
#include "util.h"
#include "validate.h"

/* Fold for matching: lowercase, no accents, only letters and digits. */
static char *
S_import_decide_key(const char *s)
{
	char	*f = str_fold(s ? s : ""), *r, *w;

	for (r = w = f; *r != '\0'; r++)
		if (isalnum((unsigned char)*r) || (unsigned char)*r >= 0x80)
			*w++ = *r;
	*w = '\0';
	return f;
}

/* The partner whose nom or sigle is the answer's, or NULL. */
static const struct partner *
S_by_name(const struct site *s, const struct partner *p, const char **how)
{
	char		*kn = S_import_decide_key(p->nom.s), *ks, *a, *b;
	const struct partner *q = NULL;
	size_t		 i;

	ks = p->sigle.s ? S_import_decide_key(p->sigle.s) : NULL;
	for (i = 0; i < s->npartners && q == NULL; i++) {
		a = S_import_decide_key(s->partners[i].nom.s);
		b = s->partners[i].sigle.s ?
		    S_import_decide_key(s->partners[i].sigle.s) : NULL;
		if (strcmp(a, kn) == 0) {
			q = &s->partners[i];
			*how = "nom";
		} else if (ks != NULL && *ks && ((b && strcmp(b, ks) == 0) ||
		    strcmp(a, ks) == 0)) {
			q = &s->partners[i];
			*how = "sigle";
		} else if (b != NULL && *b && strcmp(b, kn) == 0) {
			q = &s->partners[i];
			*how = "sigle";
		}
		free(a);
		free(b);
	}
	free(kn);
	free(ks);
	return q;
}

/* Whether two contact values are the same, case and punctuation aside. */
static int
S_same_contact(const char *a, const char *b)
{
	char	*x, *y;
	int	 r;

	if (a == NULL || b == NULL)
		return 0;
	x = S_import_decide_key(a);
	y = S_import_decide_key(b);
	r = *x != '\0' && strcmp(x, y) == 0;
	free(x);
	free(y);
	return r;
}

/*
 * Another partner than cur with the answer's e-mail, web site or phone:
 * a page of that partner filled under another name.
 */
static const struct partner *
S_by_contact(const struct site *s, const struct partner *p,
    const struct partner *cur)
{
	size_t	 i;

	for (i = 0; i < s->npartners; i++) {
		const struct partner *q = &s->partners[i];

		if (q == cur)
			continue;
		if (S_same_contact(q->courriel.s, p->courriel.s) ||
		    S_same_contact(q->site.s, p->site.s) ||
		    S_same_contact(q->telephone.raw.s, p->telephone.raw.s))
			return q;
	}
	return NULL;
}

/* Whether two optional texts differ once folded. */
static int
S_differ(const char *a, const char *b)
{
	char	*x = S_import_decide_key(a), *y = S_import_decide_key(b);
	int	 r = strcmp(x, y) != 0;

	free(x);
	free(y);
	return r;
}

static int
S_import_decide_listed(const char *const *v, size_t n, const char *slug)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], slug) == 0)
			return 1;
	return 0;
}

/* Whether "slug:key" is in v. */
static int
S_listed_field(const char *const *v, size_t n, const char *slug,
    const char *key)
{
	size_t	 i, l = strlen(slug);

	for (i = 0; i < n; i++)
		if (strncmp(v[i], slug, l) == 0 && v[i][l] == ':' &&
		    strcmp(v[i] + l + 1, key) == 0)
			return 1;
	return 0;
}

/*
 * A new partner's slug: none of the site's, no page file, none given to
 * another new partner of this import (taken[0..ntaken)).
 */
static char *
S_new_slug(const struct site *s, const char *nom, char *const *taken,
    size_t ntaken)
{
	char	*base = validate_slugify(nom), *try, *page, suf[16];
	size_t	 i, bl;
	int	 n = 1, used;

	if (base[0] == '\0') {
		free(base);
		base = xstrdup("partenaire");
	}
	try = xstrdup(base);
	for (;;) {
		page = xasprintf("%s/partenaires/%s.md", s->content_dir, try);
		used = model_partner(s, try) != NULL || access(page, F_OK) == 0;
		free(page);
		for (i = 0; !used && i < ntaken; i++)
			used = taken[i] != NULL && strcmp(taken[i], try) == 0;
		if (!used)
			break;
		free(try);
		/* Still at most 64 bytes: cut the base, then "-n". */
		(void)snprintf(suf, sizeof(suf), "-%d", ++n);
		bl = strlen(base);
		if (bl + strlen(suf) > 64)
			bl = 64 - strlen(suf);
		while (bl > 0 && base[bl - 1] == '-')
			bl--;
		try = xasprintf("%.*s%s", (int)bl, base, suf);
	}
	free(base);
	return try;
}

/* ---- three-way merge ---------------------------------------------------- */

/* The field groups, as page_fields_diff()'s `only` names them. */
static const char *const S_groups[] = {
	"nom", "sigle", "categorie", "thematiques", "resume", "missions",
	"actions", "public", "acces", "langues", "accessibilite", "adresse",
	"transports", "horaires", "telephone", "courriel", "site", "contacts",
	"logo", "liens", "body", NULL
};

static void
S_swap(void *a, void *b, size_t n)
{
	unsigned char t[512];

	memcpy(t, a, n);
	memcpy(a, b, n);
	memcpy(b, t, n);
}

#define	SWAP(f)	S_swap(&a->f, &b->f, sizeof(a->f))

/* Exchange group g between a and b (each keeps owning what it holds). */
static void
S_swap_group(struct partner *a, struct partner *b, const char *g)
{
	if (strcmp(g, "nom") == 0)
		SWAP(nom);
	else if (strcmp(g, "sigle") == 0)
		SWAP(sigle);
	else if (strcmp(g, "categorie") == 0)
		SWAP(category);
	else if (strcmp(g, "thematiques") == 0) {
		SWAP(thematiques);
		SWAP(nthematiques);
	} else if (strcmp(g, "resume") == 0)
		SWAP(resume);
	else if (strcmp(g, "missions") == 0)
		SWAP(missions);
	else if (strcmp(g, "actions") == 0) {
		SWAP(actions);
		SWAP(nactions);
	} else if (strcmp(g, "public") == 0)
		SWAP(public_);
	else if (strcmp(g, "acces") == 0) {
		SWAP(modalites);
		SWAP(cout);
		SWAP(acces_precisions);
	} else if (strcmp(g, "langues") == 0)
		SWAP(langues);
	else if (strcmp(g, "accessibilite") == 0) {
		SWAP(accessibilite);
		SWAP(accessibilite_precisions);
	} else if (strcmp(g, "adresse") == 0)
		SWAP(adresse);
	else if (strcmp(g, "transports") == 0)
		SWAP(transports);
	else if (strcmp(g, "horaires") == 0)
		SWAP(horaires);
	else if (strcmp(g, "telephone") == 0)
		SWAP(telephone);
	else if (strcmp(g, "courriel") == 0)
		SWAP(courriel);
	else if (strcmp(g, "site") == 0)
		SWAP(site);
	else if (strcmp(g, "contacts") == 0) {
		SWAP(contacts);
		SWAP(ncontacts);
	} else if (strcmp(g, "logo") == 0) {
		SWAP(logo);
		SWAP(logo_w);
		SWAP(logo_h);
	} else if (strcmp(g, "liens") == 0) {
		SWAP(liens);
		SWAP(nliens);
	} else if (strcmp(g, "body") == 0) {
		SWAP(body);
		SWAP(body_line);
	}
}

#undef	SWAP

static size_t
S_diff(const struct partner *a, const struct partner *b, const char *g)
{
	const char *only[2] = { g, NULL };

	return page_fields_diff(a, b, PF_SKIP_FOLLOWUP | PF_SKIP_DATE, only,
	    "", NULL);
}

static struct partner *
S_load_quiet(struct site *s, const char *path, const char *slug)
{
	struct diags	 q;
	struct partner	*p;

	diags_init(&q);
	p = load_page(s, path, slug, &q);
	diags_free(&q);
	return p;
}

/*
 * The page changed since the campaign sent it: merge with the page as
 * sent, or (none kept) mark the item.  Returns 0 on an I/O error.
 */
static int
S_merge(struct site *s, const struct import_opts *o, struct campaign *st,
    struct import_item *it, struct diags *d)
{
	struct camp_partner *cp = campaign_state_get(st, it->slug, 0);
	struct partner	*base = NULL;
	char		*fp, *bfp = NULL, *bpath;
	size_t		 i;
	int		 pc, cc;

	(void)d;
	if (cp == NULL || cp->empreinte == NULL ||
	    (fp = campaign_fingerprint(it->cur->path)) == NULL)
		return 1;
	if (strcmp(fp, cp->empreinte) == 0) {
		free(fp);
		return 1;
	}
	free(fp);
	it->asked = cp->demande;
	bpath = campaign_sent_path(s->content_dir, it->slug);
	if ((bfp = campaign_fingerprint(bpath)) != NULL &&
	    strcmp(bfp, cp->empreinte) == 0)
		base = S_load_quiet(s, bpath, it->slug);
	free(bfp);
	free(bpath);
	if (base == NULL) {
		if (page_fields_diff(it->cur, it->p, PF_SKIP_FOLLOWUP |
		    PF_SKIP_DATE, NULL, "", NULL) == 0)
			return 1;
		if (o->force)
			it->forced = 1;
		else {
			it->nobase = 1;
			it->fate = IF_CONFLICT;
		}
		return 1;
	}
	it->mine = S_load_quiet(s, it->cur->path, it->slug);
	if (it->mine == NULL) {
		model_partner_free(base);
		free(base);
		return 1;
	}
	for (i = 0; S_groups[i] != NULL; i++) {
		const char *g = S_groups[i];

		cc = S_diff(base, it->mine, g) > 0;
		if (!cc)
			continue;
		pc = S_diff(base, it->p, g) > 0;
		if (!pc) {
			/* The coordinator's value into the answer. */
			S_swap_group(it->p, it->mine, g);
			it->kept = xreallocarray(it->kept, it->nkept + 1,
			    sizeof(*it->kept));
			it->kept[it->nkept++] = g;
			continue;
		}
		if (S_diff(it->mine, it->p, g) == 0)
			continue;	/* both made the same change */
		it->conflicts = xreallocarray(it->conflicts,
		    it->nconflicts + 1, sizeof(*it->conflicts));
		it->conflicts[it->nconflicts].key = g;
		if (S_listed_field(o->take, o->ntake, it->slug, g) || o->force)
			it->conflicts[it->nconflicts].resolved = 1;
		else if (S_listed_field(o->keep, o->nkeep, it->slug, g)) {
			it->conflicts[it->nconflicts].resolved = 2;
			S_swap_group(it->p, it->mine, g);
		} else
			it->fate = IF_CONFLICT;
		it->nconflicts++;
	}
	model_partner_free(base);
	free(base);
	return 1;
}

/* ---- deciding --------------------------------------------------------- */

/* Load and match one page. */
static void
S_import_decide_page(struct site *s, const struct import_opts *o, struct import_item *it,
    struct diags *d)
{
	struct inbox_file *f = it->f;
	const struct partner *q = NULL, *other;
	const char	*how2 = NULL;
	size_t		 before = d->errors;

	it->p = load_page(s, f->path, validate_slug(f->stem) ? f->stem : "",
	    d);
	if (it->p == NULL) {
		it->fate = IF_INVALID;
		it->nerrors = d->errors - before;
		return;
	}
	paste_partner(it->p, &it->paste);
	it->old_date = it->p->mise_a_jour;
	if ((q = model_partner(s, f->stem)) != NULL)
		it->how = "file name";
	else
		q = S_by_name(s, it->p, &it->how);
	it->cur = q;
	if (q == NULL)
		return;
	/* Identity: the nom, a sigle changed, or another partner named. */
	other = S_by_name(s, it->p, &how2);
	if (other != NULL && other != q)
		it->other = other;
	if (it->other == NULL && S_differ(q->nom.s, it->p->nom.s))
		it->other = S_by_contact(s, it->p, q);
	if (S_differ(q->nom.s, it->p->nom.s) || it->other != NULL ||
	    (q->sigle.s != NULL && it->p->sigle.s != NULL &&
	    S_differ(q->sigle.s, it->p->sigle.s)))
		it->identity = 1;
	if (!it->identity)
		return;
	if (S_import_decide_listed(o->accept, o->naccept, q->slug))
		it->accepted = 1;
	else if (S_import_decide_listed(o->as_new, o->nas_new, q->slug)) {
		it->cur = NULL;
		it->identity = 0;
		it->other = NULL;
	} else
		it->fate = IF_QUESTION;
}

/* The group an item belongs to: its partner, or a new one by nom. */
static char *
S_group(const struct import_item *it)
{
	char	*k, *g;

	if (it->cur != NULL)
		return xstrdup(it->cur->slug);
	k = S_import_decide_key(it->p->nom.s);
	g = xasprintf("+%s", k);
	free(k);
	return g;
}

static int
S_import_decide_same(const struct import_item *a, const struct import_item *b)
{
	return (a->f->len == b->f->len && memcmp(a->f->data, b->f->data,
	    a->f->len) == 0) || page_fields_diff(a->p, b->p, 0, NULL, "",
	    NULL) == 0;
}

/*
 * Among the items of one group (g[0..ng)), the one taken, or none (all
 * become questions).
 */
static void
S_choose(struct import_item **g, size_t ng)
{
	struct import_item **u = xreallocarray(NULL, ng, sizeof(*u));
	struct import_item *best = NULL;
	size_t	 nu = 0, i, j, ties;
	int	 stamped = 1;
	enum import_why why = IW_ONLY;

	/* Distinct contents: a file the same as an earlier one counts once. */
	for (i = 0; i < ng; i++) {
		for (j = 0; j < nu; j++)
			if (S_import_decide_same(g[i], u[j]))
				break;
		if (j < nu) {
			g[i]->fate = IF_SAME;
			g[i]->taken = u[j];
		} else
			u[nu++] = g[i];
	}
	if (nu == 1)
		best = u[0];
	for (i = 0; nu > 1 && i < nu; i++)
		if (u[i]->f->stamp[0] == '\0')
			stamped = 0;
	if (best == NULL && stamped) {
		for (i = 0, ties = 0; i < nu; i++) {
			int c = best ? strcmp(u[i]->f->stamp,
			    best->f->stamp) : 1;

			if (c > 0) {
				best = u[i];
				ties = 0;
			} else if (c == 0)
				ties++;
		}
		if (ties > 0)
			best = NULL;
		else
			why = IW_STAMP;
	}
	if (best == NULL && nu > 1) {
		for (i = 0, ties = 0; i < nu; i++) {
			if (best == NULL || u[i]->f->copy > best->f->copy) {
				best = u[i];
				ties = 0;
			} else if (u[i]->f->copy == best->f->copy)
				ties++;
		}
		if (ties > 0)
			best = NULL;
		else
			why = IW_COPY;
	}
	for (i = 0; i < nu; i++) {
		if (best == NULL) {
			u[i]->undecided = 1;
			u[i]->fate = IF_QUESTION;
		} else if (u[i] != best) {
			u[i]->fate = IF_OLDER;
			u[i]->taken = best;
		}
	}
	if (best != NULL)
		best->why = nu > 1 ? why : IW_ONLY;
	/* Identical copies of a file not taken follow it. */
	for (i = 0; i < ng; i++)
		if (g[i]->fate == IF_SAME && g[i]->taken->fate != IF_TAKE &&
		    g[i]->taken->fate != IF_QUESTION && g[i]->taken->taken)
			g[i]->taken = g[i]->taken->taken;
	free(u);
}

/* Every usable answer is a review: its mise_a_jour is the reply's date. */
static void
S_redate(struct import_item *it, const struct date *today)
{
	struct date	 sd;
	const char	*st = it->f->stamp;

	if (st[0] != '\0') {
		sd.y = atoi(st);
		sd.m = atoi(st + 5);
		sd.d = atoi(st + 8);
	} else
		sd = *today;
	if (campaign_date_cmp(&it->p->mise_a_jour, &sd) < 0) {
		it->p->mise_a_jour = sd;
		it->redated = 1;
	}
}

int
import_decide(struct site *s, const struct import_opts *o,
    struct campaign *st, struct inbox_file *v, size_t n,
    struct import_item **itemsp, struct diags *d)
{
	struct import_item *items = xcalloc(n + 1, sizeof(*items));
	struct import_item **g = xcalloc(n + 1, sizeof(*g));
	char		**groups = xcalloc(n + 1, sizeof(*groups));
	char		**slugs = xcalloc(n + 1, sizeof(*slugs));
	/* Each item's group's first item: new partners saved more than
	   once share the slug it gets. */
	size_t		*lead = xcalloc(n + 1, sizeof(*lead));
	struct date	 today;
	size_t		 i, j, ng;
	int		 ok = 1;

	date_from_epoch(o->now, &today);
	for (i = 0; i < n; i++)
		lead[i] = i;
	for (i = 0; i < n; i++) {
		struct import_item *it = &items[i];

		it->f = &v[i];
		if (v[i].kind != IK_PAGE) {
			const char *sl = v[i].form_slug ? v[i].form_slug :
			    v[i].stem;

			it->fate = IF_REFUSED;
			if (model_partner(s, sl) != NULL)
				it->slug = xstrdup(sl);
			continue;
		}
		S_import_decide_page(s, o, it, d);
		if (it->p != NULL)
			groups[i] = S_group(it);
	}
	/* Per partner: which file. */
	for (i = 0; i < n; i++) {
		if (groups[i] == NULL || items[i].fate == IF_SAME ||
		    items[i].taken != NULL)
			continue;
		ng = 0;
		for (j = i; j < n; j++)
			if (groups[j] != NULL && strcmp(groups[j],
			    groups[i]) == 0)
				g[ng++] = &items[j], lead[j] = i;
		if (ng == 1)
			continue;
		/* A question of identity is not a candidate for "which". */
		S_choose(g, ng);
		for (j = i; j < n; j++)
			if (groups[j] != NULL && strcmp(groups[j],
			    groups[i]) == 0 && &items[j] != &items[i]) {
				free(groups[j]);
				groups[j] = NULL;
			}
	}
	/* Slugs: the partner's, or a distinct new one. */
	for (i = 0; i < n; i++) {
		struct import_item *it = &items[i];

		if (it->p == NULL)
			continue;
		if (it->cur != NULL)
			it->slug = xstrdup(it->cur->slug);
		else if (lead[i] != i && items[lead[i]].slug != NULL)
			it->slug = xstrdup(items[lead[i]].slug);
		else if (it->fate == IF_TAKE || it->fate == IF_QUESTION) {
			it->slug = S_new_slug(s, it->p->nom.s, slugs, n);
			slugs[i] = it->slug;
		}
	}
	for (i = 0; i < n; i++) {
		struct import_item *it = &items[i];

		if (it->p == NULL)
			continue;
		if (it->slug == NULL && it->taken != NULL)
			it->slug = xstrdup(it->taken->slug);
		if (it->slug == NULL)
			it->slug = xstrdup("partenaire");
		free(it->p->slug);
		it->p->slug = xstrdup(it->slug);
		if (it->fate != IF_TAKE)
			continue;
		S_redate(it, &today);
		if (it->cur != NULL && !S_merge(s, o, st, it, d))
			ok = 0;
	}
	for (i = 0; i < n; i++)
		free(groups[i]);
	free(groups);
	free(lead);
	free(slugs);
	free(g);
	*itemsp = items;
	return ok;
}

void
import_items_free(struct import_item *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].slug);
		if (v[i].p != NULL) {
			model_partner_free(v[i].p);
			free(v[i].p);
		}
		if (v[i].mine != NULL) {
			model_partner_free(v[i].mine);
			free(v[i].mine);
		}
		free(v[i].kept);
		free(v[i].conflicts);
	}
	free(v);
}
