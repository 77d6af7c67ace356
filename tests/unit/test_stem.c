/*
 * test_stem.c — the words of the search index (stem.c): libstemmer's
 * French stems against the official Snowball vocabulary and expected
 * stems (Debian snowball-data), the tokenizer, lowercase, stop words.
 * The JavaScript side (themes/default/assets/stem-fr.js) is checked
 * against the same list by tests/suites/stem.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stem.h"
#include "util.h"

static const char *
S_data(const char *name)
{
	static char	 path[1024];
	const char	*dir = getenv("SNOWBALL_DATA");

	snprintf(path, sizeof(path), "%s/french/%s",
	    dir ? dir : "/usr/share/snowball/data", name);
	return path;
}

static void
test_every_word_of_the_snowball_list(void **state)
{
	FILE		*voc, *out;
	char		 w[256], e[256];
	struct stem	*s;
	struct buf	 b;
	size_t		 n = 0, bad = 0;

	(void)state;
	voc = fopen(S_data("voc.txt"), "r");
	out = fopen(S_data("output.txt"), "r");
	if (voc == NULL || out == NULL) {
		if (voc)
			fclose(voc);
		if (out)
			fclose(out);
		skip();	/* snowball-data missing: make deps-test */
	}
	assert_non_null(s = stem_new());
	buf_init(&b);
	while (fgets(w, sizeof(w), voc) != NULL) {
		assert_non_null(fgets(e, sizeof(e), out));
		w[strcspn(w, "\n")] = '\0';
		e[strcspn(e, "\n")] = '\0';
		buf_reset(&b);
		assert_true(stem_word(s, w, strlen(w), &b));
		if (strcmp(buf_cstr(&b), e) != 0 && bad++ < 10)
			print_message("# %s: %s, expected %s\n", w, buf_cstr(&b), e);
		n++;
	}
	print_message("# %zu words, %zu different\n", n, bad);
	assert_true(n > 20000);
	assert_int_equal(bad, 0);
	buf_free(&b);
	stem_free(s);
	fclose(voc);
	fclose(out);
}

struct S_collect {
	struct buf	 b;
};

static void
S_collect(void *arg, const char *w, size_t len)
{
	struct S_collect *c = arg;

	assert_int_equal(strlen(w), len);
	buf_puts(&c->b, w);
	buf_putc(&c->b, '|');
}

static void
test_words_are_cut_and_lowercased(void **state)
{
	struct S_collect c;

	(void)state;
	buf_init(&c.b);
	stem_words("L\xe2\x80\x99\xc3\x89TAT \xc5\x92uvre\xc2\xa0: aide-m\xc3\xa9nag\xc3\xa8re, "
	    "12\xc3\x97" "3 \xc3\x80 \xc3\x87" "A\xe2\x80\xafok \xff" "x", S_collect, &c);
	assert_string_equal(buf_cstr(&c.b),
	    "l|\xc3\xa9tat|\xc5\x93uvre|aide|m\xc3\xa9nag\xc3\xa8re|12|3|\xc3\xa0|\xc3\xa7" "a|ok|x|");
	buf_free(&c.b);
}

static void
test_lowercase(void **state)
{
	(void)state;
	assert_int_equal(stem_lower_cp('A'), 'a');
	assert_int_equal(stem_lower_cp(0xc9), 0xe9);	/* É */
	assert_int_equal(stem_lower_cp(0xd7), 0xd7);	/* × */
	assert_int_equal(stem_lower_cp(0x152), 0x153);	/* Œ */
	assert_int_equal(stem_lower_cp(0x178), 0xff);	/* Ÿ */
	assert_int_equal(stem_lower_cp(0x141), 0x142);	/* Ł */
	assert_int_equal(stem_lower_cp(0x17d), 0x17e);	/* Ž */
	assert_int_equal(stem_lower_cp(0x3a3), 0x3a3);	/* kept */
	/* Digits are word characters, 0 to 9 (a year, a postal code). */
	assert_true(stem_is_word_cp('0'));
	assert_true(stem_is_word_cp('9'));
	assert_false(stem_is_word_cp(':'));
	assert_false(stem_is_word_cp('/'));
}

static void
test_stopwords_sorted_and_found(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 1; stem_stopwords[i] != NULL; i++)
		assert_true(strcmp(stem_stopwords[i - 1], stem_stopwords[i]) < 0);
	assert_true(stem_stopword("de"));
	assert_true(stem_stopword("a"));
	assert_true(stem_stopword("y"));
	assert_false(stem_stopword("logement"));
	assert_false(stem_stopword("cv"));
	assert_false(stem_stopword(""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_word_of_the_snowball_list),
		cmocka_unit_test(test_words_are_cut_and_lowercased),
		cmocka_unit_test(test_lowercase),
		cmocka_unit_test(test_stopwords_sorted_and_found),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
