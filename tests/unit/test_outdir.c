/*
 * test_outdir.c — the output folder as one unit: publication by
 * exchange and by renames, ownership, paths of I/O failures, the ENOSPC fault.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "outdir.h"
#include "util.h"

static char	*S_tmp;

static int
S_setup(void **state)
{
	char	 t[] = "/tmp/test_outdir.XXXXXX";

	(void)state;
	if (mkdtemp(t) == NULL)
		return -1;
	S_tmp = xstrdup(t);
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

/* Write text to dir/rel. */
static void
S_put(const char *dir, const char *rel, const char *text)
{
	char	*p = path_join(dir, rel);

	assert_true(file_write(p, text, strlen(text)));
	free(p);
}

/* Read OUT/rel through the links; allocated, NULL when absent. */
static char *
S_get(const char *out, const char *rel)
{
	char	*p = path_join(out, rel), *text = NULL;
	size_t	 len;

	if (!file_read(p, 1 << 20, &text, &len))
		text = NULL;
	free(p);
	return text;
}

/* One build: site/index.html holding `text`, and a booklet if asked. */
static int
S_build(const char *out, const char *text, int pdf, struct diags *d)
{
	struct outdir	 od;
	char		*site;
	int		 ok;

	if (!outdir_open(&od, out, d)) {
		outdir_close(&od, d);
		return 0;
	}
	site = outdir_path(&od, "site");
	assert_int_equal(mkdir(site, 0777), 0);
	S_put(site, "index.html", text);
	if (pdf)
		S_put(od.stage, "livret-partenaires.pdf", text);
	ok = outdir_commit(&od, d);
	outdir_close(&od, d);
	free(site);
	return ok;
}

static void
test_publish(void **state)
{
	struct diags	 d;
	char		*out = path_join(S_tmp, "out"), *t, buf[64];
	struct stat	 st;

	(void)state;
	diags_init(&d);
	assert_true(S_build(out, "un", 1, &d));
	assert_string_equal(t = S_get(out, "edition/site/index.html"), "un");
	free(t);
	assert_string_equal(t = S_get(out, "edition/livret-partenaires.pdf"),
	    "un");
	free(t);
	/* The second build replaces the unit (by an exchange). */
	assert_true(S_build(out, "deux", 0, &d));
	assert_string_equal(t = S_get(out, "edition/site/index.html"), "deux");
	free(t);
	/* Real folders, no link; the booklet it did not write is gone. */
	t = path_join(out, "edition/site");
	assert_int_equal(lstat(t, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	free(t);
	t = path_join(out, "edition/livret-partenaires.pdf");
	assert_int_equal(access(t, F_OK), -1);
	free(t);
	/* By renames under a journal: the same result, nothing left. */
	setenv("ANNUAIRE_TEST_NO_EXCHANGE", "1", 1);
	assert_true(S_build(out, "trois", 1, &d));
	unsetenv("ANNUAIRE_TEST_NO_EXCHANGE");
	assert_string_equal(t = S_get(out, "edition/site/index.html"), "trois");
	free(t);
	t = path_join(out, ".annuaire/journal");
	assert_int_equal(access(t, F_OK), -1);
	free(t);
	t = path_join(out, ".annuaire/old");
	assert_int_equal(access(t, F_OK), -1);
	free(t);
	t = path_join(out, ".annuaire/current");
	assert_int_equal(readlink(t, buf, sizeof(buf)), -1);
	free(t);
	assert_int_equal(d.errors, 0);
	diags_free(&d);
	free(out);
}

static void
test_foreign(void **state)
{
	struct diags	 d;
	char		*out = path_join(S_tmp, "f"), *t;

	(void)state;
	diags_init(&d);
	/* A site/ of the user's in a folder annuaire never wrote. */
	assert_true(mkdir_p(out));
	t = path_join(out, "site");
	assert_true(mkdir_p(t));
	free(t);
	S_put(out, "site/index.html", "à moi");
	assert_false(S_build(out, "x", 0, &d));
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].msg, "not written by annuaire"));
	assert_string_equal(t = S_get(out, "site/index.html"), "à moi");
	free(t);
	t = path_join(out, ".annuaire.lock");	/* no trace left */
	assert_int_equal(access(t, F_OK), -1);
	free(t);
	diags_free(&d);
	free(out);

	/* A file added by hand into the published site. */
	diags_init(&d);
	out = path_join(S_tmp, "g");
	assert_true(S_build(out, "un", 0, &d));
	S_put(out, "edition/site/notes.txt", "notes");
	assert_false(S_build(out, "deux", 0, &d));
	assert_int_equal(d.errors, 1);
	t = path_join(out, "edition/site/notes.txt");
	assert_string_equal(d.v[0].file, t);
	free(t);
	assert_string_equal(t = S_get(out, "edition/site/index.html"), "un");
	free(t);
	diags_free(&d);
	free(out);
}

static void
test_io_errors(void **state)
{
	struct diags	 d;
	struct outdir	 od;
	char		*out = path_join(S_tmp, "io"), *a, *b, *c, *want;

	(void)state;
	diags_init(&d);
	assert_true(outdir_open(&od, out, &d));
	a = outdir_path(&od, "site/index.html");
	b = outdir_path(&od, "livret.pdf");
	c = xasprintf("%sb/x", od.stage);	/* a sibling, not inside */
	diag_error(&d, "content/x.md", 3, 1, "a content error");
	diag_error(&d, a, 0, 0, "cannot write: No space left on device");
	diag_error(&d, b, 0, 0, "cannot write: No space left on device");
	diag_error(&d, c, 0, 0, "elsewhere");
	assert_true(outdir_io_errors(&od, &d));
	assert_int_equal(d.n, 3);
	assert_int_equal(d.errors, 3);
	want = path_join(out, "edition/site/index.html");
	assert_string_equal(d.v[1].file, want);
	assert_string_equal(d.v[2].file, c);
	free(want);
	outdir_close(&od, &d);
	/* The unpublished generation is removed. */
	assert_int_equal(access(a, F_OK), -1);
	free(a);
	free(b);
	free(c);
	diags_free(&d);
	free(out);
}

static void
test_enospc_fault(void **state)
{
	char	*p = path_join(S_tmp, "w");

	(void)state;
	setenv("ANNUAIRE_FAULT", "enospc", 1);
	errno = 0;
	assert_false(file_write(p, "x", 1));
	assert_int_equal(errno, ENOSPC);
	unsetenv("ANNUAIRE_FAULT");
	assert_true(file_write(p, "x", 1));
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_publish),
		cmocka_unit_test(test_foreign),
		cmocka_unit_test(test_io_errors),
		cmocka_unit_test(test_enospc_fault),
	};

	unsetenv("ANNUAIRE_FAULT");
	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
