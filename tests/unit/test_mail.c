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
	S_lines(s, 78);
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
		cmocka_unit_test(test_wrap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
