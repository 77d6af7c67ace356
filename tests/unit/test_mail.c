/*
 * test_mail.c — .eml drafts (src/mail.c): encoded headers, line
 * lengths, quoted-printable, base64 attachment, text wrapping.  The
 * campaign suite parses the real drafts with Python's email package;
 * these are the edge cases.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mail.h"
#include "util.h"

/* Every line ends in CRLF and is at most max characters. */
static void
S_lines(const char *s, size_t max)
{
	const char	*p = s, *e;

	while (*p != '\0') {
		e = strstr(p, "\r\n");
		assert_non_null(e);
		assert_null(memchr(p, '\n', (size_t)(e - p)));
		if ((size_t)(e - p) > max)
			print_message("# long line: %.*s\n", (int)(e - p), p);
		assert_true((size_t)(e - p) <= max);
		p = e + 2;
	}
}

static void
test_header(void **state)
{
	struct buf	 b;
	const char	*w;
	char		*s;
	size_t		 n = 0;

	(void)state;
	buf_init(&b);
	mail_encode_header(&b, "Plain ASCII", 9);
	assert_string_equal(buf_cstr(&b), "Plain ASCII");
	buf_reset(&b);
	/* 3-byte characters must not be cut between encoded words. */
	buf_puts(&b, "Subject: ");
	mail_encode_header(&b, "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€ éé", 9);
	buf_puts(&b, "\r\n");
	s = buf_detach(&b);
	S_lines(s, 76);
	for (w = s; (w = strstr(w, "=?UTF-8?B?")) != NULL; w++) {
		const char *end = strstr(w, "?=");
		size_t len = (size_t)(end + 2 - w);

		assert_true(len <= 75);
		/* 4 base64 characters per 3 bytes: whole characters only. */
		assert_int_equal((len - 12) % 4, 0);
		n++;
	}
	assert_true(n >= 3);
	free(s);
	/* A line feed or an escape in a name never reaches the header. */
	buf_puts(&b, "Subject: ");
	mail_encode_header(&b, "Mise à jour\nBcc: x@example.org\033[2J", 9);
	assert_string_equal(buf_cstr(&b), "Subject: =?UTF-8?B?"
	    "TWlzZSDDoCBqb3VyIEJjYzogeEBleGFtcGxlLm9yZyBbMko=?=");
	buf_free(&b);
}

static void
test_message(void **state)
{
	static const struct mail_addr to[] = {
		{ "Agnès Exemple-Très-Long-Nom de Famille Composé", "agnes@example.org" },
		{ NULL, "sans.nom@example.org" },
		{ "Say \"hi\"", "hi@example.org" },
	};
	struct mail	 m;
	struct buf	 b;
	char		 att[200];
	const char	*s;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(att); i++)
		att[i] = (char)i;
	memset(&m, 0, sizeof(m));
	m.from.name = "Coordination";
	m.from.addr = "coord@example.org";
	m.to = to;
	m.nto = 3;
	m.subject = "Objet très long : merci de vérifier votre fiche avant la fin du mois";
	m.text = "Ligne = égal, espace finale \nUne ligne très longue "
	    "qui dépasse largement les soixante-seize caractères d'une ligne "
	    "quoted-printable.\n";
	m.date = 1796000000;
	m.message_id = "<x@example.org>";
	m.attach_name = "x.html";
	m.attach_type = "text/html; charset=UTF-8";
	m.attach = att;
	m.attach_len = sizeof(att);
	buf_init(&b);
	mail_write(&m, &b);
	s = buf_cstr(&b);
	S_lines(s, 76);
	assert_non_null(strstr(s, "\r\nX-Unsent: 1\r\n"));
	assert_non_null(strstr(s, "Date: Mon, 30 Nov 2026 00:53:20 +0000\r\n"));
	assert_non_null(strstr(s, "\"Say \\\"hi\\\"\" <hi@example.org>"));
	assert_non_null(strstr(s, "sans.nom@example.org"));
	assert_non_null(strstr(s, "Ligne =3D =C3=A9gal, espace finale=20\r\n"));
	assert_non_null(strstr(s, "filename=\"x.html\""));
	/* 200 bytes of base64: 57 per line of 76, padded at the end. */
	assert_non_null(strstr(s, "\r\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKiss"
	    "LS4vMDEyMzQ1Njc4\r\n"));
	for (i = 0; s[i] != '\0'; i++)
		assert_true((unsigned char)s[i] < 128);
	buf_free(&b);
}

/*
 * The quoted-printable body of a draft without attachment, checked
 * against RFC 2045 6.7 and decoded: lines of 76 characters at most
 * (a soft break's "=" counted), "=" followed by two upper-case hex
 * digits or ending the line (never split across lines), nothing but
 * printable ASCII otherwise, no space or tab at a line end.  Returns
 * the decoded text (allocated), CRLF as written.
 */
