/*
 * import_show.c — what import decided, file by file; see import_show.h.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "import.h"
#include "import_decide.h"
#include "import_inbox.h"
#include "import_show.h"
#include "model.h"
#include "page_fields.h"
#include "util.h"

size_t
import_show_nchanges(const struct import_item *it)
{
	if (it->cur == NULL || it->p == NULL)
		return 0;
	return page_fields_diff(it->cur, it->p, PF_SKIP_FOLLOWUP |
	    PF_SKIP_DATE, NULL, "", NULL);
}

/* The values of group g in p, joined with "; " ("-" when none). */
static char *
S_values(const struct partner *p, const char *g)
{
	struct pfields	 fs;
	struct buf	 b;
	size_t		 i, l = strlen(g);

	if (strcmp(g, "body") == 0) {
		size_t n = 0;
		const char *s;

		for (s = p->body; s != NULL && *s != '\0'; s++)
			n += *s == '\n';
		return p->body != NULL ? xasprintf(ngettext("%zu line",
		    "%zu lines", n ? n : 1), n ? n : 1) : xstrdup("-");
	}
	page_fields(p, &fs);
	buf_init(&b);
	for (i = 0; i < fs.n; i++)
		if (strncmp(fs.v[i].key, g, l) == 0 && (fs.v[i].key[l] ==
		    '\0' || fs.v[i].key[l] == '.'))
			buf_printf(&b, "%s%s", b.len ? "; " : "",
			    fs.v[i].value);
	page_fields_free(&fs);
	if (b.len == 0)
		buf_puts(&b, "-");
	return buf_detach(&b);
}

/* The files set aside for it: identical copies, older ones. */
static void
S_aside(const struct import_item *v, size_t n, const struct import_item *it,
    struct buf *out)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (v[i].taken != it)
			continue;
		if (v[i].fate == IF_SAME)
			buf_printf(out, _("  same as this file, counted once: "
			    "%s\n"), v[i].f->path);
		else if (it->why == IW_STAMP)
			buf_printf(out, _("  older, not taken: %s (saved "
			    "%s; this file was saved %s)\n"), v[i].f->path,
			    v[i].f->stamp, it->f->stamp);
		else
			buf_printf(out, _("  older, not taken: %s (a lower "
			    "copy number than this file's)\n"), v[i].f->path);
	}
}

static void
S_identity(const struct import_item *it, struct buf *out)
{
	const struct partner *q = it->cur;

	buf_printf(out, "%s%s ← %s:", it->fate == IF_QUESTION ? "? " :
	    it->fate == IF_CONFLICT ? "! " : "", q->slug, it->f->path);
	if (strcmp(q->nom.s, it->p->nom.s) != 0)
		buf_printf(out, _(" nom « %s » → « %s »"), q->nom.s,
		    it->p->nom.s);
	if ((q->sigle.s ? q->sigle.s : "")[0] != '\0' &&
	    strcmp(q->sigle.s, it->p->sigle.s ? it->p->sigle.s : "") != 0)
		buf_printf(out, _(" sigle « %s » → « %s »"), q->sigle.s,
		    it->p->sigle.s ? it->p->sigle.s : "");
	if (it->other != NULL)
		buf_printf(out, _(" (already the page %s)"), it->other->slug);
	buf_putc(out, '\n');
	if (it->accepted)
		buf_printf(out, _("  change of identity accepted "
		    "(--accept %s)\n"), q->slug);
	else
		buf_printf(out, _("  not applied: a page for another "
		    "structure? To apply it to %s: --accept %s; to add it as "
		    "a new partner: --as-new %s\n"), q->slug, q->slug,
		    q->slug);
}

static void
S_conflicts(const struct import_item *it, struct buf *out)
{
	char	 iso[11], *a, *b;
	size_t	 i, open = 0;

	date_iso(&it->asked, iso);
	for (i = 0; i < it->nconflicts; i++) {
		const struct import_conflict *c = &it->conflicts[i];
		const char *lbl = page_fields_label(c->key);

		/* The coordinator's value is in mine until resolved 2. */
		a = S_values(c->resolved == 2 ? it->p : it->mine, c->key);
		b = S_values(c->resolved == 2 ? it->mine : it->p, c->key);
		buf_printf(out, _("  %s (%s:%s): changed by both since %s\n"),
		    lbl, it->slug, c->key, iso);
		buf_printf(out, _("    yours:   « %s »\n"), a);
		buf_printf(out, _("    partner: « %s »\n"), b);
		if (c->resolved == 1)
			buf_puts(out, _("    → the partner's (--take)\n"));
		else if (c->resolved == 2)
			buf_puts(out, _("    → yours (--keep)\n"));
		else
			open++;
		free(a);
		free(b);
	}
	if (open > 0)
		buf_printf(out, _("  not applied: say which for each field: "
		    "--take %s:FIELD (the partner's) or --keep %s:FIELD "
		    "(yours)\n"), it->slug, it->slug);
}

