/*
 * watch.c — inotify, or polling where inotify misses changes (watch.h).
 */
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util.h"
#include "watch.h"

/* statfs() f_type values of file systems changed behind the kernel. */
#define	S_NFS_MAGIC	0x6969
#define	S_SMB_MAGIC	0x517b
#define	S_CIFS_MAGIC	0xff534d42
#define	S_SMB2_MAGIC	0xfe534d42
#define	S_V9FS_MAGIC	0x01021997	/* 9p: WSL 2's /mnt/c */
#define	S_FUSE_MAGIC	0x65735546
#define	S_DRVFS_MAGIC	0x53464846	/* WSL 1's drvfs ("VMHS") */

struct S_wd {
	int	 wd;
	char	*path;	/* owned */
};

struct watch {
	char		**roots;	/* owned copies */
	int		  nroots;
	int		  ifd;		/* inotify, or -1 when polling */
	struct S_wd	 *wds;
	size_t		  nwds, capwds;
	uint64_t	  digest;	/* polling: the trees' last digest */
};

/*
 * Whether path is a Windows drive seen from WSL (/mnt/c...), whatever
 * the file system type WSL reports for it.
 */
static int
S_wsl_drive(const char *path)
{
	char	*real, *text = NULL;
	size_t	 len;
	int	 wsl, drive = 0;

	wsl = getenv("WSL_DISTRO_NAME") != NULL;
	if (!wsl && file_read("/proc/sys/kernel/osrelease", 4096, &text,
	    &len)) {
		wsl = strstr(text, "icrosoft") != NULL;
		free(text);
	}
	if (wsl && (real = realpath(path, NULL)) != NULL) {
		drive = strncmp(real, "/mnt/", 5) == 0 && real[5] >= 'a' &&
		    real[5] <= 'z' && (real[6] == '/' || real[6] == '\0');
		free(real);
	}
	return drive;
}

static int
S_remote(const char *path)
{
	struct statfs	 fs;

	if (S_wsl_drive(path))
		return 1;
	if (statfs(path, &fs) == -1)
		return 0;
	switch ((unsigned long)fs.f_type & 0xffffffffUL) {
	case S_NFS_MAGIC: case S_SMB_MAGIC: case S_CIFS_MAGIC:
	case S_SMB2_MAGIC: case S_V9FS_MAGIC: case S_FUSE_MAGIC:
	case S_DRVFS_MAGIC:
		return 1;
	}
	return 0;
}

static int
S_ignored(const char *name)
{
	size_t	 n = strlen(name);

	return name[0] == '.' || (n > 0 && name[n - 1] == '~');
}

/* Watch dir and every folder below it (inotify). */
static void
S_add_tree(struct watch *w, const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	char		*sub;
	int		 wd;

	if (w->nwds >= WATCH_MAX_DIRS)
		return;
	wd = inotify_add_watch(w->ifd, dir, IN_CREATE | IN_DELETE |
	    IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE |
	    IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR);
	if (wd == -1)
		return;
	if (w->nwds == w->capwds) {
		w->capwds = w->capwds ? w->capwds * 2 : 16;
		w->wds = xreallocarray(w->wds, w->capwds, sizeof(*w->wds));
	}
	w->wds[w->nwds].wd = wd;
	w->wds[w->nwds++].path = xstrdup(dir);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (S_ignored(e->d_name))
			continue;
		sub = path_join(dir, e->d_name);
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
			S_add_tree(w, sub);
		free(sub);
	}
	closedir(d);
}

static const char *
S_wd_path(const struct watch *w, int wd)
{
	size_t	 i;

	for (i = 0; i < w->nwds; i++)
		if (w->wds[i].wd == wd)
			return w->wds[i].path;
	return NULL;
}

/* FNV-1a over bytes, continued from h. */
static uint64_t
S_fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n-- > 0) {
		h ^= *s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The digest of a tree: every entry's path and inode, and a file's size
   and mtime. */
static uint64_t
S_digest_tree(uint64_t h, const char *dir, size_t *ndirs)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	char		*sub;
	int64_t		 v[4];

	if (++*ndirs > WATCH_MAX_DIRS || (d = opendir(dir)) == NULL)
		return h;
	/* readdir's order is stable for an unchanged folder. */
	while ((e = readdir(d)) != NULL) {
		if (S_ignored(e->d_name))
			continue;
		sub = path_join(dir, e->d_name);
		if (lstat(sub, &st) == 0) {
			/*
			 * A folder's size and date change with every entry
			 * made in it, an ignored one too (an editor's
			 * backup): its entries are digested instead.
			 */
			memset(v, 0, sizeof(v));
			v[0] = (int64_t)st.st_ino;
			if (!S_ISDIR(st.st_mode)) {
				v[1] = (int64_t)st.st_size;
				v[2] = (int64_t)st.st_mtim.tv_sec;
				v[3] = (int64_t)st.st_mtim.tv_nsec;
			}
			h = S_fnv(h, e->d_name, strlen(e->d_name) + 1);
			h = S_fnv(h, v, sizeof(v));
			if (S_ISDIR(st.st_mode))
				h = S_digest_tree(h, sub, ndirs);
		}
		free(sub);
	}
	closedir(d);
	return h;
}

