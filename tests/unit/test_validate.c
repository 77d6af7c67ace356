/*
 * test_validate.c — the field validators, driven by the one table of
 * cases tests/validate-cases.tsv (also run against the form's JavaScript
 * validators by tests/browser/form.mjs), plus a few checks of the C
 * interface itself (NULL outputs, messages, helpers).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "validate.h"

#define	N(a)	(sizeof(a) / sizeof((a)[0]))
#define	CASES	"tests/validate-cases.tsv"
/* One test per validator, named after it, its name as the state. */
#define	VCASES(v)	{ "cases: " v, test_cases, NULL, NULL, (void *)v }

struct vcase {
	int	 line;
	char	*validator;
	char	*input;
	int	 ok;
	char	*expected;	/* NULL for "-" */
	char	*why;		/* NULL when not given */
};

static struct vcase	*S_cases;
static size_t		 S_ncases;

/* Undo the escapes of the table: \\ \t \n \xHH. */
static char *
S_unescape(const char *s)
{
	char	*o = xmalloc(strlen(s) + 1), *q = o;
	int	 h, l;

	while (*s != '\0') {
		if (*s != '\\') {
			*q++ = *s++;
			continue;
		}
		s++;
		switch (*s) {
		case '\\': *q++ = '\\'; s++; break;
		case 't': *q++ = '\t'; s++; break;
		case 'n': *q++ = '\n'; s++; break;
		case 'x':
			h = hexval((unsigned char)s[1]);
			l = h < 0 ? -1 : hexval((unsigned char)s[2]);
			if (l < 0)
				fail_msg("bad \\x escape in %s", s);
			*q++ = (char)(h * 16 + l);
			s += 3;
			break;
		default:
			fail_msg("bad escape \\%c", *s);
		}
	}
	*q = '\0';
	return o;
}

static int
S_load(void **state)
{
	char	*text, *line, *next, *f[5];
	size_t	 len, nf;
	int	 ln = 0;

	(void)state;
	if (!file_read(CASES, 1024 * 1024, &text, &len))
		fail_msg("cannot read %s (run from the repository)", CASES);
	for (line = text; line != NULL && *line != '\0'; line = next) {
		ln++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (*line == '#' || *line == '\0')
			continue;
		f[0] = line;
		for (nf = 1; nf < 5; nf++) {
			char *t = strchr(f[nf - 1], '\t');
			if (t == NULL)
				break;
			*t = '\0';
			f[nf] = t + 1;
		}
		if (nf < 4 || (strcmp(f[2], "ok") != 0 &&
		    strcmp(f[2], "bad") != 0))
			fail_msg("%s:%d: expected validator, input, ok|bad, "
			    "expected[, why]", CASES, ln);
		S_cases = xreallocarray(S_cases, S_ncases + 1,
		    sizeof(*S_cases));
		S_cases[S_ncases] = (struct vcase){ ln, xstrdup(f[0]),
		    S_unescape(f[1]), strcmp(f[2], "ok") == 0,
		    strcmp(f[3], "-") == 0 ? NULL : S_unescape(f[3]),
		    nf == 5 ? S_unescape(f[4]) : NULL };
		S_ncases++;
	}
	free(text);
	return 0;
}

static int
S_unload(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < S_ncases; i++) {
		free(S_cases[i].validator);
		free(S_cases[i].input);
		free(S_cases[i].expected);
		free(S_cases[i].why);
	}
	free(S_cases);
	return 0;
}

/* Check that the verdict and the message agree with the case. */
static void
S_verdict(const struct vcase *c, int ok, char *why)
{
	if (ok != c->ok)
		fail_msg("%s:%d: %s \"%s\": expected %s (%s)", CASES, c->line,
		    c->validator, c->input, c->ok ? "ok" : "bad",
		    why != NULL ? why : "");
	if (!ok && why == NULL)
		fail_msg("%s:%d: no message", CASES, c->line);
	if (ok && why != NULL)
		fail_msg("%s:%d: a message on success", CASES, c->line);
	if (c->why != NULL && (why == NULL || strcmp(why, c->why) != 0))
		fail_msg("%s:%d: message \"%s\", expected \"%s\"", CASES,
		    c->line, why != NULL ? why : "", c->why);
}

