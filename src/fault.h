/*
 * fault.h — fault injection, for tests only.
 *
 * ANNUAIRE_FAULT=N      fault_point() stops the process with SIGKILL at
 *                       its Nth call: every step of writing the output
 *                       folder calls it, so a test can stop a build
 *                       between any two steps (N = 1, 2, ... until the
 *                       build ends by itself).
 * ANNUAIRE_FAULT=enospc     fault_enospc() is true for every file write,
 * ANNUAIRE_FAULT=enospc:N   only for the Nth: file_write(),
 *                       file_write_atomic() (campaign, import, report)
 *                       or the PDF writer then fails with ENOSPC, as on
 *                       a full disk.
 * ANNUAIRE_FAULT=crash:WHERE   fault_crash(WHERE) crashes the process
 *                       (SIGABRT): "crash:booklet" after the first booklet.
 * ANNUAIRE_FAULT=untag   fault_untag() is true: the tagged booklet
 *                       draws one word of a paragraph outside any
 *                       marked content and writes its first Figure
 *                       without /Alt (the tag checker must see both).
 * Without the variable they do nothing.
 *
 * A build that writes its booklets in a child process (spawn.h) counts
 * its fault points in the main process only (the child has none), so
 * their numbering is the same as in a serial build (ANNUAIRE_JOBS=1);
 * a kill at one of them takes the child with it.  File writes are
 * counted across both processes (fault_share()): enospc:N fails exactly
 * one write, the Nth of the build, but which file that is depends on
 * how the two processes interleave; with ANNUAIRE_JOBS=1 it is always
 * the same one.
 * Stopping the process here is the one exception to "only main.c
 * exits": it stands for a kill.
 */
#ifndef FAULT_H
#define FAULT_H

#include <sys/types.h>

/* A step of writing the output folder (its name, for debugging). */
void	 fault_point(const char *step);
/* Non-zero when this file write must fail with ENOSPC. */
int	 fault_enospc(void);
/* A crash (SIGABRT) at this place when ANNUAIRE_FAULT=crash:where. */
void	 fault_crash(const char *where);
/* Non-zero when ANNUAIRE_FAULT=untag. */
int	 fault_untag(void);
/* Before fork(): count file writes in memory the child shares. */
void	 fault_share(void);
/* A child process a fault_point() kill takes along (alive 1), or
 * no more (alive 0: it has ended). */
void	 fault_child(pid_t, int alive);

#endif /* FAULT_H */
