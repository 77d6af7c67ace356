/*
 * lock.h — one writer at a time on a content folder's state.
 *
 * campaign and import write content/ (pages, campagne.yaml, archives/);
 * report and build read it.  Each takes a lock on the content folder
 * before it reads anything, and holds it until it ends:
 *  - LOCK_WRITE (campaign, import): exclusive, alone on the folder;
 *  - LOCK_READ (build, report): shared, with each other, never while a
 *    campaign or an import runs.
 * The lock is flock(2) on a descriptor of the content folder itself:
 * nothing is written into content/ for it (a build never writes
 * there), and the kernel releases it when the process ends, however it
 * ends (a kill included).  The caller reads the state (pages,
 * campagne.yaml) after lock_take() succeeded, so it sees what the
 * previous writer left.
 *
 * All return non-zero on success, 0 on failure with errno set.
 */
#ifndef LOCK_H
#define LOCK_H

#include <sys/types.h>

#include <stddef.h>

struct diags;

enum lock_mode {
	LOCK_READ,	/* shared: build, report */
	LOCK_WRITE	/* exclusive: campaign, import */
};

struct lock {
	int		 fd;	/* the content folder, open; -1: none */
	enum lock_mode	 mode;
};

/*
 * Open dir for locking (O_DIRECTORY, close-on-exec).  Fails with
 * ENOENT / ENOTDIR when dir is no folder: callers leave the message to
 * the loader then.
 */
int	 lock_open(struct lock *, const char *dir, enum lock_mode);
/*
 * Take the lock without waiting.  Returns 1 when taken, 0 with errno
 * EWOULDBLOCK when another process holds it (in a mode that excludes
 * ours), 0 with another errno on failure.
 */
int	 lock_try(struct lock *);
/* Take the lock, waiting as long as it takes. */
int	 lock_wait(struct lock *);
/*
 * Who holds a lock on the folder (from /proc/locks): its process id,
 * or 0 when not known; with cmd non-NULL, *cmd is its command line
 * (arguments joined by spaces, at most 80 bytes, allocated; NULL when
 * unknown).
 */
pid_t	 lock_holder(const struct lock *, char **cmd);
/*
 * What a campaign or an import that was stopped (a kill, a power cut)
 * left in the content folder dir: the temporary files of
 * file_write_atomic() ("NAME.tmp-XXXXXX", in dir, partenaires/ and
 * archives/E/remplacees/) and the archive being built
 * (archives/<edition>.tmp-XXXXXX/).  Only names of that exact shape,
 * owned by this user, of the right type (a symbolic link is never one):
 * removed (never followed).  Call it holding LOCK_WRITE: no writer is
 * running then.  Returns how many were removed; what could not be is
 * appended to d (warnings).
 */
size_t	 lock_sweep(const char *dir, struct diags *d);
/* Release the lock and close the folder (nothing for fd -1). */
void	 lock_close(struct lock *);

#endif /* LOCK_H */
