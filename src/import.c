/*
 * import.c — `annuaire import`: the steps in order, and the last one,
 * apply; see import.h.
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
#include "import_decide.h"
#include "import_inbox.h"
#include "import_show.h"
#include "model.h"
#include "page_write.h"
#include "util.h"

#define	IMPORT_MAX_COPY		((size_t)16 << 20)

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
S_apply(struct site *s, struct import_item *it, const char *arch,
    struct campaign *st, const struct date *today, struct diags *d)
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
		memset(&cp->recu, 0, sizeof(cp->recu));
		free(cp->inutilisable);
		cp->inutilisable = NULL;
		free(cp->empreinte);
		cp->empreinte = campaign_fingerprint(page);
	}
	free(page);
	return ok;
}

/* A return that is not a page: "received, not usable" for its partner. */
static void
S_refused(struct campaign *st, const struct import_item *it,
    const struct date *today)
{
	struct camp_partner *cp = campaign_state_get(st, it->slug, 1);

	if (campaign_date_set(&cp->reponse))
		return;		/* answered already: nothing to ask */
	cp->recu = *today;
	free(cp->inutilisable);
	cp->inutilisable = xstrdup(import_inbox_word(it->f->kind));
}

/* Counts: every file once. */
static void
S_import_count(const struct import_item *v, size_t n, struct import_counts *k)
{
	size_t	 i;

	k->files = n;
	for (i = 0; i < n; i++)
		switch (v[i].fate) {
		case IF_INVALID: k->invalid++; break;
		case IF_REFUSED: k->refused++; break;
		case IF_SAME:
		case IF_OLDER: k->superseded++; break;
		case IF_QUESTION: k->questions++; break;
		case IF_CONFLICT: k->conflicts++; break;
		case IF_TAKE:
			if (v[i].cur == NULL)
				k->added++;
			else if (import_show_nchanges(&v[i]) > 0)
				k->changed++;
			else
				k->confirmed++;
			break;
		}
}

int
import_run(struct site *s, const struct import_opts *o, struct buf *out,
    struct import_counts *k, struct diags *d)
{
	struct inbox_file *files = NULL;
	struct import_item *v = NULL;
	struct campaign	 st;
	struct date	 today;
	size_t		 n = 0, i;
	char		*arch = NULL;
	int		 ok = 0, dirty = 0, failed = 0;

	memset(k, 0, sizeof(*k));
	date_from_epoch(o->now, &today);
	if (!campaign_state_read(s->content_dir, &st, d))
		return 0;
	if (!import_inbox_read(o->inbox, &files, &n, d))
		goto out;
	if (!import_decide(s, o, &st, files, n, &v, d))
		goto out;
	import_show(v, n, o, out);
	S_import_count(v, n, k);
	if (!o->apply) {
		k->edition = st.edition;
		ok = 1;
		goto out;
	}
	/*
	 * The edition the replaced pages belong to: the one before the
	 * campaign's (site.yaml may already name the new one).
	 */
	arch = xasprintf("%s/archives/%d", s->content_dir,
	    st.edition > 0 && st.edition - 1 < s->edition ?
	    st.edition - 1 : s->edition);
	if (k->changed + k->confirmed + k->added > 0 && !S_snapshot(s, arch, d))
		goto out;
	if (st.edition == 0)
		st.edition = s->edition + 1;
	for (i = 0; i < n && !failed; i++) {
		if (v[i].fate == IF_REFUSED && v[i].slug != NULL) {
			S_refused(&st, &v[i], &today);
			dirty = 1;
		}
		if (v[i].fate != IF_TAKE)
			continue;
		if (!S_apply(s, &v[i], arch, &st, &today, d))
			failed = 1;
		else {
			dirty = 1;
			k->applied++;
		}
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
	for (i = 0; i < n; i++) {
		const struct import_item *it = &v[i];
		const char *sub = NULL;

		if (it->fate == IF_TAKE || ((it->fate == IF_SAME ||
		    it->fate == IF_OLDER) && it->taken->fate == IF_TAKE))
			sub = IMPORT_DONE;
		else if (it->fate == IF_REFUSED)
			sub = IMPORT_REFUSED;
		if (sub != NULL && !import_inbox_move(o->inbox, sub,
		    it->f->name, d))
			goto out;
	}
	k->edition = st.edition;
	ok = 1;
out:
	import_items_free(v, n);
	import_inbox_free(files, n);
	free(arch);
	campaign_state_free(&st);
	return ok;
}
