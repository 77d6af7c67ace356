/*
 * outdir.c — the output folder: lock, ownership check, one unit of real
 * files published by one exchange or by two journaled renames (see
 * outdir.h).  Every removal, walk and check goes through folder
 * descriptors opened with O_NOFOLLOW: a symbolic link is never followed.
 */
#define _GNU_SOURCE	/* renameat2 */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fault.h"
#include "i18n.h"
#include "outdir.h"
#include "util.h"

/* Every name an older annuaire published directly in OUT. */
static const char *const S_names[] = { "site", "livret.pdf",
    "livret-impression.pdf", "livret-imprimeur.pdf",
    "livret-partenaires.pdf" };
#define	S_NNAMES	(sizeof(S_names) / sizeof(S_names[0]))

/* The first foreign files named one by one; the rest are counted. */
#define	S_MAXFOREIGN	10

/* Open flags of a folder that must not be a link. */
#define	S_ODIR	(O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)

/* A sorted list of relative paths (the manifest of a unit). */
struct S_list {
	char	**v;
	size_t	  n, cap;
};

/* Append s (owned) to l. */
static void
S_list_add(struct S_list *l, char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n++] = s;
}

static void
S_list_free(struct S_list *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* What an entry of folder dfd is: 'd', 'f' (any non-link), 'l', or 0. */
static int
S_outdir_kind(int dfd, const char *name)
{
	struct stat	 st;

	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1)
		return 0;
	return S_ISLNK(st.st_mode) ? 'l' : S_ISDIR(st.st_mode) ? 'd' : 'f';
}

/*
 * Remove the entry name of folder dfd and, for a real folder,
 * everything under it; a link is removed, never followed.  Returns 0
 * with errno set on failure; an absent entry is no failure.
 */
