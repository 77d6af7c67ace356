/*
 * news.c — the changes since the previous edition; see news.h.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "load.h"
#include "model.h"
#include "news.h"
#include "page_fields.h"
#include "typo.h"
#include "util.h"

/* The latest archives/<year> before edition, or 0. */
static int
S_previous(const struct site *s)
{
	char		*dir = path_join(s->content_dir, "archives");
	DIR		*d;
	struct dirent	*e;
	int		 best = 0, y;
	char		*end;

	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			y = (int)strtol(e->d_name, &end, 10);
			if (*end == '\0' && end - e->d_name == 4 &&
			    y < s->edition && y > best)
				best = y;
		}
		closedir(d);
	}
	free(dir);
	return best;
}

/*
 * An archived page with an error is not in the archive's model (the
 * loader leaves such pages out), so its partner would be listed as new
 * and its changes never shown: say so, once per file, at its first
 * error (the archive is the previous edition, which nobody edits: its
 * other messages are not repeated).
 */
static void
S_warn_dropped(struct diags *ad, int edition, struct diags *d)
{
	const char	*said = NULL;
	size_t		 i;

	diags_sort(ad);		/* by file, then line and column */
	for (i = 0; i < ad->n; i++) {
		const struct diag *g = &ad->v[i];

		if (g->sev != DIAG_ERROR || g->file == NULL ||
		    (said != NULL && strcmp(said, g->file) == 0))
			continue;
		said = g->file;
		diag_warn(d, g->file, g->line, g->col, "the %d edition's "
		    "archive has an error here (%s): the changes since that "
		    "edition leave this file out, and may list its partner "
		    "as new", edition, g->msg);
	}
}

int
news_any(const struct news *n)
{
	return n->edition > 0 && (n->nadded || n->nleft || n->nchanged ||
	    n->nrenamed);
}

/* Whether two days have the same opening hours. */
static int
S_news_same_day(const struct day_hours *a, const struct day_hours *b)
{
	size_t	 i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (a->v[i].start != b->v[i].start || a->v[i].end != b->v[i].end)
			return 0;
	return 1;
}

/*
 * Opening hours in short: days in a row with the same hours together,
 * "lun.-ven. 9 h-12 h, 14 h-17 h ; sam. 9 h-12 h" (en dashes), then the
 * precisions.
 */
static void
S_hours_short(struct buf *b, const struct horaires *h)
{
	static const char *const days[7] = {
		"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."
	};
	size_t	 d, e, j, start = b->len;

	for (d = 0; d < 7; d = e) {
		e = d + 1;
		if (h->days[d].n == 0)
			continue;
		while (e < 7 && S_news_same_day(&h->days[d], &h->days[e]))
			e++;
		buf_printf(b, "%s%s", b->len > start ? " ; " : "", days[d]);
		if (e - d > 1)
			buf_printf(b, "%s%s", e - d > 2 ? "\xe2\x80\x93" :
			    " et ", days[e - 1]);
		for (j = 0; j < h->days[d].n; j++) {
			buf_puts(b, j ? ", " : " ");
			model_time_fr_put(b, h->days[d].v[j].start);
			buf_puts(b, "\xe2\x80\x93");
			model_time_fr_put(b, h->days[d].v[j].end);
		}
	}
	if (h->precisions.s != NULL) {
		size_t n = strlen(h->precisions.s);

		while (n > 0 && h->precisions.s[n - 1] == '.')
			n--;
		buf_printf(b, "%s%.*s%s", b->len > start ? " (" : "",
		    (int)n, h->precisions.s, b->len > start ? ")" : "");
	}
}

/* label with a lowercase first letter ("Sur rendez-vous" -> "sur …"). */
static char *
S_lower_first(const char *label)
{
	char	*s = xstrdup(label);

	if (s[0] >= 'A' && s[0] <= 'Z')
		s[0] = (char)(s[0] - 'A' + 'a');
	return s;
}

/* Appends a phrase to c's list (taking it). */
static void
S_news_item(struct news_change *c, char *phrase)
{
	c->items = xreallocarray(c->items, c->nitems + 1, sizeof(*c->items));
	c->items[c->nitems++] = phrase;
}

/* Whether p has an action titled t. */
static int
S_has_action(const struct partner *p, const char *t)
{
	size_t	 i;

	for (i = 0; i < p->nactions; i++)
		if (p->actions[i].titre.s != NULL &&
		    strcmp(p->actions[i].titre.s, t) == 0)
			return 1;
	return 0;
}

