/*
 * test_paste.c — paste_clean(): text pasted from Word, driven by the one
 * table of cases tests/paste-cases.tsv (also run against the form's
 * pasteClean() by tests/browser/form.mjs); then paste_partner() on a
 * page and paste_note()'s lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "paste.h"

#define	CASES	"tests/paste-cases.tsv"

/* Undo the escapes of the table: \\ \t \n \r \xHH. */
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
		case 'r': *q++ = '\r'; s++; break;
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

static void
S_counts(const struct paste_report *r, char *out, size_t n)
{
	snprintf(out, n, "%zu,%zu,%zu,%zu,%zu", r->bullets, r->numbers,
	    r->indents, r->invisibles, r->spaces);
}

/* Every case of the table: the text, the counts, and a second pass. */
static void
test_cases(void **state)
{
	char	*text, *line, *next, *f[4], *in, *want, *got, *again;
	char	 counts[80];
	size_t	 len, nf, ncases = 0, bad = 0;
	int	 ln = 0;
	struct paste_report r;

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
		for (nf = 1; nf < 4; nf++) {
			char *t = strchr(f[nf - 1], '\t');
			if (t == NULL)
				break;
			*t = '\0';
			f[nf] = t + 1;
		}
		if (nf != 4)
			fail_msg("%s:%d: expected name, input, expected, "
			    "counts", CASES, ln);
		ncases++;
		in = S_unescape(f[1]);
		want = S_unescape(f[2]);
		memset(&r, 0, sizeof(r));
		got = paste_clean(in, strlen(in), &r);
		S_counts(&r, counts, sizeof(counts));
		if (strcmp(got, want) != 0) {
			print_error("%s:%d: %s: got \"%s\"\n", CASES, ln, f[0],
			    got);
			bad++;
		} else if (strcmp(counts, f[3]) != 0) {
			print_error("%s:%d: %s: counts %s, expected %s\n",
			    CASES, ln, f[0], counts, f[3]);
			bad++;
		}
		memset(&r, 0, sizeof(r));
		again = paste_clean(want, strlen(want), &r);
		if (strcmp(again, want) != 0 || paste_changes(&r) != 0) {
			print_error("%s:%d: %s: cleaning the expected text "
			    "again changes it (\"%s\")\n", CASES, ln, f[0],
			    again);
			bad++;
		}
		free(in);
		free(want);
		free(got);
		free(again);
	}
	free(text);
	assert_true(ncases >= 40);
	assert_int_equal(bad, 0);
}

/* NULL report, CR alone, invalid UTF-8 left as it is. */
static void
test_edges(void **state)
{
	char	*s;

	(void)state;
	s = paste_clean("a\rb\r", 4, NULL);
	assert_string_equal(s, "a\nb\n");
	free(s);
	s = paste_clean("\xff\xe2\x80\x8b", 4, NULL);
	assert_string_equal(s, "\xff");
	free(s);
	s = paste_clean("", 0, NULL);
	assert_string_equal(s, "");
	free(s);
	s = paste_clean_text("so\xc2\xad" "cial", NULL);
	assert_string_equal(s, "social");
	free(s);
}

/* A page: the presentation made a list, the fields made visible. */
static void
test_partner(void **state)
{
	struct partner		 p;
	struct paste_report	 r;
	struct text		 mission;
	struct buf		 b;

	(void)state;
	memset(&p, 0, sizeof(p));
	memset(&r, 0, sizeof(r));
	p.nom.s = xstrdup("Centre\xe2\x80\x8b social");
	p.resume.s = xstrdup("Ac\xc2\xad" "cueil.");
	mission.s = xstrdup("Informer\xef\xbb\xbf.");
	mission.pos.line = 0;
	p.missions.v = &mission;
	p.missions.n = 1;
	p.body = xstrdup("Nous :\n\xef\x82\xb7\tun\n\xef\x82\xb7\tdeux\n"
	    "\xef\x82\xb7\ttrois\n\xef\x82\xb7\tquatre\n\xef\x82\xb7\tcinq\n");
	paste_partner(&p, &r);
	assert_string_equal(p.nom.s, "Centre social");
	assert_string_equal(p.resume.s, "Accueil.");
	assert_string_equal(mission.s, "Informer.");
	assert_string_equal(p.body, "Nous :\n\n- un\n- deux\n- trois\n"
	    "- quatre\n- cinq\n");
	assert_int_equal(r.bullets, 5);
	assert_int_equal(r.invisibles, 3);
	assert_int_equal(paste_changes(&r), 8);
	buf_init(&b);
	paste_note(&r, "  ", &b);
	assert_string_equal(buf_cstr(&b),
	    "  text pasted from Word: 5 bullets made list items\n"
	    "  text pasted from Word: 3 invisible characters removed "
	    "(zero-width spaces, soft hyphens...)\n");
	buf_reset(&b);
	memset(&r, 0, sizeof(r));
	paste_note(&r, "  ", &b);
	assert_int_equal(b.len, 0);
	buf_free(&b);
	free(p.nom.s);
	free(p.resume.s);
	free(mission.s);
	free(p.body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_partner),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