static int
S_rmtree_at(int dfd, const char *name)
{
	DIR		*dir;
	struct dirent	*e;
	int		 fd, ok = 1, k = S_outdir_kind(dfd, name);

	if (k == 0)
		return errno == ENOENT;
	if (k != 'd')
		return unlinkat(dfd, name, 0) == 0;
	if ((fd = openat(dfd, name, S_ODIR)) == -1)
		return 0;
	if ((dir = fdopendir(fd)) == NULL) {
		close(fd);
		return 0;
	}
	while ((e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (!S_rmtree_at(fd, e->d_name))
			ok = 0;
	}
	closedir(dir);
	if (unlinkat(dfd, name, AT_REMOVEDIR) == -1)
		ok = 0;
	return ok;
}

/*
 * Append the files and folders under folder dfd (folders end in '/',
 * links in '@': no manifest lists those), prefixed by rel.  Returns 0
 * with errno set on a read failure.
 */
static int
S_walk_at(int dfd, const char *rel, struct S_list *l)
{
	DIR		*dir;
	struct dirent	*e;
	char		*sub;
	int		 fd, ok = 1, k;

	if ((fd = dup(dfd)) == -1)
		return 0;
	if ((dir = fdopendir(fd)) == NULL) {
		close(fd);
		return 0;
	}
	while (ok && (errno = 0, e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		sub = *rel ? xasprintf("%s/%s", rel, e->d_name) :
		    xstrdup(e->d_name);
		k = S_outdir_kind(dfd, e->d_name);
		if (k == 'd') {
			S_list_add(l, xasprintf("%s/", sub));
			if ((fd = openat(dfd, e->d_name, S_ODIR)) == -1)
				ok = 0;
			else {
				ok = S_walk_at(fd, sub, l);
				close(fd);
			}
		} else if (k == 'l')
			S_list_add(l, xasprintf("%s@", sub));
		else if (k != 0)
			S_list_add(l, xstrdup(sub));
		else
			ok = 0;
		free(sub);
	}
	if (ok && errno != 0)
		ok = 0;
	closedir(dir);
	return ok;
}

/* Whether entry name of folder dfd is a link whose text is `text`. */
static int
S_is_link_to(int dfd, const char *name, const char *text)
{
	char	 buf[256];
	ssize_t	 n;

	n = readlinkat(dfd, name, buf, sizeof(buf) - 1);
	if (n < 0 || (size_t)n >= sizeof(buf) - 1)
		return 0;
	buf[n] = '\0';
	return strcmp(buf, text) == 0;
}

/* Whether OUT/NAME is the link of the layout before this one. */
static int
S_is_old_link(const struct outdir *od, const char *name)
{
	char	*t = xasprintf(".annuaire/current/%s", name);
	int	 yes = S_is_link_to(od->outfd, name, t);

	free(t);
	return yes;
}

/* The diagnostic of a foreign entry at path. */
static void
S_foreign(const struct outdir *od, const char *path, struct diags *d)
{
	diag_error(d, path, 0, 0, "was not written by annuaire and would be "
	    "replaced by this build: move it out of %s, or build into "
	    "another folder (-o)", od->out);
}

/*
 * Take the build lock of OUT (OUT/.annuaire.lock, flock).  *existed
 * tells whether the lock file was there before: OUT has seen a build.
 */
static int
S_lock(struct outdir *od, int *existed, struct diags *d)
{
	char	*lock = path_join(od->out, ".annuaire.lock");
	int	 fd, k = S_outdir_kind(od->outfd, ".annuaire.lock");

	*existed = k != 0;
	if (k == 'l' || k == 'd') {
		S_foreign(od, lock, d);
		free(lock);
		return 0;
	}
	if ((fd = openat(od->outfd, ".annuaire.lock", O_RDWR | O_CREAT |
	    O_NOFOLLOW | O_CLOEXEC, 0644)) == -1) {
		diag_error(d, lock, 0, 0, "cannot create: %s", strerror(errno));
		free(lock);
		return 0;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno == EWOULDBLOCK)
			diag_error(d, od->out, 0, 0, "another build is writing "
			    "this folder: wait until it ends, then try again");
		else
			diag_error(d, lock, 0, 0, "cannot lock: %s",
			    strerror(errno));
		close(fd);
		free(lock);
		return 0;
	}
	free(lock);
	od->lockfd = fd;
	return 1;
}

/* Rename from (in folder ffd) to to (in tfd), which must not exist. */
static int
S_rename_new(int ffd, const char *from, int tfd, const char *to)
{
	if (renameat2(ffd, from, tfd, to, RENAME_NOREPLACE) == 0)
		return 1;
	if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
		return 0;
	/* No RENAME_NOREPLACE here: the lock keeps others away. */
	if (S_outdir_kind(tfd, to) != 0) {
		errno = EEXIST;
		return 0;
	}
	return renameat(ffd, from, tfd, to) == 0;
}

/*
 * Finish (or, when the new unit is gone, undo) a publication by renames
 * that was stopped: the journal says OUT/.annuaire/new was complete.
 */
static int
S_recover(struct outdir *od, struct diags *d)
{
	int	 has_new, has_unit, ok = 1;

	if (S_outdir_kind(od->metafd, "journal") == 0)
		return 1;
	has_new = S_outdir_kind(od->metafd, "new") == 'd';
	has_unit = S_outdir_kind(od->outfd, OUTDIR_UNIT) != 0;
	if (has_new) {
		if (has_unit)
			ok = S_rmtree_at(od->metafd, "old") &&
			    S_rename_new(od->outfd, OUTDIR_UNIT, od->metafd,
			    "old");
		ok = ok && S_rename_new(od->metafd, "new", od->outfd,
		    OUTDIR_UNIT);
	} else if (!has_unit && S_outdir_kind(od->metafd, "old") == 'd')
		ok = S_rename_new(od->metafd, "old", od->outfd, OUTDIR_UNIT);
	if (ok)
		ok = unlinkat(od->metafd, "journal", 0) == 0;
	if (!ok) {
		diag_error(d, od->unit, 0, 0, "cannot finish the publication "
		    "of the previous build: %s", strerror(errno));
		return 0;
	}
	(void)S_rmtree_at(od->metafd, "old");
	return 1;
}

/*
 * Remove what interrupted builds left: staging folders of older
 * versions (OUT/.build-*), and under OUT/.annuaire everything but the
 * published generation of the layout before this one and its link.
 * The lock is held: nobody else owns them.
 */
static void
S_clean_stale(const struct outdir *od)
{
	DIR		*dir;
	struct dirent	*e;
	int		 fd;

	if ((fd = dup(od->outfd)) != -1 && (dir = fdopendir(fd)) != NULL) {
		while ((e = readdir(dir)) != NULL)
			if (strncmp(e->d_name, ".build-", 7) == 0)
				(void)S_rmtree_at(od->outfd, e->d_name);
		closedir(dir);
	} else if (fd != -1)
		close(fd);
	if ((fd = dup(od->metafd)) != -1 && (dir = fdopendir(fd)) != NULL) {
		while ((e = readdir(dir)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0 ||
			    strcmp(e->d_name, "legacy") == 0 ||
			    (od->cur[0] != '\0' &&
			    (strcmp(e->d_name, "current") == 0 ||
			    strcmp(e->d_name, od->cur) == 0)))
				continue;
			(void)S_rmtree_at(od->metafd, e->d_name);
		}
		closedir(dir);
	} else if (fd != -1)
		close(fd);
}

/*
 * Read the whole of fd, which it closes, as a string; no cap but
 * memory (100 000 partners list some 600 000 files).  Returns NULL
 * with errno set on failure.
 */
static char *
S_read_fd(int fd)
{
	struct buf	 b;
	char		 piece[65536];
	ssize_t		 n;
	int		 saved;

	buf_init(&b);
	while ((n = read(fd, piece, sizeof(piece))) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			saved = errno;
			buf_free(&b);
			close(fd);
			errno = saved;
			return NULL;
		}
		buf_put(&b, piece, (size_t)n);
	}
	close(fd);
	return buf_detach(&b);
}

