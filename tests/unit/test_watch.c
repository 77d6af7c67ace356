/*
 * test_watch.c — the watcher of `annuaire serve`, both ways (polling and
 * inotify): an editor's backup file or a hidden file never counts as a
 * change, wherever it is written; a changed page does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sys/stat.h>
#include <sys/timerfd.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "watch.h"

static char	*S_tmp;

static int
S_setup(void **state)
{
	char	 t[] = "/tmp/test_watch.XXXXXX";
	char	*sub;

	(void)state;
	if (mkdtemp(t) == NULL)
		return -1;
	S_tmp = xstrdup(t);
	sub = path_join(S_tmp, "partenaires");
	if (mkdir(sub, 0755) == -1)
		return -1;
	free(sub);
	return 0;
}

static int
S_teardown(void **state)
{
	(void)state;
	(void)remove_tree(S_tmp);
	free(S_tmp);
	return 0;
}

static void
S_put(const char *rel, const char *text)
{
	char	*p = path_join(S_tmp, rel);

	assert_true(file_write(p, text, strlen(text)));
	free(p);
}

/*
 * watch_wait() with a stop descriptor that becomes readable after ms:
 * 1 when the watcher saw a change before, 0 when it did not.
 */
static int
S_wait(struct watch *w, int ms)
{
	struct itimerspec it;
	int		 fd, r;

	memset(&it, 0, sizeof(it));
	it.it_value.tv_sec = ms / 1000;
	it.it_value.tv_nsec = (long)(ms % 1000) * 1000000L;
	fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(timerfd_settime(fd, 0, &it, NULL), 0);
	r = watch_wait(w, fd, 100);
	close(fd);
	return r;
}

static void
S_backups_ignored(int force_poll)
{
	const char	*roots[1] = { S_tmp };
	struct watch	*w;

	S_put("partenaires/caf.md", "---\nnom: CAF\n---\n");
	w = watch_open(roots, 1, force_poll);
	/* An editor's backup and swap file in a folder of the tree: the
	   folder's own date changes, nothing that matters does. */
	S_put("partenaires/caf.md~", "---\nnom: CAF (old)\n---\n");
	S_put("partenaires/.caf.md.swp", "x");
	S_put("site.yaml~", "titre: old\n");
	assert_int_equal(S_wait(w, 3 * WATCH_POLL_MS + 200), 0);
	/* A page changed: seen. */
	S_put("partenaires/caf.md", "---\nnom: CAF des Yvelines\n---\n");
	assert_int_equal(S_wait(w, 3 * WATCH_POLL_MS + 200), 1);
	/* A new page: seen. */
	S_put("partenaires/ccas.md", "---\nnom: CCAS\n---\n");
	assert_int_equal(S_wait(w, 3 * WATCH_POLL_MS + 200), 1);
	watch_close(w);
}

static void
test_polling(void **state)
{
	const char	*roots[1] = { S_tmp };
	struct watch	*w;

	(void)state;
	w = watch_open(roots, 1, 1);
	assert_string_equal(watch_method(w), "polling");
	watch_close(w);
	S_backups_ignored(1);
}

static void
test_inotify(void **state)
{
	const char	*roots[1] = { S_tmp };
	struct watch	*w;
	int		 ok;

	(void)state;
	w = watch_open(roots, 1, 0);
	ok = strcmp(watch_method(w), "inotify") == 0;
	watch_close(w);
	if (!ok)
		skip();		/* /tmp on a remote file system */
	S_backups_ignored(0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_polling),
		cmocka_unit_test(test_inotify),
	};

	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
