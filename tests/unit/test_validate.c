/*
 * test_validate.c — the field validators, table-driven.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "validate.h"

#define	A60	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define	N(a)	(sizeof(a) / sizeof((a)[0]))

static void
test_phone_valid(void **state)
{
	static const struct { const char *in, *display, *uri; } v[] = {
		{ "01 39 00 00 00", "01 39 00 00 00", "tel:+33139000000" },
		{ "01.39.00.00.00", "01 39 00 00 00", "tel:+33139000000" },
		{ "0139000000", "01 39 00 00 00", "tel:+33139000000" },
		{ "01-39-00-00-00", "01 39 00 00 00", "tel:+33139000000" },
		{ "01 39 00 00 00 ", "01 39 00 00 00", "tel:+33139000000" },
		{ "01\xc2\xa0" "39\xc2\xa0" "00 00 00", "01 39 00 00 00",
		  "tel:+33139000000" },
		{ "+33 1 39 00 00 00", "01 39 00 00 00", "tel:+33139000000" },
		{ "+33 (0)1 39 00 00 00", "01 39 00 00 00", "tel:+33139000000" },
		{ "+33 01 39 00 00 00", "01 39 00 00 00", "tel:+33139000000" },
		{ "+33139000000", "01 39 00 00 00", "tel:+33139000000" },
		{ "0033 1 39 00 00 00", "01 39 00 00 00", "tel:+33139000000" },
		{ "06 12 34 56 78", "06 12 34 56 78", "tel:+33612345678" },
		{ "0 800 00 00 00", "08 00 00 00 00", "tel:+33800000000" },
		{ "115", "115", "tel:115" },
		{ "3919", "3919", "tel:3919" },
		{ "3646", "3646", "tel:3646" },
		{ "15", "15", "tel:15" },
		{ "116 000", "116000", "tel:116000" },
		{ "+32 2 123 45 67", "+32 2 123 45 67", "tel:+3221234567" },
		{ "0032 2 123 45 67", "+3221234567", "tel:+3221234567" },
	};
	size_t	 i;
	char	*d, *u, *why;

	(void)state;
	for (i = 0; i < N(v); i++) {
		why = NULL;
		if (!validate_phone(v[i].in, &d, &u, &why))
			fail_msg("%s: %s", v[i].in, why);
		assert_string_equal(d, v[i].display);
		assert_string_equal(u, v[i].uri);
		free(d);
		free(u);
	}
}

static void
test_phone_invalid(void **state)
{
	static const struct { const char *in, *why; } v[] = {
		{ "01 39 00 00", "\"01 39 00 00\" has 8 digits, a French "
		  "number has 10" },
		{ "01 39 00 00 00 0", "\"01 39 00 00 00 0\" has 11 digits, a "
		  "French number has 10" },
		{ "1139000000", "\"1139000000\" does not start with 0: a "
		  "French number looks like 01 39 00 00 00" },
		{ "0039000000", NULL },
		{ "tél. 01 39 00 00 00", NULL },
		{ "01 39 00 00 0O", NULL },
		{ "+33 1 39 00", "\"+33 1 39 00\" has 5 digits after +33, a "
		  "French number has 9 (+33 1 39 00 00 00)" },
		{ "+1", NULL },
		{ "", NULL },
		{ "-", NULL },
		{ "5", "\"5\" has 1 digit, a French number has 10" },
		{ "12345678901234567890123456789012345", NULL },
	};
	size_t	 i;
	char	*d = NULL, *u = NULL, *why;

	(void)state;
	for (i = 0; i < N(v); i++) {
		why = NULL;
		if (validate_phone(v[i].in, &d, &u, &why))
			fail_msg("accepted: %s", v[i].in);
		assert_null(d);
		assert_null(u);
		assert_non_null(why);
		if (v[i].why != NULL)
			assert_string_equal(why, v[i].why);
		free(why);
	}
}

static void
test_email(void **state)
{
	static const struct { const char *in; int ok; } v[] = {
		{ "accueil@example.org", 1 },
		{ "a+b@x.fr", 1 },
		{ "prenom.nom@example.org", 1 },
		{ "o'brien@example.co.uk", 1 },
		{ "x_y-z@sub.example-site.fr", 1 },
		{ "élodie@exemple.fr", 1 },
		{ "a@b.c", 0 },
		{ "a b@example.org", 0 },
		{ "a@example .org", 0 },
		{ "accueil.example.org", 0 },
		{ "a@@example.org", 0 },
		{ "a@b@example.org", 0 },
		{ "@example.org", 0 },
		{ "a@", 0 },
		{ "a@example", 0 },
		{ ".a@example.org", 0 },
		{ "a.@example.org", 0 },
		{ "a..b@example.org", 0 },
		{ "a@example..org", 0 },
		{ "a@-example.org", 0 },
		{ "a@example-.org", 0 },
		{ "a@exa_mple.org", 0 },
		{ "a@example.org.", 0 },
		{ "a@127.0.0.1", 0 },
		{ "a<b>@example.org", 0 },
		{ "", 0 },
	};
	size_t	 i;
	char	*why;

	(void)state;
	for (i = 0; i < N(v); i++) {
		why = NULL;
		if (validate_email(v[i].in, &why) != v[i].ok)
			fail_msg("%s: expected %s (%s)", v[i].in,
			    v[i].ok ? "valid" : "invalid", why ? why : "");
		assert_true(v[i].ok ? why == NULL : why != NULL);
		free(why);
	}
}

static void
test_url(void **state)
{
	static const struct { const char *in; int ok; } v[] = {
		{ "https://example.org", 1 },
		{ "https://example.org/", 1 },
		{ "http://example.org/caf?x=1#top", 1 },
		{ "HTTPS://Example.ORG/Caf", 1 },
		{ "https://www.example.org:8080/a", 1 },
		{ "https://sous.domaine.example.fr/chemin/page.html", 1 },
		{ "https://exemple-é.fr/", 1 },
		{ "http://localhost/", 1 },
		{ "javascript:alert(1)", 0 },
		{ "JavaScript:alert(1)", 0 },
		{ "data:text/html,x", 0 },
		{ "ftp://example.org/", 0 },
		{ "mailto:a@example.org", 0 },
		{ "www.example.org", 0 },
		{ "example.org", 0 },
		{ "https://", 0 },
		{ "https:///chemin", 0 },
		{ "https://example", 0 },
		{ "https://exa mple.org", 0 },
		{ "https://user:pw@example.org/", 0 },
		{ "https://example.org:80a/", 0 },
		{ "https://example.org:/", 0 },
		{ "https://-example.org/", 0 },
		{ "https://example..org/", 0 },
		{ "", 0 },
	};
	size_t	 i;
	char	*why;

	(void)state;
	for (i = 0; i < N(v); i++) {
		why = NULL;
		if (validate_url(v[i].in, &why) != v[i].ok)
			fail_msg("%s: expected %s (%s)", v[i].in,
			    v[i].ok ? "valid" : "invalid", why ? why : "");
		free(why);
	}
}

static void
test_date(void **state)
{
	static const struct { const char *in; int ok, y, m, d; } v[] = {
		{ "2018-03-15", 1, 2018, 3, 15 },
		{ "2016-02-29", 1, 2016, 2, 29 },
		{ "2000-02-29", 1, 2000, 2, 29 },
		{ "2018-12-31", 1, 2018, 12, 31 },
		{ "2018-01-01", 1, 2018, 1, 1 },
		{ "1900-02-29", 0, 0, 0, 0 },
		{ "2018-02-29", 0, 0, 0, 0 },
		{ "2018-02-30", 0, 0, 0, 0 },
		{ "2018-04-31", 0, 0, 0, 0 },
		{ "2018-13-01", 0, 0, 0, 0 },
		{ "2018-00-10", 0, 0, 0, 0 },
		{ "2018-01-00", 0, 0, 0, 0 },
		{ "2018-1-5", 0, 0, 0, 0 },
		{ "15/03/2018", 0, 0, 0, 0 },
		{ "2018/03/15", 0, 0, 0, 0 },
		{ "0018-03-15", 0, 0, 0, 0 },
		{ "2018-03-15x", 0, 0, 0, 0 },
		{ "", 0, 0, 0, 0 },
	};
	struct date	 d;
	size_t		 i;
	char		*why;

	(void)state;
	for (i = 0; i < N(v); i++) {
		why = NULL;
		memset(&d, 0, sizeof(d));
		if (validate_date(v[i].in, &d, &why) != v[i].ok)
			fail_msg("%s: expected %s", v[i].in,
			    v[i].ok ? "valid" : "invalid");
		if (v[i].ok) {
			assert_int_equal(d.y, v[i].y);
			assert_int_equal(d.m, v[i].m);
			assert_int_equal(d.d, v[i].d);
		} else
			assert_non_null(why);
		free(why);
	}
	assert_false(validate_date("15/03/2018", NULL, &why));
	assert_string_equal(why, "\"15/03/2018\" is not written "
	    "year-month-day: write 2018-03-15");
	free(why);
	assert_false(validate_date("2018-02-30", NULL, &why));
	assert_string_equal(why, "\"2018-02-30\" is not a real date: "
	    "February 2018 has 28 days");
	free(why);
	assert_int_equal(validate_days_in_month(2024, 2), 29);
	assert_int_equal(validate_days_in_month(2100, 2), 28);
	assert_int_equal(validate_days_in_month(2018, 13), 0);
}

static void
test_hours(void **state)
{
	static const struct { const char *in; int ok, a, b; } v[] = {
		{ "09:00-12:00", 1, 540, 720 },
		{ "9:00-12:00", 1, 540, 720 },
		{ "09:00 - 12:00", 1, 540, 720 },
		{ "9h-12h", 1, 540, 720 },
		{ "9h30-12h", 1, 570, 720 },
		{ "09h00-12h00", 1, 540, 720 },
		{ "9 h 30 - 12 h", 1, 570, 720 },
		{ "9H-12H", 1, 540, 720 },
		{ "09:00\xe2\x80\x93" "12:00", 1, 540, 720 },	/* en dash */
		{ "9h \xe2\x80\x94 12h", 1, 540, 720 },	/* em dash */
		{ "9h à 12h", 1, 540, 720 },
		{ "9-12", 1, 540, 720 },
		{ "9 h-12 h", 1, 540, 720 },
		{ "9.30-12.30", 1, 570, 750 },
		{ "9:-12", 0, 0, 0 },		/* only h may stand alone */
		{ "9.-12", 0, 0, 0 },
		{ "14:00-24:00", 1, 840, 1440 },
		{ "00:00-00:30", 1, 0, 30 },
		{ "12:00-09:00", 0, 0, 0 },
		{ "09:00-09:00", 0, 0, 0 },
		{ "25:00-26:00", 0, 0, 0 },
		{ "09:60-12:00", 0, 0, 0 },
		{ "24:00-24:30", 0, 0, 0 },
		{ "9:5-12", 0, 0, 0 },
		{ "09:00", 0, 0, 0 },
		{ "09:00-", 0, 0, 0 },
		{ "matin", 0, 0, 0 },
		{ "09:00-12:00 14:00-17:00", 0, 0, 0 },
		{ "123:00-124:00", 0, 0, 0 },
		{ "", 0, 0, 0 },
	};
	struct timerange r;
	size_t		 i;
	char		*why;

	(void)state;
	for (i = 0; i < N(v); i++) {
		why = NULL;
		if (validate_hours(v[i].in, &r, &why) != v[i].ok)
			fail_msg("%s: expected %s (%s)", v[i].in,
			    v[i].ok ? "valid" : "invalid", why ? why : "");
		if (v[i].ok) {
			assert_int_equal(r.start, v[i].a);
			assert_int_equal(r.end, v[i].b);
		} else
			assert_non_null(why);
		free(why);
	}
}

