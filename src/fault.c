/*
 * fault.c — fault injection points (see fault.h).
 */
#include <sys/mman.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fault.h"

static unsigned long	 S_points;	/* fault_point() calls so far */
static unsigned long	 S_own_writes;
/* fault_enospc() calls so far; shared with child processes (fault_share) */
static unsigned long	*S_writes = &S_own_writes;
/* Child processes a kill takes along (0: a free slot). */
static pid_t		 S_child[8];

void
fault_point(const char *step)
{
	const char	*v = getenv("ANNUAIRE_FAULT");
	char		*end;
	unsigned long	 n;
	size_t		 i;

	if (v == NULL || *v < '0' || *v > '9')
		return;
	n = strtoul(v, &end, 10);
	if (*end != '\0' || ++S_points != n)
		return;
	(void)step;	/* named for whoever reads a core or a debugger */
	/*
	 * As their PR_SET_PDEATHSIG would, but before this process ends:
	 * the next build finds the lock free.  Their own children die with
	 * them, and come to this process (spawn.c makes it a subreaper):
	 * every child is reaped.
	 */
	for (i = 0; i < sizeof(S_child) / sizeof(S_child[0]); i++)
		if (S_child[i] > 0)
			kill(S_child[i], SIGKILL);
	while (waitpid(-1, NULL, 0) != -1 || errno == EINTR)
		;
	raise(SIGKILL);
	_exit(137);	/* not reached */
}

int
fault_enospc(void)
{
	const char	*v = getenv("ANNUAIRE_FAULT");
	char		*end;
	unsigned long	 n;

	if (v == NULL || strncmp(v, "enospc", 6) != 0)
		return 0;
	n = __atomic_add_fetch(S_writes, 1, __ATOMIC_SEQ_CST);
	if (v[6] == '\0')
		return 1;
	if (v[6] != ':')
		return 0;
	return strtoul(v + 7, &end, 10) == n && *end == '\0';
}

void
fault_crash(const char *where)
{
	const char	*v = getenv("ANNUAIRE_FAULT");

	if (v != NULL && strncmp(v, "crash:", 6) == 0 &&
	    strcmp(v + 6, where) == 0) {
		/* SIGABRT: the sanitizers' SIGSEGV handler would exit(1). */
		raise(SIGABRT);
		_exit(134);	/* not reached */
	}
}

void
fault_share(void)
{
	const char	*v = getenv("ANNUAIRE_FAULT");
	unsigned long	*p;

	if (v == NULL || strncmp(v, "enospc", 6) != 0 ||
	    S_writes != &S_own_writes)
		return;
	p = mmap(NULL, sizeof(*p), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return;
	*p = S_own_writes;
	S_writes = p;
}

void
fault_child(pid_t pid, int alive)
{
	size_t	 i;

	for (i = 0; i < sizeof(S_child) / sizeof(S_child[0]); i++)
		if (alive ? S_child[i] == 0 : S_child[i] == pid) {
			S_child[i] = alive ? pid : 0;
			return;
		}
}

int
fault_untag(void)
{
	const char	*v = getenv("ANNUAIRE_FAULT");

	return v != NULL && strcmp(v, "untag") == 0;
}
