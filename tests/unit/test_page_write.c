/*
 * test_page_write.c — model -> page file -> model (src/page_write.c),
 * and the field-by-field difference of two pages (src/page_fields.c).
 *
 * Every example partner is written, loaded back with load_page() (the
 * loader's own checks) and compared field by field and byte for byte
 * (writing the reloaded page gives the same file).  A partner whose
 * texts hold everything YAML treats specially goes through the same.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "load.h"
#include "model.h"
#include "page_fields.h"
#include "page_write.h"
#include "util.h"

static char *
S_tmpfile(const char *name)
{
	const char *t = getenv("T_TMP");

	return xasprintf("%s/%s", t ? t : "/tmp", name);
}

static void
S_print(const struct diags *d)
{
	size_t	 i;

	for (i = 0; i < d->n; i++)
		print_message("# %s:%d:%d: %s\n", d->v[i].file, d->v[i].line,
		    d->v[i].col, d->v[i].msg);
}

/* Write p, load it back as slug, check both are the same page. */
static void
S_roundtrip(struct site *s, const struct partner *p)
{
	struct buf	 a, b, diff;
	struct diags	 d;
	struct partner	*q;
	char		*path = S_tmpfile("page.md");

	buf_init(&a);
	buf_init(&b);
	buf_init(&diff);
	diags_init(&d);
	page_write(p, &a);
	assert_true(file_write_atomic(path, a.data, a.len));
	q = load_page(s, path, p->slug, &d);
	if (q == NULL) {
		S_print(&d);
		print_message("# %s\n", buf_cstr(&a));
	}
	assert_non_null(q);
	assert_int_equal(d.errors, 0);
	if (page_fields_diff(p, q, 0, NULL, "# ", &diff) != 0)
		print_message("%s", buf_cstr(&diff));
	assert_int_equal(page_fields_diff(p, q, 0, NULL, "", NULL), 0);
	assert_true((p->body == NULL) == (q->body == NULL));
	if (p->body != NULL)
		assert_string_equal(p->body, q->body);
	assert_int_equal(p->horaires.present, q->horaires.present);
	assert_int_equal(p->modalites, q->modalites);
	page_write(q, &b);
	assert_string_equal(buf_cstr(&a), buf_cstr(&b));
	model_partner_free(q);
	free(q);
	buf_free(&a);
	buf_free(&b);
	buf_free(&diff);
	diags_free(&d);
	unlink(path);
	free(path);
}

static struct site *
S_example(void)
{
	struct diags	 d;
	struct site	*s;

	diags_init(&d);
	s = load_content("content", &d);
	assert_non_null(s);
	assert_int_equal(d.errors, 0);
	diags_free(&d);
	return s;
}

/* Every example partner survives the round trip. */
static void
test_example(void **state)
{
	struct site	*s = S_example();
	size_t		 i;

	(void)state;
	assert_true(s->npartners >= 20);
	for (i = 0; i < s->npartners; i++)
		S_roundtrip(s, &s->partners[i]);
	model_free(s);
}

static void
S_set(struct text *t, const char *v)
{
	free(t->s);
	t->s = xstrdup(v);
}

/* Texts full of YAML's special characters come back unchanged. */
static void
test_hostile(void **state)
{
	struct site	*s = S_example();
	struct partner	*p = &s->partners[0];

	(void)state;
	S_set(&p->nom, "\"Quoted\" \\ back: slash # not a comment");
	S_set(&p->resume, "- starts like a list: { [ ] } & * ! | > ' % @ `");
	S_set(&p->public_, "line one\nline two\twith tab\u2028sep\u00a0nbsp");
	S_set(&p->acces_precisions, "yes");
	S_set(&p->transports, "null");
	S_set(&p->horaires.precisions, "~");
	S_set(&p->missions.v[0], "123");
	S_set(&p->note_suivi, "« guillemets » — tiret … ’");
	p->suivi = SUIVI_EN_ATTENTE;
	free(p->body);
	p->body = xstrdup("\n---\nnot front matter\n\n# Titre\n");
	S_roundtrip(s, p);
	free(p->body);
	p->body = NULL;
	S_roundtrip(s, p);
	model_free(s);
}

/* The difference of two pages names each field that changed. */
static void
test_diff(void **state)
{
	struct site	*s = S_example();
	struct partner	*p = model_partner(s, "croix-rouge");
	struct buf	 a, out;
	struct diags	 d;
	struct partner	*q;
	char		*path = S_tmpfile("diff.md"), *page, *at;

	(void)state;
	assert_non_null(p);
	buf_init(&a);
	buf_init(&out);
	diags_init(&d);
	page_write(p, &a);
	page = buf_detach(&a);
	/* Change the phone, drop a mission, add a line to the body. */
	at = strstr(page, "01 99 00 20 08");
	assert_non_null(at);
	memcpy(at, "01 99 00 12 34", 14);
	at = strstr(page, "  - \"Proposer des v");
	assert_non_null(at);
	memmove(at, strchr(at, '\n') + 1, strlen(strchr(at, '\n') + 1) + 1);
	buf_puts(&a, page);
	buf_puts(&a, "Une ligne de plus.\n");
	assert_true(file_write_atomic(path, a.data, a.len));
	q = load_page(s, path, p->slug, &d);
	assert_non_null(q);
	assert_int_equal(page_fields_diff(p, q, 0, NULL, "  ", &out), 3);
	print_message("%s", buf_cstr(&out));
	assert_non_null(strstr(buf_cstr(&out),
	    "  Téléphone: « 01 99 00 20 08 » → « 01 99 00 12 34 »\n"));
	assert_non_null(strstr(buf_cstr(&out),
	    "  Missions: − « Proposer des vêtements à petit prix. »\n"));
	assert_non_null(strstr(buf_cstr(&out), "  + Une ligne de plus.\n"));
	/* One notation: no "0 lines removed" when none is. */
	assert_non_null(strstr(buf_cstr(&out),
	    "  Présentation: 1 line added\n"));
	/* Only the groups asked for. */
	assert_int_equal(page_fields_diff(p, q, 0,
	    (const char *const[]){ "telephone", "adresse", NULL }, "", NULL),
	    1);
	assert_int_equal(page_fields_diff(p, p, 0, NULL, "", NULL), 0);
	model_partner_free(q);
	free(q);
	free(page);
	buf_free(&a);
	buf_free(&out);
	diags_free(&d);
	unlink(path);
	free(path);
	model_free(s);
}

/* A page with an error is refused, with the loader's message. */
static void
test_invalid(void **state)
{
	struct site	*s = S_example();
	struct diags	 d;
	char		*path = S_tmpfile("bad.md");
	static const char bad[] = "---\nnom: \"X\"\ntelephone: \"12\"\n---\n";

	(void)state;
	diags_init(&d);
	assert_true(file_write_atomic(path, bad, sizeof(bad) - 1));
	assert_null(load_page(s, path, "x", &d));
	assert_true(d.errors >= 3);
	assert_string_equal(d.v[0].file, path);
	diags_free(&d);
	unlink(path);
	free(path);
	model_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_diff),
		cmocka_unit_test(test_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
