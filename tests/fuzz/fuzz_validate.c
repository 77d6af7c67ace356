/*
 * fuzz_validate.c — libFuzzer harness of the field validators
 * (validate.c).
 *
 * The input, as a NUL-terminated string, goes through every validator.
 * Besides "no crash, no sanitizer report", each one keeps its promise:
 * *why is set exactly on failure; what a validator accepts it can read
 * back in the form it writes (a phone's display form gives the same
 * tel: URI, a date prints back as itself, hours as HH:MM give the same
 * range, a colour's normal form gives the same colour, a slug is its
 * own slugify()); validate_slugify() makes slugs; validate_distance()
 * is a distance on the two halves of the input (0 to itself up to its
 * 64-byte cap, symmetric, between |la - lb| and max(la, lb));
 * validate_ranges() on ranges made from the bytes flags the first bad
 * one.  Any broken promise aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model.h"
#include "util.h"
#include "validate.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
S_fail(const char *what, const char *in)
{
	fprintf(stderr, "validate: %s\ninput: \"%s\"\n", what, in);
	abort();
}

/* *why is set exactly when ok is 0; frees it. */
static void
S_why(const char *fn, int ok, char *why, const char *in)
{
	if (ok ? why != NULL : why == NULL || *why == '\0')
		S_fail(fn, in);
	free(why);
}

static void
S_phone(const char *s)
{
	char	*disp = NULL, *uri = NULL, *why = NULL;
	char	*disp2 = NULL, *uri2 = NULL, *why2 = NULL;
	int	 ok;

	ok = validate_phone(s, &disp, &uri, &why);
	S_why("validate_phone: why", ok, why, s);
	if (ok) {
		if (disp == NULL || uri == NULL ||
		    strncmp(uri, "tel:", 4) != 0)
			S_fail("validate_phone: display or uri", s);
		if (!validate_phone(disp, &disp2, &uri2, &why2)) {
			fprintf(stderr, "display \"%s\": %s\n", disp, why2);
			S_fail("validate_phone: display not valid", s);
		}
		if (strcmp(uri, uri2) != 0 || strcmp(disp, disp2) != 0) {
			fprintf(stderr, "display \"%s\" uri \"%s\" -> "
			    "display \"%s\" uri \"%s\"\n", disp, uri, disp2,
			    uri2);
			S_fail("validate_phone: display reads back as "
			    "another number", s);
		}
	} else if (disp != NULL || uri != NULL)
		S_fail("validate_phone: output on failure", s);
	free(disp);
	free(uri);
	free(disp2);
	free(uri2);
	/* NULL outputs are allowed. */
	(void)validate_phone(s, NULL, NULL, NULL);
}

static void
S_date(const char *s)
{
	struct date	 d;
	char		*why = NULL, back[32];
	int		 ok;

	ok = validate_date(s, &d, &why);
	S_why("validate_date: why", ok, why, s);
	if (!ok)
		return;
	if (d.m < 1 || d.m > 12 || d.d < 1 ||
	    d.d > validate_days_in_month(d.y, d.m))
		S_fail("validate_date: impossible date accepted", s);
	snprintf(back, sizeof(back), "%04d-%02d-%02d", d.y, d.m, d.d);
	if (strcmp(back, s) != 0)
		S_fail("validate_date: does not print back", s);
}

static void
S_hours(const char *s)
{
	struct timerange r, r2;
	char		*why = NULL, a[6], b[6], *back;
	int		 ok;

	ok = validate_hours(s, &r, &why);
	S_why("validate_hours: why", ok, why, s);
	if (!ok)
		return;
	if (r.start < 0 || r.start >= r.end || r.end > 24 * 60)
		S_fail("validate_hours: impossible range accepted", s);
	validate_hhmm(r.start, a);
	validate_hhmm(r.end, b);
	back = xasprintf("%s-%s", a, b);
	if (!validate_hours(back, &r2, NULL) || r2.start != r.start ||
	    r2.end != r.end)
		S_fail("validate_hours: HH:MM form reads back otherwise", s);
	free(back);
}

static void
S_slug(const char *s)
{
	char	*f;

	if (validate_slug(s)) {
		if (strlen(s) > 64)
			S_fail("validate_slug: too long accepted", s);
		f = validate_slugify(s);
		if (strcmp(f, s) != 0)
			S_fail("validate_slugify: changes a slug", s);
		free(f);
	}
	f = validate_slugify(s);
	if (*f != '\0' && !validate_slug(f)) {
		fprintf(stderr, "slugify: \"%s\"\n", f);
		S_fail("validate_slugify: not a slug", s);
	}
	free(f);
}

