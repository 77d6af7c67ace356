/*
 * spawn.h — a part of the build run in a child process, on the other
 * core: `build` writes the booklets there while the site is written in
 * the main process.
 *
 * The child shares nothing with the parent after fork(): it works on
 * its copy of the model and appends its diagnostics to its own list,
 * which travels back through a pipe when it ends; spawn_wait() appends
 * them to the parent's list in their order, as if the work had run in
 * the parent.  The child never prints and never publishes (only the
 * parent commits the output folder, after spawn_wait()).  It dies with
 * its parent (PR_SET_PDEATHSIG), and holds the output folder's lock as
 * long as it lives (an inherited descriptor), so no other build can
 * start while it still writes.  Ending the child with _exit() is the
 * one exception to "only main.c exits", as fault.c's kill is.
 */
#ifndef SPAWN_H
#define SPAWN_H

#include <sys/types.h>

#include "diag.h"

struct spawn {
	pid_t	 pid;	/* the child, -1 when none */
	int	 fd;	/* read end of its pipe, -1 when none */
};

/* The work: non-zero on success, diagnostics appended to d. */
typedef int	(*spawn_fn)(void *arg, struct diags *d);

/*
 * Start fn(arg) in a child process.  Returns non-zero when it runs;
 * 0 when no process could be started (fork or pipe failed), and the
 * caller then does the work itself.
 */
int	 spawn_start(struct spawn *, spawn_fn fn, void *arg);

/*
 * Wait for the child; append its diagnostics to d; return fn's result
 * (1 or 0).  A child that ended without its result (killed, crashed)
 * is an error appended to d, and -1.
 */
int	 spawn_wait(struct spawn *, struct diags *d);

#endif /* SPAWN_H */