static void
test_ranges(void **state)
{
	static const struct timerange ok[] = {
		{ 540, 720 }, { 720, 780 }, { 840, 1050 }
	};
	static const struct timerange overlap[] = {
		{ 540, 720 }, { 660, 780 }
	};
	static const struct timerange unsorted[] = {
		{ 840, 1020 }, { 540, 720 }
	};
	size_t	 bad = 99;
	char	*why = NULL;

	(void)state;
	assert_true(validate_ranges(ok, 3, &bad, &why));
	assert_true(validate_ranges(ok, 0, NULL, NULL));
	assert_false(validate_ranges(overlap, 2, &bad, &why));
	assert_int_equal(bad, 1);
	assert_string_equal(why, "\"11:00-13:00\" overlaps \"09:00-12:00\"");
	free(why);
	assert_false(validate_ranges(unsorted, 2, &bad, &why));
	assert_string_equal(why, "\"09:00-12:00\" comes after "
	    "\"14:00-17:00\": write the ranges in order");
	free(why);
}

static void
test_slug(void **state)
{
	static const struct { const char *in; int ok; } v[] = {
		{ "caf", 1 }, { "caf-yvelines", 1 }, { "arpej-78", 1 },
		{ "78", 1 }, { "a-b-c", 1 },
		{ "Caf", 0 }, { "caf_yvelines", 0 }, { "-caf", 0 },
		{ "caf-", 0 }, { "caf--78", 0 }, { "café", 0 },
		{ "caf yvelines", 0 }, { "", 0 },
		{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		  0 },
	};
	static const struct { const char *in, *out; } s[] = {
		{ "Caf des Yvelines", "caf-des-yvelines" },
		{ "Épicerie « Le Panier »", "epicerie-le-panier" },
		{ "  SOS Familles Emmaüs  ", "sos-familles-emmaus" },
		{ "Conférence Saint-Vincent-de-Paul", "conference-saint-vincent-de-paul" },
		{ "Œuvre d’Orient", "oeuvre-d-orient" },
		{ "Arpej 78", "arpej-78" },
		/* Typed or pasted on macOS (NFD): the same slug. */
		{ "E\xcc\x81" "picerie franc\xcc\xa7" "aise", "epicerie-francaise" },
		{ "!!!", "" },
		{ "", "" },
		/* Cut to 64 bytes, never ending with '-'. */
		{ A60 "aa bc d", A60 "aa-b" },
		{ A60 "aaa bcd efg", A60 "aaa" },
	};
	size_t	 i;
	char	*o;

	(void)state;
	for (i = 0; i < N(v); i++)
		if (validate_slug(v[i].in) != v[i].ok)
			fail_msg("%s", v[i].in);
	for (i = 0; i < N(s); i++) {
		o = validate_slugify(s[i].in);
		assert_string_equal(o, s[i].out);
		assert_true(*o == '\0' || validate_slug(o));
		free(o);
	}
}

