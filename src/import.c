/*
 * import.c — `annuaire import`; see import.h.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "campaign_state.h"
#include "diag.h"
#include "fault.h"
#include "i18n.h"
#include "import.h"
#include "load.h"
#include "model.h"
#include "page_fields.h"
#include "page_write.h"
#include "util.h"
#include "validate.h"

#define	IMPORT_MAX_FILES	1000000
#define	IMPORT_DONE		"traités"
#define	IMPORT_MAX_COPY		((size_t)16 << 20)

/* One file of the inbox. */
struct item {
	char		*name;		/* file name in the inbox */
	char		*path;		/* INBOX/name */
	long long	 mtime;
	struct partner	*p;		/* loaded, NULL when invalid */
	char		*slug;		/* target partner */
	const struct partner *cur;	/* current page, NULL: new partner */
	struct item	*newer;		/* superseded by */
	size_t		 nchanges;	/* fields changed (no date/suivi) */
	int		 conflict;	/* page modified since asked */
	int		 applied;	/* its page written (--apply) */
};

/* Fold for matching: lowercase, no accents, only letters and digits. */
static char *
S_match_key(const char *s)
{
	char	*f = str_fold(s ? s : ""), *r, *w;

	for (r = w = f; *r != '\0'; r++)
		if (isalnum((unsigned char)*r) || (unsigned char)*r >= 0x80)
			*w++ = *r;
	*w = '\0';
	return f;
}

/*
 * The slug a file name gives: the name without extension nor the marks
 * of a copy (" (2)", "(1)", " - Copie", " - Copy").
 */
static char *
S_stem(const char *name)
{
	char	*s = xstrdup(name), *dot, *e;
	size_t	 n;

	if ((dot = strrchr(s, '.')) != NULL && dot != s)
		*dot = '\0';
	for (;;) {
		n = strlen(s);
		while (n > 0 && s[n - 1] == ' ')
			s[--n] = '\0';
		if (n > 0 && s[n - 1] == ')' && (e = strrchr(s, '(')) != NULL &&
		    e[1] != ')' && strspn(e + 1, "0123456789") ==
		    (size_t)(s + n - 1 - (e + 1))) {
			*e = '\0';
			continue;
		}
		if (n > 8 && (strcmp(s + n - 8, " - Copie") == 0 ||
		    strcmp(s + n - 7, " - Copy") == 0)) {
			*strrchr(s, '-') = '\0';
			continue;
		}
		break;
	}
	return s;
}

/* The partner this page is, or NULL (a new one). */
static const struct partner *
S_match(const struct site *s, const char *name, const struct partner *p,
    const char **how)
{
	char		*stem = S_stem(name), *kn, *ks, *a, *b;
	const struct partner *q = model_partner(s, stem);
	size_t		 i;

	free(stem);
	if (q != NULL) {
		*how = "file name";
		return q;
	}
	kn = S_match_key(p->nom.s);
	ks = p->sigle.s ? S_match_key(p->sigle.s) : NULL;
	for (i = 0; i < s->npartners && q == NULL; i++) {
		a = S_match_key(s->partners[i].nom.s);
		b = s->partners[i].sigle.s ?
		    S_match_key(s->partners[i].sigle.s) : NULL;
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

/* The file taken among those for the same partner as it. */
static const struct item *
S_final(const struct item *it)
{
	while (it->newer != NULL)
		it = it->newer;
	return it;
}

/*
 * A new partner's slug must name no page yet: "nom-2", "nom-3"... when
 * another partner (or a page with errors) has it.
 */
static void
S_free_slug(const struct site *s, char **slug)
{
	char	*page, *try = xstrdup(*slug);
	int	 n = 1;

	for (;;) {
		page = xasprintf("%s/partenaires/%s.md", s->content_dir, try);
		if (model_partner(s, try) == NULL && access(page, F_OK) == -1)
			break;
		free(page);
		free(try);
		try = xasprintf("%s-%d", *slug, ++n);
	}
	free(page);
	free(*slug);
	*slug = try;
}

static int
S_cmp_items(const void *a, const void *b)
{
	return strcmp(((const struct item *)a)->name,
	    ((const struct item *)b)->name);
}

/* The regular files of the inbox, sorted by name. */
static struct item *
S_inbox_list(const char *inbox, size_t *n, struct diags *d)
{
	DIR		*dir;
	struct dirent	*e;
	struct item	*v = NULL;
	struct stat	 st;
	char		*path;

	*n = 0;
	if ((dir = opendir(inbox)) == NULL) {
		diag_error(d, inbox, 0, 0, "cannot read the folder: %s",
		    strerror(errno));
		return NULL;
	}
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.' || e->d_name[strlen(e->d_name) - 1] ==
		    '~')
			continue;
		path = path_join(inbox, e->d_name);
		if (stat(path, &st) == -1 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		if (*n == IMPORT_MAX_FILES) {
			diag_error(d, inbox, 0, 0, "more than %d files: only "
			    "the first ones are read", IMPORT_MAX_FILES);
			free(path);
			break;
		}
		v = xreallocarray(v, *n + 1, sizeof(*v));
		memset(&v[*n], 0, sizeof(*v));
		v[*n].name = xstrdup(e->d_name);
		v[*n].path = path;
		v[*n].mtime = (long long)st.st_mtim.tv_sec * 1000000000LL +
		    st.st_mtim.tv_nsec;
		(*n)++;
	}
	closedir(dir);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), S_cmp_items);
	if (v == NULL)
		v = xcalloc(1, sizeof(*v));
	return v;
}

