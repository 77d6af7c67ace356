/*
 * test_form.c — form_render(): the partner form as one self-contained
 * page, for the example content and the hostile fixture (the browser
 * side is tests/suites/form.sh).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "form.h"
#include "load.h"
#include "model.h"
#include "util.h"

#define	THEME	"themes/default"

static size_t
S_count(const char *s, const char *needle)
{
	size_t	 n = 0;

	while ((s = strstr(s, needle)) != NULL)
		n++, s++;
	return n;
}

static struct site *
S_load(const char *dir)
{
	struct diags	 d;
	struct site	*s;

	diags_init(&d);
	s = load_content(dir, &d);
	assert_non_null(s);
	assert_int_equal(d.errors, 0);
	diags_free(&d);
	return s;
}

/* Every example partner: a page, its data, twice the same. */
static void
test_examples(void **state)
{
	struct site	*s = S_load("content");
	struct diags	 d;
	struct buf	 a, b;
	size_t		 i, j, withcontacts = 0;

	(void)state;
	diags_init(&d);
	assert_true(s->npartners > 0);
	for (i = 0; i < s->npartners; i++) {
		const struct partner *p = &s->partners[i];

		buf_init(&a);
		buf_init(&b);
		assert_true(form_render(s, p, NULL, 0, THEME, THEME, &a, &d));
		assert_true(form_render(s, p, NULL, 0, THEME, NULL, &b, &d));
		assert_int_equal(d.n, 0);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.data, b.data, a.len);
		assert_true(strncmp(a.data, "<!DOCTYPE html>", 15) == 0);
		assert_non_null(strstr(a.data, "<html lang=\"fr\">"));
		assert_non_null(strstr(a.data, "id=\"donnees\""));
		assert_non_null(strstr(a.data, "default-src 'none'"));
		/* The data element, the script: nothing else closes one. */
		assert_int_equal(S_count(a.data, "</script"), 2);
		assert_null(strstr(a.data, "note_suivi"));
		assert_null(strstr(a.data, "\"suivi\""));
		for (j = 0; j < p->ncontacts; j++) {
			assert_non_null(strstr(a.data, p->contacts[j].nom.s));
			withcontacts++;
		}
		buf_free(&a);
		buf_free(&b);
	}
	assert_true(withcontacts > 0);
	diags_free(&d);
	model_free(s);
}

/* The edition given is the one the form names (0: site.yaml's). */
static void
test_edition(void **state)
{
	struct site	*s = S_load("content");
	struct form_index *ix = form_index_new(s);
	struct diags	 d;
	struct buf	 b;
	char		*want;

	(void)state;
	diags_init(&d);
	buf_init(&b);
	assert_true(form_render(s, &s->partners[0], ix, 2042, THEME, THEME,
	    &b, &d));
	assert_non_null(strstr(b.data, "édition 2042</p>"));
	assert_non_null(strstr(b.data, "\"edition\":2042"));
	buf_reset(&b);
	assert_true(form_render(s, &s->partners[0], ix, 0, THEME, THEME, &b,
	    &d));
	want = xasprintf("édition %d</p>", s->edition);
	assert_non_null(strstr(b.data, want));
	/* A small edition: every other partner is offered. */
	assert_non_null(strstr(b.data, "\"partenaires_tous\":true"));
	free(want);
	buf_free(&b);
	diags_free(&d);
	form_index_free(ix);
	model_free(s);
}

/* Values that look like markup stay inside their JSON strings. */
static void
test_hostile(void **state)
{
	struct site	*s = S_load("tests/golden/site/content");
	const struct partner *p = model_partner(s, "hostile");
	struct diags	 d;
	struct buf	 b;

	(void)state;
	assert_non_null(p);
	diags_init(&d);
	buf_init(&b);
	assert_true(form_render(s, p, NULL, 0, THEME, THEME, &b, &d));
	assert_int_equal(S_count(b.data, "</script"), 2);
	assert_int_equal(S_count(b.data, "<script"), 2);
	assert_null(strstr(b.data, "<iframe"));
	assert_null(strstr(b.data, "<svg"));
	assert_non_null(strstr(b.data, "\\u003cscript\\u003ealert('nom')"));
	/* In the title, the name is HTML-escaped by the template. */
	assert_non_null(strstr(b.data, "&lt;script&gt;alert(&#39;nom&#39;)"));
	buf_free(&b);
	diags_free(&d);
	model_free(s);
}

/* A theme's campagne/ file wins over the default's; a missing one fails. */
static void
test_theme(void **state)
{
	const char	*tmp = getenv("T_TMP");
	struct site	*s = S_load("content");
	struct diags	 d;
	struct buf	 b;
	char		*dir, *css;

	(void)state;
	assert_non_null(tmp);
	dir = path_join(tmp, "theme");
	css = path_join(dir, "campagne");
	assert_true(mkdir_p(css));
	free(css);
	css = path_join(dir, "campagne/form.css");
	assert_true(file_write(css, "/* theme override */\n", 21));
	diags_init(&d);
	buf_init(&b);
	assert_true(form_render(s, &s->partners[0], NULL, 0, dir, THEME, &b, &d));
	assert_non_null(strstr(b.data, "/* theme override */"));
	assert_non_null(strstr(b.data, "window.annuaireForm"));

	/* Without the default theme, the template is missing: no output. */
	buf_reset(&b);
	assert_false(form_render(s, &s->partners[0], NULL, 0, dir, NULL, &b, &d));
	assert_int_equal(b.len, 0);
	assert_true(d.errors > 0);
	assert_non_null(strstr(d.v[0].msg, "campagne/form.mustache"));

	/* A style sheet that would close its element is refused. */
	diags_free(&d);
	diags_init(&d);
	assert_true(file_write(css, "a{} </style><script>x()</script>", 32));
	assert_false(form_render(s, &s->partners[0], NULL, 0, dir, THEME, &b, &d));
	assert_int_equal(b.len, 0);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].file, css);
	/* A script closing its element in capitals, or opening a comment. */
	assert_true(file_write(css, "a{}\n", 4));
	free(css);
	css = path_join(dir, "campagne/form.js");
	assert_true(file_write(css, "x = 1; // </SCRIPT>", 19));
	diags_free(&d);
	diags_init(&d);
	assert_false(form_render(s, &s->partners[0], NULL, 0, dir, THEME, &b, &d));
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].msg, "</script"));
	assert_true(file_write(css, "x = '<!--';", 11));
	diags_free(&d);
	diags_init(&d);
	assert_false(form_render(s, &s->partners[0], NULL, 0, dir, THEME, &b, &d));
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].msg, "<!--"));
	assert_int_equal(b.len, 0);
	buf_free(&b);
	diags_free(&d);
	free(css);
	free(dir);
	model_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_edition),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_theme),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