static void
S_color(const char *s)
{
	unsigned int	 rgb, rgb2;
	char		*norm = NULL, *why = NULL, back[8];
	int		 ok;

	ok = validate_color(s, &rgb, &norm, &why);
	S_why("validate_color: why", ok, why, s);
	if (!ok)
		return;
	snprintf(back, sizeof(back), "#%06x", rgb);
	if (rgb > 0xffffff || norm == NULL || strcmp(norm, back) != 0 ||
	    !validate_color(norm, &rgb2, NULL, NULL) || rgb2 != rgb)
		S_fail("validate_color: normal form", s);
	free(norm);
}

static void
S_misc(const char *s)
{
	char	*why = NULL;
	size_t	 i;
	int	 ok;

	ok = validate_email(s, &why);
	S_why("validate_email: why", ok, why, s);
	if (ok && (strchr(s, '@') == NULL || strchr(s, ' ') != NULL))
		S_fail("validate_email: accepted", s);
	why = NULL;
	ok = validate_url(s, &why);
	S_why("validate_url: why", ok, why, s);
	if (ok && strncasecmp(s, "http://", 7) != 0 &&
	    strncasecmp(s, "https://", 8) != 0)
		S_fail("validate_url: accepted", s);
	why = NULL;
	ok = validate_code_postal(s, &why);
	S_why("validate_code_postal: why", ok, why, s);
	if (ok != (strlen(s) == 5 && strspn(s, "0123456789") == 5))
		S_fail("validate_code_postal", s);
	for (i = 0; i < 4; i++)
		(void)validate_days_in_month(2000 + (int)strlen(s),
		    (int)(i * 5 + strlen(s)) % 14);
}

static void
S_distance(const char *s, size_t len)
{
	static const char *const keys[] = {
		"nom", "sigle", "categorie", "thematiques", "resume",
		"missions", "actions", "public", "acces", "langues",
		"accessibilite", "adresse", "transports", "horaires",
		"telephone", "courriel", "site", "contacts", "logo", "liens",
		"mise_a_jour", "suivi", "note_suivi"
	};
	size_t		 nk = sizeof(keys) / sizeof(keys[0]);
	char		*a, *b;
	size_t		 la, lb, d, i;
	const char	*sug;

	a = xstrndup(s, len / 2);
	b = xstrdup(s + len / 2);
	la = strlen(a);
	lb = strlen(b);
	d = validate_distance(a, b);
	/* Past 64 bytes a string is not compared (see validate.h). */
	if (d != validate_distance(b, a) ||
	    (la <= 64 && validate_distance(a, a) != 0) ||
	    d > (la > lb ? la : lb) || d < (la > lb ? la - lb : lb - la))
		S_fail("validate_distance is not a distance", s);
	sug = validate_suggest(s, keys, nk);
	for (i = 0; sug != NULL && i < nk; i++)
		if (sug == keys[i])
			break;
	if (i == nk)
		S_fail("validate_suggest: not a candidate", s);
	(void)validate_suggest(a, (const char *const *)&b, 1);
	(void)validate_suggest(s, keys, 0);
	free(a);
	free(b);
}

static void
S_ranges(const uint8_t *data, size_t size)
{
	struct timerange v[64];
	size_t		 n, i, bad = (size_t)-1;
	char		*why = NULL, out[6];
	int		 ok;

	n = size / 4 < 64 ? size / 4 : 64;
	for (i = 0; i < n; i++) {
		v[i].start = (data[4 * i] << 8 | data[4 * i + 1]) % 1442 - 1;
		v[i].end = (data[4 * i + 2] << 8 | data[4 * i + 3]) % 1442 - 1;
		validate_hhmm(v[i].start, out);
		if (strlen(out) != 5)
			S_fail("validate_hhmm", "(bytes)");
	}
	ok = validate_ranges(v, n, &bad, &why);
	S_why("validate_ranges: why", ok, why, "(bytes)");
	if (!ok) {
		if (bad == 0 || bad >= n)
			S_fail("validate_ranges: bad index", "(bytes)");
		for (i = 1; i < bad; i++)
			if (v[i].start < v[i - 1].end ||
			    v[i].start < v[i - 1].start)
				S_fail("validate_ranges: not the first bad "
				    "range", "(bytes)");
		if (v[bad].start >= v[bad - 1].end &&
		    v[bad].start >= v[bad - 1].start)
			S_fail("validate_ranges: flags a good range",
			    "(bytes)");
	} else
		for (i = 1; i < n; i++)
			if (v[i].start < v[i - 1].end ||
			    v[i].start < v[i - 1].start)
				S_fail("validate_ranges: missed a bad range",
				    "(bytes)");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s;
	size_t	 len;

	s = xstrndup((const char *)data, size);
	len = strlen(s);
	S_phone(s);
	S_date(s);
	S_hours(s);
	S_slug(s);
	S_color(s);
	S_misc(s);
	S_distance(s, len);
	free(s);
	S_ranges(data, size);
	return 0;
}