static char *
S_qp_check(const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	struct mail	 m;
	struct buf	 b, d;
	const char	*p, *e, *q, *x, *y;
	char		*out;

	memset(&m, 0, sizeof(m));
	m.from.addr = "coord@example.org";
	m.subject = "QP";
	m.text = text;
	buf_init(&b);
	mail_write(&m, &b);
	p = strstr(buf_cstr(&b), "quoted-printable\r\n\r\n");
	assert_non_null(p);
	p += strlen("quoted-printable\r\n\r\n");
	buf_init(&d);
	for (; *p != '\0'; p = e + 2) {
		e = strstr(p, "\r\n");
		assert_non_null(e);
		if ((size_t)(e - p) > 76)
			print_message("# %d characters: %.*s\n", (int)(e - p),
			    (int)(e - p), p);
		assert_true((size_t)(e - p) <= 76);
		if (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			print_message("# white space at the end: %.*s\n",
			    (int)(e - p), p);
		assert_false(e > p && (e[-1] == ' ' || e[-1] == '\t'));
		for (q = p; q < e; q++) {
			if (*q != '=') {
				assert_true((*q >= 33 && *q <= 126) ||
				    *q == ' ' || *q == '\t');
				buf_putc(&d, *q);
				continue;
			}
			if (q + 1 == e)		/* soft line break */
				break;
			assert_true(q + 3 <= e);
			x = memchr(hex, q[1], 16);
			y = memchr(hex, q[2], 16);
			assert_true(x != NULL && y != NULL && q[1] && q[2]);
			buf_putc(&d, (char)((x - hex) << 4 | (y - hex)));
			q += 2;
		}
		if (q == e)		/* a hard line break */
			buf_puts(&d, "\r\n");
	}
	buf_free(&b);
	out = buf_detach(&d);
	return out;
}

/* text with LF turned into CRLF, a CRLF added when it lacks one. */
static void
S_qp_roundtrip(const char *text)
{
	struct buf	 w;
	char		*got;
	const char	*t;

	buf_init(&w);
	for (t = text; *t != '\0'; t++)
		if (*t == '\n')
			buf_puts(&w, "\r\n");
		else
			buf_putc(&w, *t);
	if (w.len > 0 && t[-1] != '\n')
		buf_puts(&w, "\r\n");
	got = S_qp_check(text);
	if (strcmp(got, buf_cstr(&w)) != 0)
		print_message("# sent %s\n# read %s\n", buf_cstr(&w), got);
	assert_string_equal(got, buf_cstr(&w));
	free(got);
	buf_free(&w);
}

static void
test_qp(void **state)
{
	/* Pieces whose encodings are 1, 3 and 6 characters wide, put
	 * where a line reaches its 76th column. */
	static const char *const piece[] = {
		"a", "=", " ", "\t", "é", "€", "\n", "  \n", "x\t\n", "==",
		"Z", ".", "«\u00a0", "\xe2\x80\xaf?", "\x01", "\x7f", "\xff",
	};
	const char	*pc;
	char		 text[400];
	unsigned int	 seed = 12345, i, j, n;
	size_t		 len;

	(void)state;
	/* A line of 75, 76, 77 characters; a space or an "=XX" at each
	 * column around the end. */
	for (n = 70; n <= 80; n++) {
		for (j = 0; j < 3; j++) {
			memset(text, 'a', n);
			text[n] = '\0';
			strcat(text, j == 0 ? " " : j == 1 ? "=b" : "é b");
			S_qp_roundtrip(text);
			strcat(text, " \nfin ");
			S_qp_roundtrip(text);
		}
	}
	/* 2 000 texts of random pieces (a fixed generator). */
	for (i = 0; i < 2000; i++) {
		len = 0;
		text[0] = '\0';
		n = 1 + (seed >> 16) % 60;
		for (j = 0; j < n; j++) {
			seed = seed * 1103515245u + 12345u;
			pc = piece[(seed >> 16) % (sizeof(piece) /
			    sizeof(piece[0]))];
			if (len + strlen(pc) + 20 >= sizeof(text))
				break;
			/* Runs of letters make lines reach 76. */
			if ((seed >> 8) % 3 == 0) {
				memset(text + len, 'm', 20);
				len += 20;
			}
			strcpy(text + len, pc);
			len += strlen(pc);
		}
		S_qp_roundtrip(text);
	}
}

static void
test_wrap(void **state)
{
	char	*s;

	(void)state;
	s = mail_wrap("un deux trois quatre cinq six", 10);
	assert_string_equal(s, "un deux\ntrois\nquatre\ncinq six");
	free(s);
	s = mail_wrap("1. un deux trois quatre\n- cinq six sept huit\n", 12);
	assert_string_equal(s, "1. un deux\n   trois\n   quatre\n- cinq six\n  sept huit\n");
	free(s);
	/* A word longer than the width is left whole; lines never joined. */
	s = mail_wrap("court\nanticonstitutionnellement x\n\nfin", 8);
	assert_string_equal(s, "court\nanticonstitutionnellement\nx\n\nfin");
	free(s);
	/* Width in characters, not bytes; a no-break space does not break. */
	s = mail_wrap("éé éé\xc2\xa0éé", 5);
	assert_string_equal(s, "éé\néé\xc2\xa0éé");
	free(s);
	/* French typography: « stays with the word after it, » : ; ? !
	 * with the word before, even after an ASCII space. */
	s = mail_wrap("aa « bb » cc : dd ; ee ? ff ! gg", 5);
	assert_string_equal(s, "aa\n« bb »\ncc :\ndd ;\nee ?\nff !\ngg");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_message),
		cmocka_unit_test(test_qp),
		cmocka_unit_test(test_wrap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