static void
S_expect(const struct vcase *c, const char *got)
{
	const char *want = c->expected != NULL ? c->expected : "-";

	if (strcmp(got, want) != 0)
		fail_msg("%s:%d: %s \"%s\" gives \"%s\", expected \"%s\"",
		    CASES, c->line, c->validator, c->input, got, want);
}

/* ranges: "09:00-12:00,14:00-17:00" */
static void
S_ranges(const struct vcase *c)
{
	struct timerange r[16];
	char		*s = xstrdup(c->input), *tok, *save = NULL, *why = NULL;
	char		 idx[24];
	size_t		 n = 0, bad = 99;
	int		 ok;

	for (tok = strtok_r(s, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		assert_true(n < N(r));
		if (!validate_hours(tok, &r[n++], NULL))
			fail_msg("%s:%d: bad range %s", CASES, c->line, tok);
	}
	free(s);
	ok = validate_ranges(r, n, &bad, &why);
	S_verdict(c, ok, why);
	snprintf(idx, sizeof(idx), "%zu", bad);
	S_expect(c, ok ? "-" : idx);
	free(why);
}

/*
 * The cases of one validator (*state is its name, as in the table's
 * first column): one cmocka test per validator.
 */
static void
test_cases(void **state)
{
	const char	*only = *state;
	static const char *const keys[] = {
		"nom", "sigle", "categorie", "thematiques", "resume",
		"missions", "adresse", "horaires", "telephone", "courriel",
		"site", "mise_a_jour", "liens", "langues"
	};
	const struct vcase *c;
	struct timerange r;
	struct date	 dt;
	unsigned int	 rgb;
	const char	*sug;
	char		*why, *d, *u, *o, *bar, hm[2][6];
	size_t		 i, nv[12] = { 0 }, seen = 0;
	int		 ok;

	assert_true(S_ncases >= 190);
	for (i = 0; i < S_ncases; i++) {
		c = &S_cases[i];
		if (strcmp(c->validator, only) != 0)
			continue;
		seen++;
		why = d = u = o = NULL;
		if (strcmp(c->validator, "phone") == 0) {
			ok = validate_phone(c->input, &d, &u, &why);
			S_verdict(c, ok, why);
			if (ok) {
				o = xasprintf("%s|%s", d, u);
				S_expect(c, o);
			} else {
				assert_null(d);
				assert_null(u);
				S_expect(c, "-");
			}
			nv[0]++;
		} else if (strcmp(c->validator, "email") == 0) {
			ok = validate_email(c->input, &why);
			S_verdict(c, ok, why);
			nv[1]++;
		} else if (strcmp(c->validator, "url") == 0) {
			ok = validate_url(c->input, &why);
			S_verdict(c, ok, why);
			nv[2]++;
		} else if (strcmp(c->validator, "date") == 0) {
			memset(&dt, 0, sizeof(dt));
			ok = validate_date(c->input, &dt, &why);
			S_verdict(c, ok, why);
			o = ok ? xasprintf("%04d-%02d-%02d", dt.y, dt.m, dt.d) :
			    xstrdup("-");
			S_expect(c, o);
			nv[3]++;
		} else if (strcmp(c->validator, "hours") == 0) {
			ok = validate_hours(c->input, &r, &why);
			S_verdict(c, ok, why);
			if (ok) {
				validate_hhmm(r.start, hm[0]);
				validate_hhmm(r.end, hm[1]);
				o = xasprintf("%s-%s", hm[0], hm[1]);
			}
			S_expect(c, ok ? o : "-");
			nv[4]++;
		} else if (strcmp(c->validator, "ranges") == 0) {
			S_ranges(c);
			nv[5]++;
		} else if (strcmp(c->validator, "code_postal") == 0) {
			ok = validate_code_postal(c->input, &why);
			S_verdict(c, ok, why);
			nv[6]++;
		} else if (strcmp(c->validator, "slug") == 0) {
			if (validate_slug(c->input) != c->ok)
				fail_msg("%s:%d: slug %s", CASES, c->line,
				    c->input);
			nv[7]++;
		} else if (strcmp(c->validator, "slugify") == 0) {
			o = validate_slugify(c->input);
			S_expect(c, o);
			assert_true(*o == '\0' || validate_slug(o));
			nv[8]++;
		} else if (strcmp(c->validator, "color") == 0) {
			ok = validate_color(c->input, &rgb, &d, &why);
			S_verdict(c, ok, why);
			S_expect(c, ok ? d : "-");
			if (ok)
				assert_int_equal(rgb, strtoul(d + 1, NULL, 16));
			nv[9]++;
		} else if (strcmp(c->validator, "suggest") == 0) {
			sug = validate_suggest(c->input, keys, N(keys));
			if ((sug != NULL) != c->ok)
				fail_msg("%s:%d: suggest %s", CASES, c->line,
				    c->input);
			S_expect(c, sug != NULL ? sug : "-");
			nv[10]++;
		} else if (strcmp(c->validator, "distance") == 0) {
			d = xstrdup(c->input);
			if ((bar = strchr(d, '|')) == NULL)
				fail_msg("%s:%d: expected a|b", CASES, c->line);
			*bar = '\0';
			o = xasprintf("%zu", validate_distance(d, bar + 1));
			S_expect(c, o);
			nv[11]++;
		} else
			fail_msg("%s:%d: unknown validator %s", CASES, c->line,
			    c->validator);
		free(why);
		free(d);
		free(u);
		free(o);
	}
	/* The validator has cases, and all were run. */
	assert_true(seen > 0);
	for (i = 0, ok = 0; i < N(nv); i++)
		ok += nv[i] == seen;
	assert_int_equal(ok, 1);
}

/* Every validator of the table has its test below. */
static void
test_table(void **state)
{
	static const char *const known[] = { "phone", "email", "url", "date",
	    "hours", "ranges", "code_postal", "slug", "slugify", "color",
	    "suggest", "distance" };
	size_t	 i, j;

	(void)state;
	for (i = 0; i < S_ncases; i++) {
		for (j = 0; j < N(known); j++)
			if (strcmp(S_cases[i].validator, known[j]) == 0)
				break;
		if (j == N(known))
			fail_msg("%s:%d: unknown validator %s", CASES,
			    S_cases[i].line, S_cases[i].validator);
	}
}

/* What the table cannot say: NULL outputs and helpers. */
static void
test_interface(void **state)
{
	struct date	 d;
	size_t		 bad = 99;
	char		*why = NULL;
	static const struct timerange overlap[] = { { 540, 720 }, { 660, 780 } };

	(void)state;
	assert_true(validate_phone("01 39 00 00 00", NULL, NULL, NULL));
	assert_false(validate_phone("5", NULL, NULL, NULL));
	assert_true(validate_date("2018-03-15", NULL, NULL));
	assert_false(validate_date("2018-02-30", &d, NULL));
	assert_true(validate_ranges(overlap, 0, NULL, NULL));
	assert_false(validate_ranges(overlap, 2, &bad, NULL));
	assert_int_equal(bad, 1);
	assert_false(validate_color("vert", NULL, NULL, &why));
	assert_non_null(why);
	free(why);
	assert_true(validate_color("#abc", NULL, NULL, NULL));
	assert_int_equal(validate_days_in_month(2024, 2), 29);
	assert_int_equal(validate_days_in_month(2100, 2), 28);
	assert_int_equal(validate_days_in_month(2018, 13), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		VCASES("phone"),
		VCASES("email"),
		VCASES("url"),
		VCASES("date"),
		VCASES("hours"),
		VCASES("ranges"),
		VCASES("code_postal"),
		VCASES("slug"),
		VCASES("slugify"),
		VCASES("color"),
		VCASES("suggest"),
		VCASES("distance"),
		cmocka_unit_test(test_interface),
	};

	return cmocka_run_group_tests(tests, S_load, S_unload);
}