/*
 * Check that folder dfd (shown as `shown`) holds only files its
 * manifest lists (a file put by hand into OUT/edition/site/ would be
 * deleted with it).  A generation of the first linked layout without
 * manifest (need 0) is all annuaire's.  Returns 0 with diagnostics for
 * foreign files.
 */
static int
S_check_unit(const struct outdir *od, int dfd, const char *shown, int need,
    struct diags *d)
{
	struct S_list	 have = { 0 }, want = { 0 };
	char		*text = NULL, *line, *save = NULL, *p;
	size_t		 i, bad = 0;
	int		 fd;

	if ((fd = openat(dfd, ".manifest", O_RDONLY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		if (!need)
			return 1;
		S_foreign(od, shown, d);
		return 0;
	}
	if ((text = S_read_fd(fd)) == NULL) {
		diag_error(d, shown, 0, 0, "cannot read the previous build: "
		    "%s", strerror(errno));
		bad = 1;
		goto done;
	}
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		S_list_add(&want, xstrdup(line));
	qsort(want.v, want.n, sizeof(*want.v), str_cmp_ptr);
	if (!S_walk_at(dfd, "", &have)) {
		diag_error(d, shown, 0, 0, "cannot read the previous build: "
		    "%s", strerror(errno));
		bad = 1;
		goto done;
	}
	for (i = 0; i < have.n; i++) {
		if (strcmp(have.v[i], ".manifest") == 0 ||
		    bsearch(&have.v[i], want.v, want.n, sizeof(*want.v),
		    str_cmp_ptr) != NULL)
			continue;
		if (++bad <= S_MAXFOREIGN) {
			/* Named without the '@' of a link, the '/' of a folder. */
			line = have.v[i];
			if (line[strlen(line) - 1] == '@' ||
			    line[strlen(line) - 1] == '/')
				line[strlen(line) - 1] = '\0';
			p = path_join(shown, line);
			diag_error(d, p, 0, 0, "was not written by annuaire "
			    "and would be deleted by this build: move it out "
			    "of %s, then build again", od->out);
			free(p);
		}
	}
	if (bad > S_MAXFOREIGN)
		diag_error(d, od->out, 0, 0, ngettext("and %zu other file not "
		    "written by annuaire", "and %zu other files not written by "
		    "annuaire", bad - S_MAXFOREIGN), bad - S_MAXFOREIGN);
done:
	S_list_free(&have);
	S_list_free(&want);
	free(text);
	return bad == 0;
}

/*
 * Check the published unit and the outputs of older layouts.  Returns
 * 0 with diagnostics.
 */
static int
S_outdir_check(struct outdir *od, struct diags *d)
{
	char	*p;
	size_t	 i;
	int	 ok = 1, fd, k;

	/* OUT/edition: a real folder, every file in its manifest. */
	if ((k = S_outdir_kind(od->outfd, OUTDIR_UNIT)) == 'd') {
		if ((fd = openat(od->outfd, OUTDIR_UNIT, S_ODIR)) == -1) {
			diag_error(d, od->unit, 0, 0, "cannot read the "
			    "previous build: %s", strerror(errno));
			return 0;
		}
		ok = S_check_unit(od, fd, od->unit, 1, d);
		close(fd);
	} else if (k != 0) {
		S_foreign(od, od->unit, d);
		ok = 0;
	}
	/* The older layouts' names: their links, or their real entries. */
	for (i = 0; i < S_NNAMES; i++) {
		if ((k = S_outdir_kind(od->outfd, S_names[i])) == 0 ||
		    S_is_old_link(od, S_names[i]))
			continue;
		if (od->legacy && k == (i == 0 ? 'd' : 'f'))
			continue;
		p = path_join(od->out, S_names[i]);
		S_foreign(od, p, d);
		free(p);
		ok = 0;
	}
	/* The generation the old links show. */
	if (ok && od->cur[0] != '\0') {
		if ((fd = openat(od->metafd, od->cur, S_ODIR)) == -1) {
			od->cur[0] = '\0';	/* nothing there to keep */
			return 1;
		}
		ok = S_check_unit(od, fd, od->out, 0, d);
		close(fd);
	}
	return ok;
}

int
outdir_open(struct outdir *od, const char *out, struct diags *d)
{
	char	 buf[8];
	ssize_t	 n;
	int	 existed = 0, k, fd;

	memset(od, 0, sizeof(*od));
	od->outfd = od->metafd = od->lockfd = -1;
	od->out = xstrdup(out);
	od->meta = path_join(out, ".annuaire");
	od->unit = path_join(out, OUTDIR_UNIT);
	/* OUT itself may be a link: the user named it. */
	if (!mkdir_p(out) || (od->outfd = open(out, O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) == -1) {
		diag_error(d, out, 0, 0, "cannot create: %s", strerror(errno));
		return 0;
	}
	if (!S_lock(od, &existed, d))
		return 0;
	/*
	 * Never through a link: OUT/.annuaire must be a real folder, or
	 * the cleaning below would remove what a planted link points to.
	 */
	k = S_outdir_kind(od->outfd, ".annuaire");
	if ((k != 0 && k != 'd') || (k == 'd' && !existed)) {
		if (k == 'd')
			diag_error(d, od->meta, 0, 0, "was not written by "
			    "annuaire (%s has no .annuaire.lock): move it out "
			    "of %s, or build into another folder (-o)", out,
			    out);
		else
			S_foreign(od, od->meta, d);
		goto refuse;
	}
	if (k == 0 && mkdirat(od->outfd, ".annuaire", 0777) == -1) {
		diag_error(d, od->meta, 0, 0, "cannot create: %s",
		    strerror(errno));
		goto refuse;
	}
	if ((od->metafd = openat(od->outfd, ".annuaire", S_ODIR)) == -1) {
		diag_error(d, od->meta, 0, 0, "cannot open: %s",
		    strerror(errno));
		goto refuse;
	}
	/*
	 * The first versions: real outputs beside the lock, no .annuaire.
	 * OUT/.annuaire/legacy keeps that knowledge until they are removed.
	 */
	if (existed && k == 0 && (fd = openat(od->metafd, "legacy", O_WRONLY |
	    O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644)) != -1)
		close(fd);
	od->legacy = S_outdir_kind(od->metafd, "legacy") == 'f';
	/* The layout before this one: OUT/.annuaire/current -> a or b. */
	n = readlinkat(od->metafd, "current", buf, sizeof(buf) - 1);
	if (n == 1 && (buf[0] == 'a' || buf[0] == 'b')) {
		od->cur[0] = buf[0];
		od->cur[1] = '\0';
	}
	if (!S_recover(od, d))
		return 0;
	S_clean_stale(od);
	if (!S_outdir_check(od, d))
		goto refuse;
	fault_point("stage");
	od->stage = path_join(od->meta, "new");
	if (mkdirat(od->metafd, "new", 0777) == -1) {
		diag_error(d, od->meta, 0, 0, "cannot create: %s",
		    strerror(errno));
		free(od->stage);
		od->stage = NULL;
		return 0;
	}
	return 1;
refuse:
	if (!existed) {		/* leave no trace in a folder not ours */
		if (k == 0)
			(void)unlinkat(od->outfd, ".annuaire", AT_REMOVEDIR);
		(void)unlinkat(od->outfd, ".annuaire.lock", 0);
	}
	return 0;
}

char *
outdir_path(const struct outdir *od, const char *name)
{
	return path_join(od->stage, name);
}

/* Write the manifest of this build's unit. */
static int
S_manifest(const struct outdir *od, struct diags *d)
{
	struct S_list	 l = { 0 };
	struct buf	 b;
	char		*path = path_join(od->stage, ".manifest");
	size_t		 i;
	int		 ok, fd;

	buf_init(&b);
	if ((fd = openat(od->metafd, "new", S_ODIR)) == -1)
		ok = 0;
	else {
		ok = S_walk_at(fd, "", &l);
		close(fd);
	}
	if (ok) {
		qsort(l.v, l.n, sizeof(*l.v), str_cmp_ptr);
		for (i = 0; i < l.n; i++)
			if (strcmp(l.v[i], ".manifest") != 0)
				buf_printf(&b, "%s\n", l.v[i]);
		ok = file_write(path, buf_cstr(&b), b.len);
	}
	if (!ok)	/* named as the folder users know, not the stage */
		diag_error(d, od->out, 0, 0, "cannot write the list of the "
		    "files of this build: %s", strerror(errno));
	S_list_free(&l);
	buf_free(&b);
	free(path);
	return ok;
}

/*
 * Whether the file system can exchange two folders.  Tests force the
 * renames with ANNUAIRE_TEST_NO_EXCHANGE=1.
 */
static int
S_exchange(int ffd, const char *from, int tfd, const char *to)
{
	const char	*v = getenv("ANNUAIRE_TEST_NO_EXCHANGE");

	if (v != NULL && strcmp(v, "1") == 0) {
		errno = EINVAL;
		return -1;
	}
	return renameat2(ffd, from, tfd, to, RENAME_EXCHANGE);
}

/* Publish by two renames under OUT/.annuaire/journal. */
static int
S_publish_renames(struct outdir *od, struct diags *d)
{
	char	*j = path_join(od->meta, "journal");
	int	 ok;

	fault_point("journal");
	ok = file_write_atomic(j, "publish new\n", 12);
	free(j);
	if (!ok) {
		diag_error(d, od->out, 0, 0, "cannot write the journal of the "
		    "publication: %s", strerror(errno));
		return 0;
	}
	fault_point("rename previous");
	if (!S_rename_new(od->outfd, OUTDIR_UNIT, od->metafd, "old")) {
		diag_error(d, od->unit, 0, 0, "cannot replace: %s",
		    strerror(errno));
		(void)unlinkat(od->metafd, "journal", 0);
		return 0;
	}
	fault_point("rename new");
	if (!S_rename_new(od->metafd, "new", od->outfd, OUTDIR_UNIT)) {
		/* Undo: the previous unit back in place. */
		diag_error(d, od->unit, 0, 0, "cannot replace: %s",
		    strerror(errno));
		if (S_rename_new(od->metafd, "old", od->outfd, OUTDIR_UNIT))
			(void)unlinkat(od->metafd, "journal", 0);
		return 0;
	}
	od->committed = 1;
	fault_point("journal done");
	(void)unlinkat(od->metafd, "journal", 0);
	fault_point("remove previous");
	if (!S_rmtree_at(od->metafd, "old"))
		diag_warn(d, od->meta, 0, 0, "cannot remove the previous "
		    "build: the next build will");
	return 1;
}

/* Put this build's unit at OUT/edition. */
static int
S_publish(struct outdir *od, struct diags *d)
{
	fault_point("publish");
	if (S_outdir_kind(od->outfd, OUTDIR_UNIT) == 0) {
		if (!S_rename_new(od->metafd, "new", od->outfd, OUTDIR_UNIT)) {
			diag_error(d, od->unit, 0, 0, "cannot write: %s",
			    strerror(errno));
			return 0;
		}
		od->committed = 1;
		return 1;
	}
	if (S_exchange(od->metafd, "new", od->outfd, OUTDIR_UNIT) == -1) {
		if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP)
			return S_publish_renames(od, d);
		diag_error(d, od->unit, 0, 0, "cannot replace: %s",
		    strerror(errno));
		return 0;
	}
	/* OUT/.annuaire/new now holds the previous unit. */
	od->committed = 1;
	fault_point("remove previous");
	if (!S_rmtree_at(od->metafd, "new"))
		diag_warn(d, od->meta, 0, 0, "cannot remove the previous "
		    "build: the next build will");
	return 1;
}

/*
 * Remove the outputs of older layouts, the new unit published: first
 * the link all old links pass through (they vanish at once), then
 * those links, the real entries of the first versions, and the old
 * generations.  Only warns.
 */
static void
S_remove_legacy(struct outdir *od, struct diags *d)
{
	char	*p;
	size_t	 i, left = 0;
	int	 k, ok;

	if (od->cur[0] != '\0') {
		fault_point("unlink current");
		(void)unlinkat(od->metafd, "current", 0);
	}
	for (i = 0; i < S_NNAMES; i++) {
		k = S_outdir_kind(od->outfd, S_names[i]);
		if (k == 0)
			continue;
		if (S_is_old_link(od, S_names[i]))
			ok = unlinkat(od->outfd, S_names[i], 0) == 0;
		else if (od->legacy && k != 'l')
			ok = S_rmtree_at(od->outfd, S_names[i]);
		else
			continue;
		fault_point("remove old output");
		if (!ok) {
			left++;
			p = path_join(od->out, S_names[i]);
			diag_warn(d, p, 0, 0, "cannot remove: %s",
			    strerror(errno));
			free(p);
		}
	}
	if (od->cur[0] != '\0') {
		(void)S_rmtree_at(od->metafd, "a");
		(void)S_rmtree_at(od->metafd, "b");
	}
	if (od->legacy && left == 0)
		(void)unlinkat(od->metafd, "legacy", 0);
}

int
outdir_commit(struct outdir *od, struct diags *d)
{
	fault_point("manifest");
	if (!S_manifest(od, d))
		return 0;
	if (!S_publish(od, d))
		return 0;
	/* From here on OUT shows the new build: cleaning only warns. */
	S_remove_legacy(od, d);
	fault_point("done");
	return 1;
}

void
outdir_close(struct outdir *od, struct diags *d)
{
	if (od->stage != NULL && !od->committed && od->metafd != -1 &&
	    !S_rmtree_at(od->metafd, "new"))
		diag_warn(d, od->stage, 0, 0, "cannot remove the temporary "
		    "folder");
	if (od->metafd != -1)
		close(od->metafd);
	if (od->outfd != -1)
		close(od->outfd);
	if (od->lockfd != -1)
		close(od->lockfd);	/* releases the lock */
	free(od->out);
	free(od->meta);
	free(od->unit);
	free(od->stage);
	memset(od, 0, sizeof(*od));
	od->outfd = od->metafd = od->lockfd = -1;
}

int
outdir_io_errors(const struct outdir *od, struct diags *d)
{
	struct diag	*g;
	size_t		 i, j, len;
	int		 found = 0;
	char		*shown;

	if (od->stage == NULL)
		return 0;
	len = strlen(od->stage);
	for (i = j = 0; i < d->n; i++) {
		g = &d->v[i];
		if (g->file == NULL || strncmp(g->file, od->stage, len) != 0 ||
		    (g->file[len] != '/' && g->file[len] != '\0')) {
			d->v[j++] = *g;
			continue;
		}
		if (found && g->sev == DIAG_ERROR) {
			/* One message: the first failure (a full disk). */
			d->errors--;
			free(g->file);
			free(g->msg);
			continue;
		}
		if (g->sev == DIAG_ERROR)
			found = 1;
		shown = g->file[len] == '\0' ? xstrdup(od->unit) :
		    path_join(od->unit, g->file + len + 1);
		free(g->file);
		g->file = shown;
		d->v[j++] = *g;
	}
	d->n = j;
	return found;
}
