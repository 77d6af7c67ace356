/*
 * fault.c — fault injection points (see fault.h).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fault.h"

static unsigned long	 S_points;	/* fault_point() calls so far */
static unsigned long	 S_writes;	/* fault_enospc() calls so far */

void
fault_point(const char *step)
{
	const char	*v = getenv("ANNUAIRE_FAULT");
	char		*end;
	unsigned long	 n;

	if (v == NULL || *v < '0' || *v > '9')
		return;
	n = strtoul(v, &end, 10);
	if (*end != '\0' || ++S_points != n)
		return;
	(void)step;	/* named for whoever reads a core or a debugger */
	raise(SIGKILL);
	_exit(137);	/* not reached */
}

int
fault_enospc(void)
{
	const char	*v = getenv("ANNUAIRE_FAULT");
	char		*end;

	if (v == NULL || strncmp(v, "enospc", 6) != 0)
		return 0;
	S_writes++;
	if (v[6] == '\0')
		return 1;
	if (v[6] != ':')
		return 0;
	return strtoul(v + 7, &end, 10) == S_writes && *end == '\0';
}