/* What changed from q (previous edition) to p, and to what. */
static void
S_changes(const struct partner *q, const struct partner *p,
    struct news_change *c)
{
	struct buf	 b;
	size_t		 i;
	unsigned	 k;

#define	DIFF(key)	(page_fields_diff(q, p, PF_SKIP_BODY, \
	    (const char *const[]){ key, NULL }, "", NULL) > 0)
	buf_init(&b);
	if (DIFF("telephone"))
		S_news_item(c, p->telephone.display ? xasprintf("nouveau "
		    "téléphone : %s", p->telephone.display) :
		    xstrdup("plus de téléphone"));
	if (DIFF("adresse")) {
		const struct address *a = &p->adresse;

		buf_reset(&b);
		if (a->rue.s)
			buf_printf(&b, "%s", a->rue.s);
		if (a->complement.s)
			buf_printf(&b, "%s%s", b.len ? ", " : "",
			    a->complement.s);
		if (a->code_postal.s || a->ville.s)
			buf_printf(&b, "%s%s%s%s", b.len ? ", " : "",
			    a->code_postal.s ? a->code_postal.s : "",
			    a->code_postal.s && a->ville.s ? " " : "",
			    a->ville.s ? a->ville.s : "");
		S_news_item(c, b.len ? xasprintf("nouvelle adresse : %s",
		    buf_cstr(&b)) : xstrdup("plus d'adresse"));
	}
	if (DIFF("horaires")) {
		buf_reset(&b);
		S_hours_short(&b, &p->horaires);
		S_news_item(c, b.len ? xasprintf("nouveaux horaires : %s",
		    buf_cstr(&b)) : xstrdup("plus d'horaires"));
	}
	if (DIFF("acces")) {
		buf_reset(&b);
		for (k = 0; k < MOD__COUNT; k++)
			if (p->modalites & (1u << k)) {
				char *l = S_lower_first(model_modalite_label(
				    (enum modalite)(1 << k)));

				buf_printf(&b, "%s%s", b.len ? ", " : "", l);
				free(l);
			}
		if (model_cout_label(p->cout) != NULL) {
			char *l = S_lower_first(model_cout_label(p->cout));

			buf_printf(&b, "%s%s", b.len ? ", " : "", l);
			free(l);
		}
		S_news_item(c, xasprintf("accès : %s", b.len ? buf_cstr(&b) :
		    "à demander"));
	}
	if (DIFF("courriel"))
		S_news_item(c, p->courriel.s ? xasprintf("nouveau courriel : %s",
		    p->courriel.s) : xstrdup("plus de courriel"));
	if (DIFF("site")) {
		char *l = p->site.s ? model_url_label(p->site.s) : NULL;

		S_news_item(c, l ? xasprintf("nouveau site : %s", l) :
		    xstrdup("plus de site web"));
		free(l);
	}
	for (i = 0; i < p->nactions; i++)
		if (p->actions[i].titre.s != NULL &&
		    !S_has_action(q, p->actions[i].titre.s))
			S_news_item(c, xasprintf("nouvelle action : « %s »",
			    p->actions[i].titre.s));
	for (i = 0; i < q->nactions; i++)
		if (q->actions[i].titre.s != NULL &&
		    !S_has_action(p, q->actions[i].titre.s))
			S_news_item(c, xasprintf("action arrêtée : « %s »",
			    q->actions[i].titre.s));
#undef DIFF
	/* Sentences: "Nouveau téléphone : … Nouvelle adresse : …" */
	buf_reset(&b);
	for (i = 0; i < c->nitems; i++) {
		const char *t = c->items[i];

		buf_printf(&b, "%s%c%s.", i ? " " : "", t[0] >= 'a' &&
		    t[0] <= 'z' ? t[0] - 'a' + 'A' : t[0], t + 1);
	}
	c->what = buf_detach(&b);
}

int
news_compute(const struct site *s, struct news *n, struct diags *d)
{
	struct diags	 ad;
	struct site	*old;
	char		*path, *was, *now;
	size_t		 i;

	memset(n, 0, sizeof(*n));
	if ((n->edition = S_previous(s)) == 0)
		return 1;
	path = xasprintf("%s/archives/%d", s->content_dir, n->edition);
	diags_init(&ad);
	old = load_content(path, &ad);
	if (old != NULL)
		S_warn_dropped(&ad, n->edition, d);
	else
		diags_append(d, &ad);	/* why it cannot be read */
	diags_free(&ad);
	if (old == NULL) {
		diag_error(d, path, 0, 0, "cannot read the archive of the "
		    "%d edition", n->edition);
		free(path);
		n->edition = 0;
		return 0;
	}
	free(path);
	n->added = xcalloc(s->npartners + 1, sizeof(*n->added));
	n->changed = xcalloc(s->npartners + 1, sizeof(*n->changed));
	n->left = xcalloc(old->npartners + 1, sizeof(*n->left));
	n->renamed = xcalloc(s->npartners + 1, sizeof(*n->renamed));
	for (i = 0; i < s->npartners; i++) {
		const struct partner *p = &s->partners[i];
		const struct partner *q = model_partner(old, p->slug);
		struct news_change *c = &n->changed[n->nchanged];

		if (q == NULL) {
			n->added[n->nadded++] = p;
			continue;
		}
		was = model_display_name(q);
		now = model_display_name(p);
		if (strcmp(was, now) != 0) {
			n->renamed[n->nrenamed].p = p;
			n->renamed[n->nrenamed++].before = was;
		} else
			free(was);
		free(now);
		c->p = p;
		S_changes(q, p, c);
		if (c->nitems > 0)
			n->nchanged++;
		else
			free(c->what);
	}
	{
		struct partner **byname = model_sorted_by_name(old);

		for (i = 0; i < old->npartners; i++)
			if (model_partner(s, byname[i]->slug) == NULL)
				n->left[n->nleft++] =
				    model_display_name(byname[i]);
		free(byname);
	}
	model_free(old);
	return 1;
}

void
news_free(struct news *n)
{
	size_t	 i;

	for (i = 0; i < n->nleft; i++)
		free(n->left[i]);
	for (i = 0; i < n->nchanged; i++) {
		size_t j;

		for (j = 0; j < n->changed[i].nitems; j++)
			free(n->changed[i].items[j]);
		free(n->changed[i].items);
		free(n->changed[i].what);
	}
	for (i = 0; i < n->nrenamed; i++)
		free(n->renamed[i].before);
	free(n->renamed);
	free(n->left);
	free(n->changed);
	free(n->added);
	memset(n, 0, sizeof(*n));
}
