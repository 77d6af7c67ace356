/*
 * timing.h — wall time and peak memory of the phases of a build
 * (`annuaire build --timings`), for the benchmark (bench/run.sh).
 *
 * A phase is a named mark: timing_mark("site") says "the phase site
 * ended now"; it lasted since the previous mark (or timing_start()).
 * Each mark records the wall time (CLOCK_MONOTONIC), the CPU time of
 * the process (user + system: what the phase cost on a busy machine)
 * and the peak resident memory so far (getrusage).  Nothing is recorded until
 * timing_start(): without --timings a mark costs one test.  The
 * figures never reach an output file; main.c prints timing_format().
 *
 * Another process (a child that builds part of the output) records its
 * own marks after the fork, sends timing_export(from) back, and the
 * parent adds them with timing_import(): CLOCK_MONOTONIC is the same
 * clock in both, so the "total" column stays comparable.
 */
#ifndef TIMING_H
#define TIMING_H

#include <stddef.h>

#include "util.h"

/* Starts recording: time 0 of the "total" column. */
void	 timing_start(void);
/* The phase `name` ended now (copied; at most 63 bytes are kept). */
void	 timing_mark(const char *name);
/* The mark "what:NAME", NAME the last component of path. */
void	 timing_mark_file(const char *what, const char *path);
/* How many marks so far (the `from` of timing_export()). */
size_t	 timing_count(void);
/* The marks from index `from` on, as text lines for timing_import(). */
void	 timing_export(struct buf *, size_t from);
/* Adds the marks of timing_export() text; returns 0 on a bad line. */
int	 timing_import(const char *);
/*
 * The table, one line per mark in the order they ended, then a total:
 *   timing: NAME  WALL ms  CPU ms cpu  END ms total  PEAK MB peak
 * (fixed format, not translated: bench/run.sh reads it).
 */
void	 timing_format(struct buf *);

#endif /* TIMING_H */
