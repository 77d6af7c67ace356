/*
 * fault.h — fault injection, for tests only.
 *
 * ANNUAIRE_FAULT=N      fault_point() stops the process with SIGKILL at
 *                       its Nth call: every step of writing the output
 *                       folder calls it, so a test can stop a build
 *                       between any two steps (N = 1, 2, ... until the
 *                       build ends by itself).
 * ANNUAIRE_FAULT=enospc     fault_enospc() is true for every file write,
 * ANNUAIRE_FAULT=enospc:N   only for the Nth: file_write() then fails
 *                       with ENOSPC, as on a full disk.
 * Without the variable both do nothing.  Stopping the process here is
 * the one exception to "only main.c exits": it stands for a kill.
 */
#ifndef FAULT_H
#define FAULT_H

/* A step of writing the output folder (its name, for debugging). */
void	 fault_point(const char *step);
/* Non-zero when this file write must fail with ENOSPC. */
int	 fault_enospc(void);

#endif /* FAULT_H */
