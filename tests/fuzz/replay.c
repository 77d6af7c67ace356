/*
 * replay.c — run a libFuzzer harness without libFuzzer, as a regression
 * test: every file of the directories (or the files) given as arguments
 * goes through LLVMFuzzerTestOneInput(), in sorted order.  A crash, a
 * sanitizer report or an abort() of the harness ends the process, and
 * the test runner sees the status; otherwise one TAP line per argument:
 *
 *	ok 1 - fuzz_load: tests/fuzz/corpus/load (57 inputs)
 *
 * The harness name is the program name without "replay_".  Linked with
 * one fuzz_NAME.c and the library objects (see the Makefile).
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The biggest input libFuzzer gives by default is 4096 bytes; be generous. */
#define	REPLAY_MAXSIZE	(4 * 1024 * 1024)

static int
S_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs one file; returns 0 (with a message in *why) when unreadable. */
static int
S_one(const char *path, char **why)
{
	char	*data;
	size_t	 len;

	if (!file_read(path, REPLAY_MAXSIZE, &data, &len)) {
		*why = xasprintf("%s: %s", path, strerror(errno));
		return 0;
	}
	/* A copy of exactly len bytes, so that ASan sees any overread. */
	{
		uint8_t	*copy = xmalloc(len ? len : 1);

		memcpy(copy, data, len);
		free(data);
		(void)LLVMFuzzerTestOneInput(copy, len);
		free(copy);
	}
	return 1;
}

/* Runs every regular file of dir (or dir itself when a file). */
static int
S_arg(const char *arg, size_t *count, char **why)
{
	struct stat	 st;
	DIR		*d;
	struct dirent	*e;
	char		**v = NULL, *path;
	size_t		 n = 0, cap = 0, i;
	int		 ok = 1;

	if (stat(arg, &st) == -1) {
		*why = xasprintf("%s: %s", arg, strerror(errno));
		return 0;
	}
	if (!S_ISDIR(st.st_mode)) {
		*count = 1;
		return S_one(arg, why);
	}
	if ((d = opendir(arg)) == NULL) {
		*why = xasprintf("%s: %s", arg, strerror(errno));
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof(*v), S_cmp);
	*count = 0;
	for (i = 0; i < n; i++) {
		path = path_join(arg, v[i]);
		if (ok && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			/* Says which input it was, should it crash. */
			printf("# %s\n", path);
			fflush(stdout);
			if (S_one(path, why))
				(*count)++;
			else
				ok = 0;
		}
		free(path);
		free(v[i]);
	}
	free(v);
	if (ok && *count == 0) {
		*why = xasprintf("%s: no input", arg);
		ok = 0;
	}
	return ok;
}

int
main(int argc, char *argv[])
{
	const char	*name, *p;
	char		*why;
	size_t		 count;
	int		 i, failed = 0;

	name = (p = strrchr(argv[0], '/')) != NULL ? p + 1 : argv[0];
	if (strncmp(name, "replay_", 7) == 0)
		name += 7;
	if (argc < 2) {
		fprintf(stderr, "usage: %s corpus-dir|file ...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		why = NULL;
		count = 0;
		if (S_arg(argv[i], &count, &why))
			printf("ok %d - fuzz_%s: %s (%zu input%s)\n", i, name,
			    argv[i], count, count == 1 ? "" : "s");
		else {
			printf("not ok %d - fuzz_%s: %s\n# %s\n", i, name,
			    argv[i], why);
			failed = 1;
		}
		free(why);
		fflush(stdout);
	}
	printf("1..%d\n", argc - 1);
	return failed;
}
