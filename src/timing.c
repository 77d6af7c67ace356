/*
 * timing.c — named marks of a build's phases: wall time since the
 * previous mark and peak memory (timing.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "timing.h"

struct mark {
	char	 name[64];
	double	 ms;		/* wall time of the phase */
	double	 cpu;		/* CPU time (user + system) of the phase */
	double	 end;		/* ms since timing_start() at its end */
	long	 peak_kb;	/* peak resident memory of its process */
};

static struct {
	int		 on;
	double		 t0, last;	/* ms, CLOCK_MONOTONIC */
	double		 last_cpu;	/* ms of CPU time at the last mark */
	pid_t		 pid;		/* the process that made it */
	struct mark	*v;
	size_t		 n, cap;
} S_t;

static double
S_now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* CPU time of this process so far, in ms; its peak memory in KB. */
static double
S_cpu_ms(long *peak_kb)
{
	struct rusage	 ru;

	if (getrusage(RUSAGE_SELF, &ru) == -1) {
		*peak_kb = 0;
		return 0;
	}
	*peak_kb = ru.ru_maxrss;
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static void
S_mark_add(const char *name, double ms, double cpu, double end, long peak_kb)
{
	struct mark	*m;

	if (S_t.n == S_t.cap) {
		S_t.cap = S_t.cap ? S_t.cap * 2 : 16;
		S_t.v = xreallocarray(S_t.v, S_t.cap, sizeof(*S_t.v));
	}
	m = &S_t.v[S_t.n++];
	snprintf(m->name, sizeof(m->name), "%s", name);
	m->ms = ms;
	m->cpu = cpu;
	m->end = end;
	m->peak_kb = peak_kb;
}

void
timing_start(void)
{
	long	 kb;

	S_t.on = 1;
	S_t.t0 = S_t.last = S_now_ms();
	S_t.last_cpu = S_cpu_ms(&kb);
	S_t.pid = getpid();
	S_t.n = 0;
}

void
timing_mark(const char *name)
{
	double		 now, cpu;
	long		 kb;

	if (!S_t.on)
		return;
	now = S_now_ms();
	cpu = S_cpu_ms(&kb);
	if (getpid() != S_t.pid) {
		/* A child after fork(): its CPU time counts from 0. */
		S_t.pid = getpid();
		S_t.last_cpu = 0;
	}
	S_mark_add(name, now - S_t.last, cpu - S_t.last_cpu, now - S_t.t0, kb);
	S_t.last = now;
	S_t.last_cpu = cpu;
}

void
timing_mark_file(const char *what, const char *path)
{
	const char	*base = strrchr(path, '/');
	char		 name[64];

	snprintf(name, sizeof(name), "%s:%s", what, base ? base + 1 : path);
	timing_mark(name);
}

size_t
timing_count(void)
{
	return S_t.n;
}

void
timing_export(struct buf *b, size_t from)
{
	size_t	 i;

	for (i = from; i < S_t.n; i++)
		buf_printf(b, "%s\t%.3f\t%.3f\t%.3f\t%ld\n", S_t.v[i].name,
		    S_t.v[i].ms, S_t.v[i].cpu, S_t.v[i].end, S_t.v[i].peak_kb);
}

int
timing_import(const char *s)
{
	char	 name[64];
	double	 ms, cpu, end;
	long	 kb;
	int	 len;

	while (*s != '\0') {
		if (sscanf(s, "%63[^\t\n]\t%lf\t%lf\t%lf\t%ld%n", name, &ms,
		    &cpu, &end, &kb, &len) != 5 ||
		    (s[len] != '\n' && s[len] != '\0'))
			return 0;
		if (S_t.on)
			S_mark_add(name, ms, cpu, end, kb);
		s += len + (s[len] == '\n');
	}
	return 1;
}

/* In the order the phases ended (a child's phases run beside ours). */
static int
S_cmp_end(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;

	return (x->end > y->end) - (x->end < y->end);
}

void
timing_format(struct buf *b)
{
	size_t	 i;
	long	 peak = 0;
	double	 end = 0, cpu = 0;

	if (!S_t.on)
		return;
	qsort(S_t.v, S_t.n, sizeof(*S_t.v), S_cmp_end);
	for (i = 0; i < S_t.n; i++) {
		buf_printf(b, "timing: %-28s %9.1f ms %9.1f ms cpu %9.1f ms "
		    "total %8.1f MB peak\n", S_t.v[i].name, S_t.v[i].ms,
		    S_t.v[i].cpu, S_t.v[i].end, S_t.v[i].peak_kb / 1024.0);
		if (S_t.v[i].peak_kb > peak)
			peak = S_t.v[i].peak_kb;
		if (S_t.v[i].end > end)
			end = S_t.v[i].end;
		cpu += S_t.v[i].cpu;
	}
	buf_printf(b, "timing: %-28s %9.1f ms %9.1f ms cpu %9.1f ms total "
	    "%8.1f MB peak\n", "total", end, cpu, end, peak / 1024.0);
}