static uint64_t
S_digest(const struct watch *w)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t	 ndirs = 0;
	int	 i;

	for (i = 0; i < w->nroots; i++)
		h = S_digest_tree(h, w->roots[i], &ndirs);
	return h;
}

struct watch *
watch_open(const char *const *roots, int n, int force_poll)
{
	struct watch	*w = xcalloc(1, sizeof(*w));
	int		 i, poll_ = force_poll;

	w->roots = xcalloc((size_t)n, sizeof(char *));
	for (i = 0; i < n; i++) {
		w->roots[w->nroots++] = xstrdup(roots[i]);
		if (S_remote(roots[i]))
			poll_ = 1;
	}
	w->ifd = -1;
	if (!poll_ && (w->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) >= 0) {
		for (i = 0; i < w->nroots; i++)
			S_add_tree(w, w->roots[i]);
		if (w->nwds == 0 && w->nroots > 0) {
			close(w->ifd);
			w->ifd = -1;
		}
	}
	if (w->ifd == -1)
		w->digest = S_digest(w);

	return w;
}

const char *
watch_method(const struct watch *w)
{
	return w->ifd >= 0 ? "inotify" : "polling";
}

/*
 * Read the pending inotify events: 1 when one concerns a file that
 * matters (new folders are watched as they come), 0 when none, -1 on
 * an error.
 */
static int
S_drain(struct watch *w)
{
	char		 ev[8192] __attribute__((aligned(__alignof__(struct
			    inotify_event))));
	const struct inotify_event *ie;
	const char	*dir;
	char		*sub;
	ssize_t		 len;
	size_t		 off;
	int		 changed = 0;

	for (;;) {
		len = read(w->ifd, ev, sizeof(ev));
		if (len == -1)
			return errno == EAGAIN ? changed : (errno == EINTR ?
			    changed : -1);
		for (off = 0; off < (size_t)len; off += sizeof(*ie) + ie->len) {
			ie = (const struct inotify_event *)(ev + off);
			if (ie->mask & IN_Q_OVERFLOW) {
				changed = 1;
				continue;
			}
			if (ie->len > 0 && S_ignored(ie->name))
				continue;
			changed = 1;
			if ((ie->mask & (IN_CREATE | IN_MOVED_TO)) &&
			    (ie->mask & IN_ISDIR) && ie->len > 0 &&
			    (dir = S_wd_path(w, ie->wd)) != NULL) {
				sub = path_join(dir, ie->name);
				S_add_tree(w, sub);
				free(sub);
			}
		}
	}
}

static long long
S_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
watch_wait(struct watch *w, int stop_fd, int quiet_ms)
{
	struct pollfd	 p[2];
	long long	 last = -1, now;
	uint64_t	 h;
	int		 r, timeout;

	for (;;) {
		now = S_ms();
		if (last >= 0 && now - last >= quiet_ms)
			return 1;
		if (w->ifd >= 0)
			timeout = last >= 0 ? (int)(quiet_ms - (now - last)) : -1;
		else
			timeout = last >= 0 && quiet_ms < WATCH_POLL_MS ?
			    (int)(quiet_ms - (now - last)) : WATCH_POLL_MS;
		p[0].fd = stop_fd;
		p[0].events = POLLIN;
		p[1].fd = w->ifd;
		p[1].events = POLLIN;
		r = poll(p, w->ifd >= 0 ? 2 : 1, timeout < 0 ? -1 : timeout);
		if (r == -1 && errno != EINTR)
			return -1;
		if (r > 0 && (p[0].revents & (POLLIN | POLLHUP)))
			return 0;
		if (w->ifd >= 0) {
			if (r > 0 && (p[1].revents & POLLIN)) {
				if ((r = S_drain(w)) == -1)
					return -1;
				if (r)
					last = S_ms();
			}
		} else if ((h = S_digest(w)) != w->digest) {
			w->digest = h;
			last = S_ms();
		}
	}
}

void
watch_close(struct watch *w)
{
	size_t	 i;
	int	 j;

	if (w == NULL)
		return;
	if (w->ifd >= 0)
		close(w->ifd);
	for (i = 0; i < w->nwds; i++)
		free(w->wds[i].path);
	free(w->wds);
	for (j = 0; j < w->nroots; j++)
		free(w->roots[j]);
	free(w->roots);
	free(w);
}
