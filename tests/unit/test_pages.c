/*
 * test_pages.c — no cap on the booklet's length: a display list of more
 * pages than one libharu /Pages node holds (32 767) is written, in
 * reading order and imposed, and read back whole by qpdf and pdfinfo;
 * and the marks of build --timings (src/timing.c).
 * Skipped (the PDF part) when the fonts are not installed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "pdf.h"
#include "timing.h"
#include "util.h"
#include "unit.h"

#define NPAGES	33000	/* more than HPDF_LIMIT_MAX_ARRAY */

static void
add_text(struct pdf_page *p, double y, const char *s)
{
	struct pdf_item *it = pdf_page_add(p);

	it->type = ITEM_TEXT;
	it->face = FACE_REGULAR;
	it->x = 60;
	it->y = y;
	it->size = 9;
	it->text = xstrdup(s);
}

static void
test_many_pages(void **state)
{
	struct pdf_doc	*doc;
	struct pdf_item	*it;
	struct diags	 d;
	char		 dir[512], *pdf, *imp, *out;
	const char	*tmp = getenv("T_TMP");
	size_t		 i;
	int		 st;

	(void)state;
	if (!unit_have_fonts())
		skip();
	snprintf(dir, sizeof(dir), "%s/pages.XXXXXX",
	    tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(dir));
	pdf = path_join(dir, "livret.pdf");
	imp = path_join(dir, "livret-impression.pdf");

	/* Blank pages but the first and the last: text and a link back. */
	doc = unit_doc(419.53, 595.28, NPAGES);
	for (i = 1; i + 1 < NPAGES; i++)
		doc->pages[i].blank = 1;
	add_text(&doc->pages[0], 500, "Première page du livret");
	add_text(&doc->pages[NPAGES - 1], 500, "Dernière page du livret");
	it = pdf_page_add(&doc->pages[NPAGES - 1]);
	it->type = ITEM_LINK_PAGE;
	it->x = 60;
	it->y = 490;
	it->w = 100;
	it->h = 12;
	it->dest_page = 0;
	it->dest_y = 595.28;
	doc->lang = xstrdup("fr-FR");

	diags_init(&d);
	assert_int_equal(emit_pdf(doc, pdf, &d), 1);
	assert_int_equal(emit_imposed(doc, imp, &d), 1);
	assert_int_equal(d.errors, 0);
	diags_free(&d);

	out = unit_run(&st, "qpdf --check '%s' >/dev/null 2>&1 && "
	    "qpdf --check '%s' >/dev/null 2>&1 && echo ok", pdf, imp);
	assert_string_equal(out, "ok\n");
	free(out);
	out = unit_run(&st, "pdfinfo '%s' | sed -n 's/^Pages: *//p'", pdf);
	assert_int_equal(atoi(out), NPAGES);
	free(out);
	out = unit_run(&st, "pdfinfo '%s' | sed -n 's/^Pages: *//p'", imp);
	assert_int_equal(atoi(out), (NPAGES + 3) / 4 * 2);
	free(out);
	out = unit_run(&st, "pdftotext -f %d -l %d '%s' - | head -1", NPAGES,
	    NPAGES, pdf);
	assert_string_equal(out, "Dernière page du livret\n");
	free(out);

	layout_free(doc);
	unlink(pdf);
	unlink(imp);
	rmdir(dir);
	free(pdf);
	free(imp);
}

static void
test_timing(void **state)
{
	struct buf	 b, x;
	size_t		 n;

	(void)state;
	buf_init(&b);
	timing_mark("before start");		/* not recorded */
	assert_int_equal(timing_count(), 0);
	timing_start();
	timing_mark("load+validate");
	n = timing_count();
	timing_mark("write:livret.pdf");
	assert_int_equal(timing_count(), 2);

	/* A child's marks as text, added back (here: to the same list). */
	buf_init(&x);
	timing_export(&x, n);
	assert_non_null(strstr(buf_cstr(&x), "write:livret.pdf\t"));
	assert_int_equal(timing_import("site\t12.5\t10.0\t99999\t2048\n"), 1);
	assert_int_equal(timing_import("bad line\n"), 0);
	assert_int_equal(timing_count(), 3);
	buf_free(&x);

	timing_format(&b);
	/* In the order the phases ended, then the total. */
	assert_non_null(strstr(buf_cstr(&b), "timing: load+validate "));
	assert_true(strstr(buf_cstr(&b), "timing: write:livret.pdf") <
	    strstr(buf_cstr(&b), "timing: site "));
	assert_non_null(strstr(buf_cstr(&b),
	    "    12.5 ms      10.0 ms cpu   99999.0 ms total      2.0 MB peak\n"));
	assert_non_null(strstr(buf_cstr(&b), "timing: total "));
	assert_null(strstr(buf_cstr(&b), "before start"));
	buf_free(&b);
}

/* A child's marks count its own CPU time, and reach the parent. */
static void
test_timing_child(void **state)
{
	struct buf	 b;
	char		 text[512];
	int		 fd[2], st;
	ssize_t		 n;
	volatile double	 x = 0;
	long		 i;
	pid_t		 pid;

	(void)state;
	timing_start();
	for (i = 0; i < 20000000; i++)	/* some CPU time before the fork */
		x += (double)i;
	timing_mark("parent");
	assert_int_equal(pipe(fd), 0);
	if ((pid = fork()) == 0) {
		size_t from = timing_count();

		timing_mark("child");
		buf_init(&b);
		timing_export(&b, from);
		n = write(fd[1], b.data, b.len);
		_exit(n == (ssize_t)b.len ? 0 : 1);
	}
	close(fd[1]);
	n = read(fd[0], text, sizeof(text) - 1);
	close(fd[0]);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(n > 0);
	text[n] = '\0';
	assert_int_equal(strncmp(text, "child\t", 6), 0);
	/* Wall, then CPU: the child's CPU is its own (>= 0, small). */
	assert_true(strtod(strchr(strchr(text, '\t') + 1, '\t') + 1, NULL)
	    >= 0);
	assert_int_equal(timing_import(text), 1);
	assert_int_equal(timing_count(), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timing),
		cmocka_unit_test(test_timing_child),
		cmocka_unit_test(test_many_pages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
