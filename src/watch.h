/*
 * watch.h — noticing that the sources of a build changed: the content
 * folder and the theme, for `annuaire serve`.
 *
 * Two ways, chosen per watcher when it is opened:
 *   inotify   the kernel says what changed: one watch per folder of the
 *             trees, folders created later are added as they appear;
 *   polling   every WATCH_POLL_MS the trees are walked with lstat() and
 *             a digest of every entry's path and inode, and of every
 *             file's size and mtime, is compared with the previous one
 *             (not a folder's date: an ignored entry changes it).
 * Polling is used when asked (force_poll, `serve --poll`), when
 * inotify cannot be had, and when a tree lies on a file system whose
 * changes inotify misses because they are made by another machine or
 * kernel: NFS, SMB/CIFS, 9p (WSL 2's view of Windows drives, /mnt/c),
 * FUSE, WSL 1's drvfs, and any /mnt/<letter> folder under WSL.
 *
 * Nothing is ever written in the watched trees.  Hidden entries (a
 * leading '.') and editors' backup files ("~" at the end) are ignored.
 *
 * Calls: watch_open(), then watch_wait() in a loop (it returns after a
 * change has been followed by `quiet_ms` without any, or when the
 * descriptor `stop_fd` becomes readable), watch_close().
 */
#ifndef WATCH_H
#define WATCH_H

#include "diag.h"

#define	WATCH_POLL_MS	500
#define	WATCH_MAX_DIRS	4096	/* folders watched (inotify) or walked */

struct watch;

/*
 * Watch the n folders of roots (missing ones are skipped).  Never
 * fails: polling is the fallback.
 */
struct watch	*watch_open(const char *const *roots, int n, int force_poll);
/* "inotify" or "polling" (not translated: a technical name). */
const char	*watch_method(const struct watch *);
/*
 * Wait for a change then quiet_ms of quiet.  Returns 1 after a change,
 * 0 when stop_fd became readable (not read), -1 on an error (errno).
 */
int		 watch_wait(struct watch *, int stop_fd, int quiet_ms);
void		 watch_close(struct watch *);

#endif /* WATCH_H */
