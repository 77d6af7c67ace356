/*
 * test_spawn.c — work in a child process (spawn.h): its diagnostics
 * come back whole and in order (no file, notes, more than a pipe's
 * buffer), its result too; a child that dies is an error, not a hang.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "spawn.h"
#include "util.h"

/* n diagnostics of every kind, then the result `ok`. */
struct job {
	int	 n;
	int	 ok;
	int	 die;	/* raise this signal instead of returning */
};

static int
S_work(void *arg, struct diags *d)
{
	const struct job *j = arg;
	int		 i;

	for (i = 0; i < j->n; i++) {
		if (i % 3 == 0)
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "message %d, no file",
			    i);
		else if (i % 3 == 1)
			diag_add(d, DIAG_WARNING, "content/é.md", i, i + 1,
			    "warning %d: « %s »", i, "accents");
		else
			diag_add(d, DIAG_NOTE, "x", i, 0, "%s", "");
	}
	if (j->die)
		raise(j->die);
	return j->ok;
}

/* The same diagnostics appended in this process, for comparison. */
static void
S_expect(const struct job *j, struct diags *d)
{
	struct job	 k = *j;

	k.die = 0;
	(void)S_work(&k, d);
}

static void
S_same(const struct diags *a, const struct diags *b)
{
	size_t	 i;

	assert_int_equal(a->n, b->n);
	assert_int_equal(a->errors, b->errors);
	assert_int_equal(a->warnings, b->warnings);
	for (i = 0; i < a->n; i++) {
		assert_int_equal(a->v[i].sev, b->v[i].sev);
		assert_int_equal(a->v[i].line, b->v[i].line);
		assert_int_equal(a->v[i].col, b->v[i].col);
		if (a->v[i].file == NULL)
			assert_null(b->v[i].file);
		else
			assert_string_equal(a->v[i].file, b->v[i].file);
		assert_string_equal(a->v[i].msg, b->v[i].msg);
	}
}

static void
test_roundtrip(void **state)
{
	static const struct job jobs[] = {
		{ 0, 1, 0 }, { 0, 0, 0 }, { 5, 1, 0 }, { 5, 0, 0 },
		{ 3000, 1, 0 },		/* ~150 kB: more than a pipe holds */
	};
	struct spawn	 sp;
	struct diags	 got, want;
	size_t		 i;
	int		 r;

	(void)state;
	for (i = 0; i < sizeof(jobs) / sizeof(jobs[0]); i++) {
		diags_init(&got);
		diags_init(&want);
		/* What was there before stays first. */
		diag_add(&got, DIAG_WARNING, "before", 1, 1, "before");
		diag_add(&want, DIAG_WARNING, "before", 1, 1, "before");
		assert_true(spawn_start(&sp, S_work, (void *)&jobs[i]));
		r = spawn_wait(&sp, &got);
		S_expect(&jobs[i], &want);
		assert_int_equal(r, jobs[i].ok);
		S_same(&got, &want);
		diags_free(&got);
		diags_free(&want);
	}
}

static void
test_death(void **state)
{
	struct job	 j = { 4, 1, SIGKILL };
	struct spawn	 sp;
	struct diags	 d;

	(void)state;
	diags_init(&d);
	assert_true(spawn_start(&sp, S_work, &j));
	assert_int_equal(spawn_wait(&sp, &d), -1);
	/* Nothing of what it said: only why it stopped. */
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	assert_null(d.v[0].file);
	assert_non_null(strstr(d.v[0].msg, "signal 9"));
	diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_death),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
