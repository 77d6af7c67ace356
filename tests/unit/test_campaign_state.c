/*
 * test_campaign_state.c — campaign_state_get() and campaign_state_add():
 * the entries stay sorted by slug, found again, never repeated, and
 * those already there keep what they hold.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "campaign_state.h"
#include "util.h"

static void
S_sorted(const struct campaign *c)
{
	size_t	 i;

	for (i = 1; i < c->n; i++)
		assert_true(strcmp(c->v[i - 1].slug, c->v[i].slug) < 0);
}

/* One at a time, in any order: sorted, found, not added twice. */
static void
test_get(void **state)
{
	static const char *const s[] = { "m", "c", "x", "a", "m", "q" };
	struct campaign	 c;
	size_t		 i;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_null(campaign_state_get(&c, "m", 0));
	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		assert_string_equal(campaign_state_get(&c, s[i], 1)->slug,
		    s[i]);
	assert_int_equal(c.n, 5);
	S_sorted(&c);
	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		assert_non_null(campaign_state_get(&c, s[i], 0));
	assert_null(campaign_state_get(&c, "b", 0));
	assert_null(campaign_state_get(&c, "z", 0));
	campaign_state_free(&c);
}

/* Many at once among entries already there: the same as one by one. */
static void
test_add(void **state)
{
	struct campaign	 c, one;
	const char	*v[500];
	char		 name[500][16];
	size_t		 i;

	(void)state;
	memset(&c, 0, sizeof(c));
	memset(&one, 0, sizeof(one));
	campaign_state_add(&c, NULL, 0);
	assert_int_equal(c.n, 0);
	/* Every third already there, with a date. */
	for (i = 0; i < 500; i++) {
		snprintf(name[i], sizeof(name[i]), "p-%03zu", (i * 7919) % 500);
		v[i] = name[i];
		if (i % 3 == 0)
			campaign_state_get(&c, v[i], 1)->demande.y = 2018;
		campaign_state_get(&one, v[i], 1);
	}
	campaign_state_add(&c, v, 500);
	assert_int_equal(c.n, 500);
	S_sorted(&c);
	for (i = 0; i < 500; i++) {
		assert_string_equal(c.v[i].slug, one.v[i].slug);
		assert_int_equal(campaign_state_get(&c, v[i], 0)->demande.y,
		    i % 3 == 0 ? 2018 : 0);
	}
	campaign_state_add(&c, v, 500);
	assert_int_equal(c.n, 500);
	campaign_state_free(&c);
	campaign_state_free(&one);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get),
		cmocka_unit_test(test_add),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
