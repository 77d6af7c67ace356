/*
 * spawn.c — a part of the build in a child process (see spawn.h).
 *
 * The child's diagnostics and result travel as records through a pipe:
 *   int32 sev, int32 line, int32 col, uint32 file length (UINT32_MAX:
 *   no file), uint32 message length, then the file and message bytes;
 * and last the record with sev -1 whose line is fn's result.  A child
 * that dies before writing it has failed.
 */
#define _GNU_SOURCE	/* pipe2 */
#include <sys/prctl.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fault.h"
#include "spawn.h"
#include "timing.h"
#include "util.h"

#define	S_NOFILE	UINT32_MAX
#define	S_RESULT	(-1)	/* record: the result, last */
#define	S_TIMING	(-2)	/* record: the child's --timings marks */

static int	 S_in_child;	/* this process is a spawned child */

static void
S_put_u32(struct buf *b, uint32_t v)
{
	buf_put(b, &v, sizeof(v));
}

static void
S_record(struct buf *b, int sev, int line, int col, const char *file,
    const char *msg)
{
	uint32_t	 flen = file ? (uint32_t)strlen(file) : S_NOFILE;
	uint32_t	 mlen = msg ? (uint32_t)strlen(msg) : 0;

	S_put_u32(b, (uint32_t)sev);
	S_put_u32(b, (uint32_t)line);
	S_put_u32(b, (uint32_t)col);
	S_put_u32(b, flen);
	S_put_u32(b, mlen);
	if (file)
		buf_put(b, file, flen);
	if (mlen)
		buf_put(b, msg, mlen);
}

/* Write all of b to fd; 0 on failure. */
static int
S_write_all(int fd, const char *p, size_t len)
{
	ssize_t	 w;

	while (len > 0) {
		if ((w = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			return 0;
		}
		p += w;
		len -= (size_t)w;
	}
	return 1;
}

/* The child: do the work, send the diagnostics and result, end. */
static void
S_child(int fd, pid_t parent, spawn_fn fn, void *arg)
{
	struct diags	 d;
	struct buf	 b, t;
	size_t		 i, from = timing_count();
	int		 ok;

	S_in_child = 1;
	/* A parent killed must not leave the child writing its folder. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 || getppid() != parent)
		_exit(1);
	diags_init(&d);
	ok = fn(arg, &d);
	buf_init(&b);
	for (i = 0; i < d.n; i++)
		S_record(&b, (int)d.v[i].sev, d.v[i].line, d.v[i].col,
		    d.v[i].file, d.v[i].msg);
	if (timing_count() > from) {
		buf_init(&t);
		timing_export(&t, from);
		S_record(&b, S_TIMING, 0, 0, NULL, buf_cstr(&t));
		buf_free(&t);
	}
	S_record(&b, S_RESULT, ok ? 1 : 0, 0, NULL, NULL);
	_exit(S_write_all(fd, b.data, b.len) ? 0 : 1);
}

int
spawn_start(struct spawn *sp, spawn_fn fn, void *arg)
{
	int	 p[2];
	pid_t	 parent = getpid();

	sp->pid = -1;
	sp->fd = -1;
	if (pipe2(p, O_CLOEXEC) == -1)
		return 0;
	/* Output still buffered would be written twice. */
	fflush(NULL);
	/*
	 * The processes of a child that dies come to the build's main
	 * process, which can then wait for all of them (fault.c).
	 */
	if (!S_in_child)
		(void)prctl(PR_SET_CHILD_SUBREAPER, 1);
	fault_share();
	if ((sp->pid = fork()) == -1) {
		close(p[0]);
		close(p[1]);
		return 0;
	}
	if (sp->pid == 0) {
		close(p[0]);
		S_child(p[1], parent, fn, arg);
	}
	close(p[1]);
	sp->fd = p[0];
	fault_child(sp->pid, 1);
	return 1;
}

static uint32_t
S_get_u32(const char *p)
{
	uint32_t	 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

int
spawn_wait(struct spawn *sp, struct diags *d)
{
	struct buf	 b;
	char		 chunk[65536], *file, *msg;
	ssize_t		 r;
	size_t		 k = 0, head = 5 * sizeof(uint32_t);
	uint32_t	 flen, mlen;
	int		 status = 0, sev, ok = 0, done = 0;

	buf_init(&b);
	for (;;) {
		if ((r = read(sp->fd, chunk, sizeof(chunk))) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (r == 0)
			break;
		buf_put(&b, chunk, (size_t)r);
	}
	close(sp->fd);
	sp->fd = -1;
	while (waitpid(sp->pid, &status, 0) == -1)
		if (errno != EINTR) {
			status = -1;
			break;
		}
	fault_child(sp->pid, 0);
	sp->pid = -1;

	/* Its diagnostics, in their order; then its result. */
	while (!done && b.len - k >= head) {
		sev = (int)S_get_u32(b.data + k);
		flen = S_get_u32(b.data + k + 12);
		mlen = S_get_u32(b.data + k + 16);
		if (sev == S_RESULT) {
			ok = S_get_u32(b.data + k + 4) != 0;
			done = 1;
			break;
		}
		if ((flen != S_NOFILE && flen > b.len - k - head) ||
		    mlen > b.len - k - head - (flen == S_NOFILE ? 0 : flen))
			break;
		file = flen == S_NOFILE ? NULL :
		    xstrndup(b.data + k + head, flen);
		msg = xstrndup(b.data + k + head +
		    (flen == S_NOFILE ? 0 : flen), mlen);
		if (sev == S_TIMING)
			(void)timing_import(msg);
		else
			diag_add(d, (enum diag_severity)sev, file,
			    (int)S_get_u32(b.data + k + 4),
			    (int)S_get_u32(b.data + k + 8), "%s", msg);
		free(file);
		free(msg);
		k += head + (flen == S_NOFILE ? 0 : flen) + mlen;
	}
	buf_free(&b);
	if (done && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return ok;
	if (status != -1 && WIFSIGNALED(status))
		diag_error(d, NULL, 0, 0, "the process writing the booklets "
		    "was stopped by signal %d (%s)", WTERMSIG(status),
		    strsignal(WTERMSIG(status)));
	else
		diag_error(d, NULL, 0, 0, "the process writing the booklets "
		    "ended without finishing (exit status %d)",
		    status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) :
		    -1);
	return -1;
}