/*
 * A folder import writes into: created if missing, never through a
 * symbolic link (mkdir_nofollow()).
 */
static int
S_mkdir(const char *dir, struct diags *d)
{
	if (mkdir_nofollow(dir))
		return 1;
	if (errno == ELOOP)
		diag_error(d, dir, 0, 0, "is a symbolic link: import writes "
		    "only into real folders; remove the link");
	else
		diag_error(d, dir, 0, 0, "cannot create: %s", strerror(errno));
	return 0;
}

/* Copy a file, atomically at the destination. */
static int
S_copy_atomic(const char *from, const char *to, struct diags *d)
{
	char	*data;
	size_t	 len;
	int	 ok;

	if (!file_read(from, IMPORT_MAX_COPY, &data, &len)) {
		diag_error(d, from, 0, 0, "cannot read: %s", strerror(errno));
		return 0;
	}
	if (!(ok = file_write_atomic(to, data, len)))
		diag_error(d, to, 0, 0, "cannot write: %s", strerror(errno));
	free(data);
	return ok;
}

/* Copy the regular files of from/ into to/ (sub-folders too, 4 deep). */
static int
S_copy_dir(const char *from, const char *to, int depth, struct diags *d)
{
	DIR		*dir;
	struct dirent	*e;
	struct stat	 st;
	char		*a, *b;
	int		 ok = 1;

	if ((dir = opendir(from)) == NULL)
		return errno == ENOENT;
	if (!mkdir_p(to)) {
		diag_error(d, to, 0, 0, "cannot create: %s", strerror(errno));
		closedir(dir);
		return 0;
	}
	while (ok && (e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		a = path_join(from, e->d_name);
		b = path_join(to, e->d_name);
		/* Not the temporary files of a write under way. */
		if (strstr(e->d_name, ".tmp-") != NULL ||
		    lstat(a, &st) == -1)
			;
		else if (S_ISREG(st.st_mode))
			ok = S_copy_atomic(a, b, d);
		else if (S_ISDIR(st.st_mode) && depth < 4)
			ok = S_copy_dir(a, b, depth + 1, d);
		free(a);
		free(b);
	}
	closedir(dir);
	return ok;
}

/*
 * Archive the edition as it stands, once: content/archives/<E>/ with
 * site.yaml, partenaires/ and logos/, built aside then renamed.
 */
static int
S_snapshot(const struct site *s, const char *arch, struct diags *d)
{
	char		*tmp, *a = NULL, *b = NULL;
	struct stat	 st;
	int		 ok = 0;

	if (lstat(arch, &st) == 0)
		return S_mkdir(arch, d);	/* a folder, not a link */
	tmp = xasprintf("%s.tmp-XXXXXX", arch);
	{
		char *parent = xstrdup(arch), *sl = strrchr(parent, '/');

		if (sl)
			*sl = '\0';
		if (!S_mkdir(parent, d)) {
			free(parent);
			free(tmp);
			return 0;
		}
		free(parent);
	}
	if (mkdtemp(tmp) == NULL) {
		diag_error(d, arch, 0, 0, "cannot create: %s", strerror(errno));
		free(tmp);
		return 0;
	}
	a = path_join(tmp, "site.yaml");
	if (!S_copy_atomic(s->path, a, d))
		goto out;
	free(a);
	a = path_join(s->content_dir, "partenaires");
	b = path_join(tmp, "partenaires");
	if (!S_copy_dir(a, b, 4, d))
		goto out;
	free(a);
	free(b);
	a = path_join(s->content_dir, "logos");
	b = path_join(tmp, "logos");
	if (!S_copy_dir(a, b, 0, d))
		goto out;
	fault_point("snapshot");
	if (rename(tmp, arch) == -1) {
		diag_error(d, arch, 0, 0, "cannot create: %s", strerror(errno));
		goto out;
	}
	ok = 1;
out:
	if (!ok)
		(void)remove_tree(tmp);
	free(tmp);
	free(a);
	free(b);
	return ok;
}

/* Whether the file at path holds exactly data (a missing one: no). */
static int
S_same_as(const char *path, const void *data, size_t len)
{
	char	*a = NULL;
	size_t	 la;
	int	 same;

	same = file_read(path, IMPORT_MAX_COPY, &a, &la) && la == len &&
	    memcmp(a, data, la) == 0;
	free(a);
	return same;
}

/*
 * Keep the page about to be replaced (its bytes, cur), unless the
 * snapshot has it or an import that stopped kept it today already.
 */
static int
S_keep(const char *arch, const char *slug, const char *cur, size_t len,
    const struct date *today, struct diags *d)
{
	char	*snap, *dir = NULL, *to = NULL, iso[11];
	struct stat st;
	int	 ok = 1, n;

	snap = xasprintf("%s/partenaires/%s.md", arch, slug);
	if (S_same_as(snap, cur, len))
		goto out;
	dir = path_join(arch, "remplacees");
	if (!S_mkdir(dir, d)) {
		ok = 0;
		goto out;
	}
	date_iso(today, iso);
	for (n = 1;; n++) {
		free(to);
		to = n == 1 ? xasprintf("%s/%s-%s.md", dir, slug, iso) :
		    xasprintf("%s/%s-%s-%d.md", dir, slug, iso, n);
		if (lstat(to, &st) == -1)
			break;
		if (S_same_as(to, cur, len))
			goto out;	/* kept by an import that stopped */
	}
	if (!(ok = file_write_atomic(to, cur, len)))
		diag_error(d, to, 0, 0, "cannot write: %s", strerror(errno));
out:
	free(snap);
	free(dir);
	free(to);
	return ok;
}

/* Move a processed file into INBOX/traités/ (never over another). */
static int
S_done(const char *inbox, const struct item *it, struct diags *d)
{
	char	*dir = path_join(inbox, IMPORT_DONE), *to = NULL, *dot;
	struct stat st;
	int	 n, ok = 1;

	if (!S_mkdir(dir, d)) {
		free(dir);
		return 0;
	}
	for (n = 1;; n++) {
		free(to);
		if (n == 1)
			to = path_join(dir, it->name);
		else {
			char *base = xstrdup(it->name);

			dot = strrchr(base, '.');
			if (dot != NULL && dot != base) {
				*dot = '\0';
				to = xasprintf("%s/%s (%d).%s", dir, base, n,
				    dot + 1);
			} else
				to = xasprintf("%s/%s (%d)", dir, base, n);
			free(base);
		}
		if (lstat(to, &st) == -1)
			break;
	}
	fault_point("move");
	if (rename(it->path, to) == -1) {
		diag_error(d, it->path, 0, 0, "cannot move into %s: %s", dir,
		    strerror(errno));
		ok = 0;
	}
	free(to);
	free(dir);
	return ok;
}

/* The page to write: the answer, with the coordinator's follow-up. */
static void
S_followup(struct partner *p, const struct partner *cur)
{
	p->suivi = SUIVI_OK;
	free(p->note_suivi.s);
	p->note_suivi.s = cur && cur->note_suivi.s ?
	    xstrdup(cur->note_suivi.s) : NULL;
}

static int
S_apply(struct site *s, const struct import_opts *o, struct item *it,
    const char *arch, struct campaign *st, const struct date *today,
    struct diags *d)
{
	char		*page, *dir, *cur = NULL;
	size_t		 len = 0;
	struct buf	 b;
	struct camp_partner *cp;
	int		 ok;

	dir = path_join(s->content_dir, "partenaires");
	page = xasprintf("%s/%s.md", dir, it->slug);
	free(dir);
	S_followup(it->p, it->cur);
	buf_init(&b);
	page_write(it->p, &b);
	/* The current page, read once: none for a new partner. */
	if (!file_read(page, IMPORT_MAX_COPY, &cur, &len) && errno != ENOENT) {
		diag_error(d, page, 0, 0, "cannot read: %s", strerror(errno));
		ok = 0;
	} else if (cur != NULL && len == b.len && memcmp(cur, b.data, len) == 0)
		ok = 1;		/* written by an import that stopped */
	else if (cur != NULL && !S_keep(arch, it->slug, cur, len, today, d))
		ok = 0;
	else if (!(ok = file_write_atomic(page, b.data, b.len)))
		diag_error(d, page, 0, 0, "cannot write: %s", strerror(errno));
	free(cur);
	buf_free(&b);
	if (ok) {
		cp = campaign_state_get(st, it->slug, 1);
		cp->reponse = *today;	/* the reminder's date stays */
		free(cp->empreinte);
		cp->empreinte = campaign_fingerprint(page);
	}
	free(page);
	(void)o;
	return ok;
}

int
import_run(struct site *s, const struct import_opts *o, struct buf *out,
    struct import_counts *k, struct diags *d)
{
	struct item	*v;
	struct campaign	 st;
	struct date	 today;
	size_t		 n, i, j, before;
	const char	*how = NULL;
	char		*arch = NULL, *fp, iso[11], *slug;
	int		 ok = 0, dirty = 0, failed = 0;

	memset(k, 0, sizeof(*k));
	date_from_epoch(o->now, &today);
	if (!campaign_state_read(s->content_dir, &st, d))
		return 0;
	if ((v = S_inbox_list(o->inbox, &n, d)) == NULL) {
		campaign_state_free(&st);
		return 0;
	}
	k->files = n;
	/* Load and match every file. */
	for (i = 0; i < n; i++) {
		struct item *it = &v[i];

		slug = S_stem(it->name);
		before = d->errors;
		it->p = load_page(s, it->path, validate_slug(slug) ? slug : "",
		    d);
		free(slug);
		if (it->p == NULL) {
			k->invalid++;
			buf_printf(out, ngettext("invalid: %s: %zu error "
			    "(above), left in the folder\n", "invalid: %s: "
			    "%zu errors (above), left in the folder\n",
			    d->errors - before), it->path, d->errors - before);
			continue;
		}
		it->cur = S_match(s, it->name, it->p, &how);
		it->slug = it->cur ? xstrdup(it->cur->slug) :
		    validate_slugify(it->p->nom.s);
		if (it->slug[0] == '\0') {
			free(it->slug);
			it->slug = xstrdup("partenaire");
		}
		if (it->cur == NULL)
			S_free_slug(s, &it->slug);
		free(it->p->slug);
		it->p->slug = xstrdup(it->slug);
	}
	/* Two files for one partner: the newer is taken. */
	for (i = 0; i < n; i++) {
		if (v[i].p == NULL)
			continue;
		for (j = 0; j < n; j++) {
			if (j == i || v[j].p == NULL || v[j].newer != NULL ||
			    strcmp(v[i].slug, v[j].slug) != 0)
				continue;
			if (v[j].mtime > v[i].mtime || (v[j].mtime ==
			    v[i].mtime && j > i)) {
				v[i].newer = &v[j];
				k->superseded++;
				break;
			}
		}
	}
	if (o->apply) {
		/*
		 * The edition the replaced pages belong to: the one before
		 * the campaign's (site.yaml may already name the new one).
		 */
		arch = xasprintf("%s/archives/%d", s->content_dir,
		    st.edition > 0 && st.edition - 1 < s->edition ?
		    st.edition - 1 : s->edition);
		if (!S_snapshot(s, arch, d))
			goto out;
		if (st.edition == 0)
			st.edition = s->edition + 1;
	}
	for (i = 0; i < n; i++) {
		struct item *it = &v[i];
		struct camp_partner *cp;
		size_t all;

		if (it->p == NULL || it->newer != NULL)
			continue;
		buf_printf(out, it->cur ? "%s ← %s\n" : _("new partner: %s "
		    "← %s\n"), it->slug, it->path);
		for (j = 0; j < n; j++)
			if (&v[j] != it && S_final(&v[j]) == it)
				buf_printf(out, _("  older file, not taken: "
				    "%s\n"),
				    v[j].path);
		if (it->cur == NULL) {
			k->added++;
			buf_printf(out, _("  nom: \"%s\" (no partner has this "
			    "nom or sigle; if it is one, name the file "
			    "SLUG.md)\n"), it->p->nom.s);
		} else {
			it->nchanges = page_fields_diff(it->cur, it->p,
			    PF_SKIP_FOLLOWUP | PF_SKIP_DATE, NULL, "  ", out);
			all = page_fields_diff(it->cur, it->p,
			    PF_SKIP_FOLLOWUP | PF_SKIP_BODY, NULL, "", NULL);
			if (it->nchanges == 0 && all > 0) {
				k->confirmed++;
				buf_printf(out, _("  confirmed, no change "
				    "(mise_a_jour: %04d-%02d-%02d → "
				    "%04d-%02d-%02d)\n"), it->cur->mise_a_jour.y,
				    it->cur->mise_a_jour.m,
				    it->cur->mise_a_jour.d, it->p->mise_a_jour.y,
				    it->p->mise_a_jour.m, it->p->mise_a_jour.d);
			} else if (it->nchanges == 0)
				buf_puts(out, _("  same as the current "
				    "page\n"));
			else
				k->changed++;
			cp = campaign_state_get(&st, it->slug, 0);
			if (it->nchanges > 0 && cp && cp->empreinte &&
			    (fp = campaign_fingerprint(it->cur->path)) != NULL) {
				if (strcmp(fp, cp->empreinte) != 0) {
					it->conflict = 1;
					date_iso(&cp->demande, iso);
					if (o->force)
						buf_printf(out, _("  note: %s "
						    "was modified since it was "
						    "sent on %s; applied anyway "
						    "(--force)\n"), it->cur->path,
						    iso);
					else {
						k->conflicts++;
						buf_printf(out, _("  not "
						    "applied: %s was modified "
						    "since it was sent on %s; "
						    "compare, then import again "
						    "with --force\n"), it->cur->path,
						    iso);
					}
				}
				free(fp);
			}
		}
		if (!o->apply || (it->conflict && !o->force))
			continue;
		if (!S_apply(s, o, it, arch, &st, &today, d)) {
			failed = 1;
			break;
		}
		it->applied = 1;
		dirty = 1;
		k->applied++;
	}
	/*
	 * The follow-up state of the pages written, then their files out
	 * of the inbox, in that order: a file leaves the inbox only when
	 * its page and its state are on disk.  Stopped before (a full
	 * disk), the next import takes the same files again; a page it
	 * already wrote is left as it is (S_apply()), so that run ends as
	 * one that was never stopped.
	 */
	if (dirty && !campaign_state_write(s->content_dir, &st, d))
		goto out;
	if (failed)
		goto out;
	for (i = 0; i < n; i++)
		for (j = 0; v[i].applied && j < n; j++)
			if (S_final(&v[j]) == &v[i] &&
			    !S_done(o->inbox, &v[j], d))
				goto out;
	k->edition = st.edition;
	ok = 1;
out:
	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
		free(v[i].slug);
		if (v[i].p != NULL) {
			model_partner_free(v[i].p);
			free(v[i].p);
		}
	}
	free(v);
	free(arch);
	campaign_state_free(&st);
	return ok;
}