static void
test_color_cp(void **state)
{
	unsigned int	 rgb;
	char		*n, *why;

	(void)state;
	assert_true(validate_color("#1f5fa8", &rgb, &n, NULL));
	assert_int_equal(rgb, 0x1f5fa8);
	assert_string_equal(n, "#1f5fa8");
	free(n);
	assert_true(validate_color("#1B7A4A", &rgb, &n, NULL));
	assert_string_equal(n, "#1b7a4a");
	free(n);
	assert_true(validate_color("#abc", &rgb, &n, NULL));
	assert_int_equal(rgb, 0xaabbcc);
	free(n);
	assert_false(validate_color("1f5fa8", NULL, NULL, NULL));
	assert_false(validate_color("#1f5fa", NULL, NULL, NULL));
	assert_false(validate_color("#1f5fag", NULL, NULL, NULL));
	assert_false(validate_color("vert", NULL, NULL, &why));
	assert_non_null(why);
	free(why);

	assert_true(validate_code_postal("78000", NULL));
	assert_true(validate_code_postal("01000", NULL));
	assert_false(validate_code_postal("7800", NULL));
	assert_false(validate_code_postal("780000", NULL));
	assert_false(validate_code_postal("78 000", NULL));
	assert_false(validate_code_postal("2A004", NULL));
	assert_false(validate_code_postal("", &why));
	free(why);
}

