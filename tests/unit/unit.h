/*
 * unit_run.h — what the unit tests that call a real reader (qpdf,
 * pdfinfo, pdftotext, convert) share: run a shell command, get its
 * output.  Include after <cmocka.h> and "util.h".
 */
#ifndef UNIT_RUN_H
#define UNIT_RUN_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

/*
 * Run the printf-formatted shell command; returns its standard output
 * (allocated) and, with status not NULL, its exit status (-1 when it
 * did not exit).  A command that cannot be started fails the test.
 */
static inline char *
unit_run(int *status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static inline char *
unit_run(int *status, const char *fmt, ...)
{
	va_list		 ap;
	char		*cmd, chunk[4096];
	struct buf	 b;
	FILE		*f;
	size_t		 n;
	int		 st;

	va_start(ap, fmt);
	cmd = xvasprintf(fmt, ap);
	va_end(ap);
	buf_init(&b);
	if ((f = popen(cmd, "r")) == NULL)
		fail_msg("popen %s", cmd);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	st = pclose(f);
	if (status != NULL)
		*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	free(cmd);
	return buf_detach(&b);
}

#endif /* UNIT_RUN_H */