static void
S_taken(const struct import_item *v, size_t n, const struct import_item *it,
    const struct import_opts *o, struct buf *out)
{
	char	*name = xstrdup(it->p->nom.s), iso[11], old[11];
	size_t	 i, nch;

	if (it->cur == NULL)
		buf_printf(out, _("new partner: %s (%s), page %s.md\n"), name,
		    it->f->path, it->slug);
	else if (it->identity)
		S_identity(it, out);
	else {
		free(name);
		name = xstrdup(it->cur->nom.s);
		buf_printf(out, "%s%s (%s) ← %s\n", it->fate == IF_CONFLICT ?
		    "! " : "", name, it->slug, it->f->path);
	}
	free(name);
	if (it->why == IW_STAMP)
		buf_printf(out, _("  taken: the latest save of the form (%s)\n"),
		    it->f->stamp);
	else if (it->why == IW_COPY)
		buf_puts(out, _("  taken: the highest copy number\n"));
	S_aside(v, n, it, out);
	paste_note(&it->paste, "  ", out);
	if (it->cur == NULL) {
		buf_printf(out, _("  nom: « %s » (no partner has this nom or "
		    "sigle; if it is one, name the file SLUG.md)\n"),
		    it->p->nom.s);
		return;
	}
	if (it->fate == IF_CONFLICT && it->nobase) {
		date_iso(&it->asked, iso);
		buf_printf(out, _("  not applied: %s was modified since it was "
		    "sent on %s, and the page as sent is not kept: compare, "
		    "then import again with --force\n"), it->cur->path, iso);
	}
	nch = page_fields_diff(it->cur, it->p, PF_SKIP_FOLLOWUP | PF_SKIP_DATE,
	    NULL, "  ", out);
	date_iso(&it->p->mise_a_jour, iso);
	date_iso(&it->cur->mise_a_jour, old);
	if (nch == 0 && strcmp(old, iso) != 0)
		buf_printf(out, _("  confirmed, no change (%s: « %s » → "
		    "« %s »)\n"), page_fields_label("mise_a_jour"), old, iso);
	else if (it->redated && it->f->stamp[0] == '\0')
		buf_printf(out, _("  %s: « %s » → « %s » (the date of the "
		    "answer: the file gave %04d-%02d-%02d)\n"),
		    page_fields_label("mise_a_jour"), old, iso,
		    it->old_date.y, it->old_date.m, it->old_date.d);
	else if (nch == 0 && strcmp(old, iso) != 0)
		buf_printf(out, _("  confirmed, no change (%s: « %s » → "
		    "« %s »)\n"), page_fields_label("mise_a_jour"), old, iso);
	else if (nch == 0)
		buf_puts(out, _("  same as the current page\n"));
	else if (it->redated || strcmp(old, iso) != 0)
		buf_printf(out, _("  %s: « %s » → « %s »\n"),
		    page_fields_label("mise_a_jour"), old, iso);
	for (i = 0; i < it->nkept; i++)
		buf_printf(out, _("  %s: your change since the request is "
		    "kept\n"), page_fields_label(it->kept[i]));
	if (it->forced) {
		date_iso(&it->asked, iso);
		buf_printf(out, _("  note: %s was modified since it was sent on "
		    "%s; applied anyway (--force)\n"), it->cur->path, iso);
	}
	S_conflicts(it, out);
	(void)o;
}

void
import_show(const struct import_item *v, size_t n,
    const struct import_opts *o, struct buf *out)
{
	size_t	 i, j, m;
	const struct import_item *it;

	for (i = 0; i < n; i++) {
		it = &v[i];
		switch (it->fate) {
		case IF_INVALID:
			buf_printf(out, ngettext("invalid: %s: %zu error "
			    "(above), left in the folder\n", "invalid: %s: "
			    "%zu errors (above), left in the folder\n",
			    it->nerrors), it->f->path, it->nerrors);
			break;
		case IF_REFUSED:
			buf_printf(out, _("refused: %s: %s\n"), it->f->path,
			    import_inbox_what(it->f->kind));
			if (it->slug != NULL && o->apply)
				buf_printf(out, _("  recorded for %s as received, "
				    "not usable: 'annuaire campaign --relance' "
				    "tells it what went wrong\n"), it->slug);
			else if (it->slug != NULL)
				buf_printf(out, _("  for %s: with --apply, "
				    "recorded as received, not usable\n"),
				    it->slug);
			break;
		case IF_QUESTION:
			if (it->undecided) {
				/* Once per partner, at its first file. */
				for (j = 0; j < i; j++)
					if (v[j].undecided && v[j].slug &&
					    strcmp(v[j].slug, it->slug) == 0)
						break;
				if (j < i)
					break;
				for (j = i, m = 0; j < n; j++)
					m += v[j].undecided && v[j].slug &&
					    strcmp(v[j].slug, it->slug) == 0;
				buf_printf(out, _("? %s: %zu files differ, and "
				    "neither a form save time nor a copy number "
				    "tells which is the latest:\n"), it->slug, m);
				for (j = i; j < n; j++)
					if (v[j].undecided && v[j].slug &&
					    strcmp(v[j].slug, it->slug) == 0)
						buf_printf(out, "    %s\n",
						    v[j].f->path);
				buf_puts(out, _("  not applied: leave only the "
				    "right one in the folder, then import "
				    "again\n"));
				break;
			}
			/* FALLTHROUGH */
		case IF_TAKE:
		case IF_CONFLICT:
			S_taken(v, n, it, o, out);
			break;
		case IF_SAME:
		case IF_OLDER:
			break;	/* under the file taken */
		}
	}
}
