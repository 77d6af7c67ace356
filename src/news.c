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
	return n->edition > 0 && (n->nadded || n->nleft || n->nchanged);
}

int
news_compute(const struct site *s, struct news *n, struct diags *d)
{
	static const struct { const char *key, *label; } groups[] = {
		{ "telephone", "téléphone" }, { "adresse", "adresse" },
		{ "horaires", "horaires" }, { "acces", "accès" },
	};
	struct diags	 ad;
	struct site	*old;
	struct buf	 b;
	char		*path;
	size_t		 i, g;

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
	buf_init(&b);
	for (i = 0; i < s->npartners; i++) {
		const struct partner *p = &s->partners[i];
		const struct partner *q = model_partner(old, p->slug);

		if (q == NULL) {
			n->added[n->nadded++] = p;
			continue;
		}
		buf_reset(&b);
		for (g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
			const char *only[] = { groups[g].key, NULL };

			if (page_fields_diff(q, p, PF_SKIP_BODY, only, "",
			    NULL) > 0)
				buf_printf(&b, "%s%s", b.len ? ", " : "",
				    groups[g].label);
		}
		if (b.len > 0) {
			n->changed[n->nchanged].p = p;
			n->changed[n->nchanged++].what = xstrdup(buf_cstr(&b));
		}
	}
	{
		struct partner **byname = model_sorted_by_name(old);

		for (i = 0; i < old->npartners; i++)
			if (model_partner(s, byname[i]->slug) == NULL)
				n->left[n->nleft++] =
				    model_display_name(byname[i]);
		free(byname);
	}
	buf_free(&b);
	model_free(old);
	return 1;
}

void
news_free(struct news *n)
{
	size_t	 i;

	for (i = 0; i < n->nleft; i++)
		free(n->left[i]);
	for (i = 0; i < n->nchanged; i++)
		free(n->changed[i].what);
	free(n->left);
	free(n->changed);
	free(n->added);
	memset(n, 0, sizeof(*n));
}
