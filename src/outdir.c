/*
 * outdir.c — the output folder as one unit: lock, ownership check,
 * generation folders, one atomic switch (see outdir.h).
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

/* Every name a build may publish in OUT. */
static const char *const S_names[] = { "site", "livret.pdf",
    "livret-impression.pdf", "livret-imprimeur.pdf",
    "livret-partenaires.pdf" };
#define	S_NNAMES	(sizeof(S_names) / sizeof(S_names[0]))

/* The first foreign files named one by one; the rest are counted. */
#define	S_MAXFOREIGN	10

/* A sorted list of relative paths (the manifest of a generation). */
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

/*
 * Append the files and folders under root/rel (folders end in '/'),
 * not following links.  Returns 0 with errno set on a read failure.
 */
static int
S_walk(const char *root, const char *rel, struct S_list *l)
{
	char		*path = *rel ? path_join(root, rel) : xstrdup(root);
	char		*sub;
	DIR		*dir;
	struct dirent	*e;
	struct stat	 st;
	int		 ok = 1;

	if ((dir = opendir(path)) == NULL) {
		free(path);
		return 0;
	}
	while (ok && (errno = 0, e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		sub = *rel ? xasprintf("%s/%s", rel, e->d_name) :
		    xstrdup(e->d_name);
		free(path);
		path = path_join(root, sub);
		if (lstat(path, &st) == -1)
			ok = 0;
		else if (S_ISDIR(st.st_mode)) {
			S_list_add(l, xasprintf("%s/", sub));
			ok = S_walk(root, sub, l);
		} else {
			S_list_add(l, xstrdup(sub));
		}
		free(sub);
	}
	if (ok && errno != 0)
		ok = 0;
	closedir(dir);
	free(path);
	return ok;
}

/* The link text of OUT/NAME: ".annuaire/current/NAME"; allocated. */
static char *
S_link_text(const char *name)
{
	return xasprintf(".annuaire/current/%s", name);
}

/* Whether path is a symbolic link whose text is exactly `text`. */
static int
S_is_link_to(const char *path, const char *text)
{
	char	 buf[256];
	ssize_t	 n;

	n = readlink(path, buf, sizeof(buf) - 1);
	if (n < 0 || (size_t)n >= sizeof(buf) - 1)
		return 0;
	buf[n] = '\0';
	return strcmp(buf, text) == 0;
}

/* Whether OUT/NAME is annuaire's link. */
static int
S_is_ours(const struct outdir *od, const char *name)
{
	char	*p = path_join(od->out, name), *t = S_link_text(name);
	int	 yes = S_is_link_to(p, t);

	free(p);
	free(t);
	return yes;
}

/*
 * Replace `path` by a symbolic link holding `text`, atomically: the
 * link is made under OUT/.annuaire then renamed over `path`.
 */
static int
S_link(const struct outdir *od, const char *text, const char *path,
    const char *shown, struct diags *d)
{
	char	*tmp = path_join(od->meta, "link.tmp");
	int	 ok = 0;

	(void)unlink(tmp);
	if (symlink(text, tmp) == -1) {
		if (errno == EPERM || errno == EOPNOTSUPP || errno == ENOSYS)
			diag_error(d, od->out, 0, 0, "cannot create a symbolic "
			    "link: %s (annuaire needs a file system that has "
			    "them, not FAT)", strerror(errno));
		else
			diag_error(d, shown, 0, 0, "cannot write: %s",
			    strerror(errno));
	} else if (rename(tmp, path) == -1) {
		diag_error(d, shown, 0, 0, "cannot write: %s", strerror(errno));
		(void)unlink(tmp);
	} else
		ok = 1;
	free(tmp);
	return ok;
}

/*
 * Take the build lock of OUT (OUT/.annuaire.lock, flock).  *existed
 * tells whether the lock file was there before: OUT has seen a build.
 */
static int
S_lock(struct outdir *od, int *existed, struct diags *d)
{
	char	*lock = path_join(od->out, ".annuaire.lock");
	int	 fd;

	*existed = access(lock, F_OK) == 0;
	if ((fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) == -1) {
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

/*
 * Remove what interrupted builds left: staging folders of older
 * versions (OUT/.build-*), and under OUT/.annuaire everything but the
 * published generation and its link.  The lock is held: nobody else
 * owns them.
 */
static void
S_clean_stale(const struct outdir *od)
{
	DIR		*dir;
	struct dirent	*e;
	char		*p;

	if ((dir = opendir(od->out)) != NULL) {
		while ((e = readdir(dir)) != NULL) {
			if (strncmp(e->d_name, ".build-", 7) != 0)
				continue;
			p = path_join(od->out, e->d_name);
			(void)remove_tree(p);
			free(p);
		}
		closedir(dir);
	}
	if ((dir = opendir(od->meta)) != NULL) {
		while ((e = readdir(dir)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0 ||
			    strcmp(e->d_name, "current") == 0 ||
			    strcmp(e->d_name, od->cur) == 0)
				continue;
			p = path_join(od->meta, e->d_name);
			(void)remove_tree(p);
			free(p);
		}
		closedir(dir);
	}
}

/*
 * Check that the published generation holds only files its manifest
 * lists (a file put by hand into OUT/site/ would be deleted with it).
 * A generation without manifest (taken over from an older annuaire) is
 * all annuaire's.  Returns 0 with diagnostics for foreign files.
 */
static int
S_check_generation(const struct outdir *od, struct diags *d)
{
	struct S_list	 have = { 0 }, want = { 0 };
	char		*gen = path_join(od->meta, od->cur);
	char		*mpath = path_join(gen, ".manifest"), *text = NULL;
	char		*line, *save = NULL, *shown;
	size_t		 i, bad = 0;

	/* No cap but memory: 100 000 partners list some 600 000 files. */
	if (!file_read(mpath, SIZE_MAX - 1, &text, NULL))
		goto done;	/* no manifest: nothing to compare */
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		S_list_add(&want, xstrdup(line));
	}
	qsort(want.v, want.n, sizeof(*want.v), str_cmp_ptr);
	if (!S_walk(gen, "", &have)) {
		diag_error(d, od->out, 0, 0, "cannot read the previous build: "
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
			shown = path_join(od->out, have.v[i]);
			diag_error(d, shown, 0, 0, "was not written by annuaire "
			    "and would be deleted by this build: move it out "
			    "of %s, then build again", od->out);
			free(shown);
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
	free(mpath);
	free(gen);
	return bad == 0;
}

/* Check the entries at the output names.  Returns 0 with diagnostics. */
static int
S_check_names(const struct outdir *od, struct diags *d)
{
	struct stat	 st;
	char		*p;
	size_t		 i;
	int		 ok = 1, legacy_ok;

	for (i = 0; i < S_NNAMES; i++) {
		p = path_join(od->out, S_names[i]);
		if (lstat(p, &st) == -1 || S_is_ours(od, S_names[i])) {
			free(p);
			continue;
		}
		legacy_ok = od->legacy && (i == 0 ? S_ISDIR(st.st_mode) :
		    S_ISREG(st.st_mode));
		if (!legacy_ok) {
			diag_error(d, p, 0, 0, "was not written by annuaire "
			    "and would be replaced by this build: move it out "
			    "of %s, or build into another folder (-o)", od->out);
			ok = 0;
		}
		free(p);
	}
	return ok;
}

int
outdir_open(struct outdir *od, const char *out, struct diags *d)
{
	struct stat	 st;
	char	*cur = NULL, *lock;
	char	 buf[8];
	ssize_t	 n;
	int	 existed = 0, ok;

	memset(od, 0, sizeof(*od));
	od->lockfd = -1;
	od->out = xstrdup(out);
	od->meta = path_join(out, ".annuaire");
	if (!mkdir_p(out)) {
		diag_error(d, out, 0, 0, "cannot create: %s", strerror(errno));
		return 0;
	}
	if (!S_lock(od, &existed, d))
		return 0;
	/*
	 * Never through a link: OUT/.annuaire must be a real folder, or
	 * the cleaning below would remove what a planted link points to.
	 */
	if (lstat(od->meta, &st) == 0 && !S_ISDIR(st.st_mode)) {
		diag_error(d, od->meta, 0, 0, "was not written by annuaire "
		    "and would be replaced by this build: move it out "
		    "of %s, or build into another folder (-o)", out);
		return 0;
	}

	/* The published generation: OUT/.annuaire/current -> a or b. */
	cur = path_join(od->meta, "current");
	n = readlink(cur, buf, sizeof(buf) - 1);
	if (n == 1 && (buf[0] == 'a' || buf[0] == 'b')) {
		od->cur[0] = buf[0];
		od->cur[1] = '\0';
	}
	free(cur);
	/*
	 * Outputs of an older annuaire (real entries beside a lock file),
	 * or a take-over that was stopped (its generation has no manifest).
	 */
	if (existed && od->cur[0] != '\0') {
		cur = xasprintf("%s/%s/.manifest", od->meta, od->cur);
		od->legacy = access(cur, F_OK) == -1;
		free(cur);
	} else
		od->legacy = existed;
	if (existed)
		S_clean_stale(od);
	if (!existed && access(od->meta, F_OK) == 0) {
		diag_error(d, od->meta, 0, 0, "was not written by annuaire "
		    "(%s has no .annuaire.lock): move it out of %s, or build "
		    "into another folder (-o)", out, out);
		ok = 0;
	} else
		ok = S_check_names(od, d) &&
		    (od->cur[0] == '\0' || S_check_generation(od, d));
	if (!ok) {
		if (!existed) {	/* leave no trace in a folder not ours */
			lock = path_join(out, ".annuaire.lock");
			(void)unlink(lock);
			free(lock);
		}
		return 0;
	}
	fault_point("stage");
	od->gen[0] = od->cur[0] == 'a' ? 'b' : 'a';
	od->gen[1] = '\0';
	od->stage = path_join(od->meta, od->gen);
	if (!mkdir_p(od->meta) || mkdir(od->stage, 0777) == -1) {
		diag_error(d, od->meta, 0, 0, "cannot create: %s",
		    strerror(errno));
		free(od->stage);
		od->stage = NULL;
		return 0;
	}
	return 1;
}

char *
outdir_path(const struct outdir *od, const char *name)
{
	return path_join(od->stage, name);
}

/* Write the manifest of this build's generation. */
static int
S_manifest(const struct outdir *od, struct diags *d)
{
	struct S_list	 l = { 0 };
	struct buf	 b;
	char		*path = path_join(od->stage, ".manifest");
	size_t		 i;
	int		 ok;

	buf_init(&b);
	if ((ok = S_walk(od->stage, "", &l))) {
		qsort(l.v, l.n, sizeof(*l.v), str_cmp_ptr);
		for (i = 0; i < l.n; i++)
			if (strcmp(l.v[i], ".manifest") != 0)
				buf_printf(&b, "%s\n", l.v[i]);
		ok = file_write(path, buf_cstr(&b), b.len);
	}
	if (!ok)	/* named as the folder users know, not the generation */
		diag_error(d, od->out, 0, 0, "cannot write the list of the "
		    "files of this build: %s", strerror(errno));
	S_list_free(&l);
	buf_free(&b);
	free(path);
	return ok;
}

/* Point OUT/.annuaire/current at generation g: the one atomic switch. */
static int
S_switch(const struct outdir *od, const char *g, struct diags *d)
{
	char	*cur = path_join(od->meta, "current");
	int	 ok;

	ok = S_link(od, g, cur, od->out, d);
	free(cur);
	return ok;
}

/*
 * Take over the outputs of an annuaire older than generations: publish
 * an empty generation for them, then exchange each real entry with a
 * link to the same place in it, so that OUT shows the same files at
 * every step.
 */
static int
S_take_over(struct outdir *od, struct diags *d)
{
	const char	*g = od->gen[0] == 'a' ? "b" : "a";
	char		*gen = path_join(od->meta, g), *p, *in, *t, *shown;
	struct stat	 st;
	size_t		 i;
	int		 ok = 1;

	if (mkdir(gen, 0777) == -1 && errno != EEXIST) {
		diag_error(d, od->meta, 0, 0, "cannot create: %s",
		    strerror(errno));
		free(gen);
		return 0;
	}
	if (!S_switch(od, g, d)) {
		free(gen);
		return 0;
	}
	od->cur[0] = g[0];
	od->cur[1] = '\0';
	fault_point("take over");
	for (i = 0; ok && i < S_NNAMES; i++) {
		p = path_join(od->out, S_names[i]);
		if (lstat(p, &st) == -1 || S_ISLNK(st.st_mode)) {
			free(p);
			continue;
		}
		in = path_join(gen, S_names[i]);
		t = S_link_text(S_names[i]);
		shown = p;
		(void)remove_tree(in);
		if (symlink(t, in) == -1) {
			diag_error(d, od->out, 0, 0, "cannot create a symbolic "
			    "link: %s", strerror(errno));
			ok = 0;
		} else if (renameat2(AT_FDCWD, p, AT_FDCWD, in,
		    RENAME_EXCHANGE) == -1) {
			/* No RENAME_EXCHANGE (some network shares): move. */
			(void)unlink(in);
			if (rename(p, in) == -1 ||
			    !S_link(od, t, p, shown, d)) {
				diag_error(d, shown, 0, 0, "cannot replace: %s",
				    strerror(errno));
				ok = 0;
			}
		}
		fault_point("take over name");
		free(in);
		free(t);
		free(p);
	}
	free(gen);
	od->legacy = !ok;
	return ok;
}

int
outdir_commit(struct outdir *od, struct diags *d)
{
	struct stat	 st;
	char		*p, *in, *t, *old;
	size_t		 i;
	int		 ok = 1;

	fault_point("manifest");
	if (!S_manifest(od, d))
		return 0;
	fault_point("take over");
	if (od->legacy && !S_take_over(od, d))
		return 0;
	/* Links for the names this generation holds (dangling until the switch). */
	for (i = 0; i < S_NNAMES; i++) {
		in = path_join(od->stage, S_names[i]);
		if (lstat(in, &st) == 0 && !S_is_ours(od, S_names[i])) {
			fault_point("link");
			p = path_join(od->out, S_names[i]);
			t = S_link_text(S_names[i]);
			ok = S_link(od, t, p, p, d);
			free(t);
			free(p);
		}
		free(in);
		if (!ok)
			return 0;
	}
	fault_point("switch");
	if (!S_switch(od, od->gen, d))
		return 0;
	od->committed = 1;
	/* From here on OUT shows the new build: cleaning only warns. */
	for (i = 0; i < S_NNAMES; i++) {
		in = path_join(od->stage, S_names[i]);
		p = path_join(od->out, S_names[i]);
		if (lstat(in, &st) == -1 && S_is_ours(od, S_names[i])) {
			fault_point("unlink");
			if (unlink(p) == -1)
				diag_warn(d, p, 0, 0, "cannot remove: %s",
				    strerror(errno));
		}
		free(p);
		free(in);
	}
	if (od->cur[0] != '\0') {
		fault_point("remove previous");
		old = path_join(od->meta, od->cur);
		if (!remove_tree(old))
			diag_warn(d, old, 0, 0, "cannot remove the previous "
			    "build: the next build will");
		free(old);
	}
	fault_point("done");
	return 1;
}

void
outdir_close(struct outdir *od, struct diags *d)
{
	if (od->stage != NULL && !od->committed && !remove_tree(od->stage))
		diag_warn(d, od->stage, 0, 0, "cannot remove the temporary "
		    "folder");
	if (od->lockfd != -1)
		close(od->lockfd);	/* releases the lock */
	free(od->out);
	free(od->meta);
	free(od->stage);
	memset(od, 0, sizeof(*od));
	od->lockfd = -1;
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
		shown = g->file[len] == '\0' ? xstrdup(od->out) :
		    path_join(od->out, g->file + len + 1);
		free(g->file);
		g->file = shown;
		d->v[j++] = *g;
	}
	d->n = j;
	return found;
}