static void
test_suggest(void **state)
{
	static const char *const keys[] = {
		"nom", "sigle", "categorie", "thematiques", "resume",
		"missions", "adresse", "horaires", "telephone", "courriel",
		"site", "mise_a_jour", "liens", "langues"
	};
	static const struct { const char *in, *out; } v[] = {
		{ "email", "courriel" }, { "e-mail", "courriel" },
		{ "Mail", "courriel" }, { "tél", "telephone" },
		{ "tel", "telephone" }, { "Téléphone", "telephone" },
		{ "adress", "adresse" }, { "horraires", "horaires" },
		{ "categorei", "categorie" }, { "catégorie", "categorie" },
		{ "mise-a-jour", "mise_a_jour" }, { "web", "site" },
		{ "url", "site" }, { "thematique", "thematiques" },
		{ "lien", "liens" }, { "noms", "nom" },
		{ "zzz", NULL }, { "presentation", NULL },
		{ "cp", NULL },	/* code_postal is not a candidate here */
	};
	size_t		 i;
	const char	*s;

	(void)state;
	for (i = 0; i < N(v); i++) {
		s = validate_suggest(v[i].in, keys, N(keys));
		if (v[i].out == NULL ? s != NULL :
		    s == NULL || strcmp(s, v[i].out) != 0)
			fail_msg("%s -> %s, expected %s", v[i].in,
			    s ? s : "(none)", v[i].out ? v[i].out : "(none)");
	}
	assert_int_equal(validate_distance("", ""), 0);
	assert_int_equal(validate_distance("abc", ""), 3);
	assert_int_equal(validate_distance("adress", "adresse"), 1);
	assert_int_equal(validate_distance("ab", "ba"), 1);
	assert_int_equal(validate_distance("kitten", "sitting"), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phone_valid),
		cmocka_unit_test(test_phone_invalid),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_hours),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_color_cp),
		cmocka_unit_test(test_suggest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
