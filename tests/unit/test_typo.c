/*
 * test_typo.c — French rules (typo_fr), hyphenation (libhyphen with
 * Debian's hyph_fr.dic) and the Knuth–Plass line breaker (src/typo*.c).
 *
 * The tables below are run one test per row, so that each row is a TAP
 * line of its own.  Hyphenation rows are skipped when the dictionary is
 * not installed (package hyphen-fr).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "typo.h"
#include "util.h"

#define	HYPH_FR		"/usr/share/hyphen/hyph_fr.dic"
#define	NB		NBSP
#define	NN		NNBSP
#define	NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- typo_fr ---------------------------------------------------------- */

struct fr_case {
	const char	*in;
	const char	*want;
};

static const struct fr_case fr_cases[] = {
	/* High punctuation: all spellings give the same. */
	{ "bonjour !", "bonjour" NN "!" },
	{ "bonjour!", "bonjour" NN "!" },
	{ "bonjour" NB "!", "bonjour" NN "!" },
	{ "bonjour" NN "!", "bonjour" NN "!" },
	{ "bonjour  !", "bonjour" NN "!" },
	{ "bonjour \t" NB " !", "bonjour" NN "!" },
	{ "Quoi ?", "Quoi" NN "?" },
	{ "Quoi?", "Quoi" NN "?" },
	{ "Fragile; manipuler avec soin", "Fragile" NN "; manipuler avec soin" },
	{ "Horaires: lundi", "Horaires" NB ": lundi" },
	{ "Horaires : lundi", "Horaires" NB ": lundi" },
	{ "Horaires" NN ": lundi", "Horaires" NB ": lundi" },
	{ "Tél. : 01 39 50 00 00", "Tél." NB ": 01 39 50 00 00" },
	{ "Attention:", "Attention" NB ":" },
	{ "Quoi ?!", "Quoi" NN "?!" },
	{ "Quoi?!", "Quoi" NN "?!" },
	{ "Vraiment ??", "Vraiment" NN "??" },
	{ "Bon ! ! !", "Bon" NN "!" NN "!" NN "!" },
	{ "Merci (beaucoup)!", "Merci (beaucoup)" NN "!" },
	/* Where no space is added. */
	{ "?", "?" },
	{ "? oui", "? oui" },
	{ "!", "!" },
	{ "ligne\n?", "ligne\n?" },
	{ "ligne\n  ? indenté", "ligne\n  ? indenté" },
	{ "(?)", "(?)" },
	{ "[!]", "[!]" },
	{ "\"?\"", "\"?\"" },
	{ "!important", "!important" },
	{ "page?id=2", "page?id=2" },
	{ "Oui!Non", "Oui!Non" },
	/* A text fragment after a bold label (one cmark text node). */
	{ " : lundi", NB ": lundi" },
	{ " ! ", NN "! " },
	/* Guillemets. */
	{ "« Bonjour »", "«" NB "Bonjour" NB "»" },
	{ "«Bonjour»", "«" NB "Bonjour" NB "»" },
	{ "«  Bonjour  »", "«" NB "Bonjour" NB "»" },
	{ "«" NN "Bonjour" NN "»", "«" NB "Bonjour" NB "»" },
	{ "« »", "«" NB "»" },
	{ "«", "«" },
	{ "»", "»" },
	{ "il dit «oui» !", "il dit «" NB "oui" NB "»" NN "!" },
	{ "«\nligne", "«\nligne" },
	/* Units. */
	{ "50%", "50" NB "%" },
	{ "50 %", "50" NB "%" },
	{ "50  %", "50" NB "%" },
	{ "5€", "5" NB "€" },
	{ "12,50 €", "12,50" NB "€" },
	{ "en €", "en €" },
	{ "€5", "€5" },
	{ "%d", "%d" },
	{ "a%20b", "a%20b" },
	{ "100%.", "100" NB "%." },
	{ "x10%20y", "x10%20y" },	/* URL-encoded: % then a letter or digit */
	{ "10@20 %", "10@20" NB "%" },	/* no dot after @: no address */
	/* Apostrophe. */
	{ "l'aide", "l’aide" },
	{ "aujourd'hui", "aujourd’hui" },
	{ "L'Atelier d'Écriture", "L’Atelier d’Écriture" },
	{ "qu'à", "qu’à" },
	{ "rock'n'roll", "rock’n’roll" },
	{ "le mot 'aide' ici", "le mot 'aide' ici" },
	{ "'citation'", "'citation'" },
	{ "l'1", "l'1" },
	{ "l’aide", "l’aide" },
	/* Spaces. */
	{ "a  b", "a b" },
	{ "a \t b", "a b" },
	{ "a " NB "b", "a" NB "b" },
	{ "a" NB NB "b", "a" NB "b" },
	{ "a" NN " b", "a" NN "b" },
	{ "10" NN "000 habitants", "10" NN "000 habitants" },
	{ "  a", " a" },
	{ "a  ", "a " },
	{ "fin  \nsuite", "fin  \nsuite" },
	{ "a\n    b", "a\n    b" },
	/* Soft hyphens are never drawn. */
	{ "ac\xc2\xad" "compagnement", "accompagnement" },
	{ "\xc2\xad", "" },
	{ "bon\xc2\xad !", "bon" NN "!" },
	/* Ellipsis. */
	{ "etc...", "etc…" },
	{ "Attendez... non", "Attendez… non" },
	{ "[...]", "[…]" },
	{ "....", "...." },
	{ "..", ".." },
	{ "Et alors... ?", "Et alors…" NN "?" },
	/* URLs. */
	{ "http://x.fr/a?b=c:d", "http://x.fr/a?b=c:d" },
	{ "Voir http://x.fr/a?b=c:d !", "Voir http://x.fr/a?b=c:d" NN "!" },
	{ "www.example.org", "www.example.org" },
	{ "Site : www.example.org.", "Site" NB ": www.example.org." },
	{ "https://x.fr?", "https://x.fr" NN "?" },
	{ "https://x.fr/l'aide...", "https://x.fr/l'aide…" },
	{ "(https://fr.wikipedia.org/wiki/Versailles_(Yvelines))",
	  "(https://fr.wikipedia.org/wiki/Versailles_(Yvelines))" },
	{ "(voir https://x.fr/a;b)!", "(voir https://x.fr/a;b)" NN "!" },
	{ "HTTPS://X.FR/A:B", "HTTPS://X.FR/A:B" },
	{ "«https://x.fr»", "«" NB "https://x.fr" NB "»" },
	{ "mailto:contact@x.fr", "mailto:contact@x.fr" },
	/* A prefix alone is a word (fuzz_typo: "L'mailto: n" was not
	 * idempotent, the apostrophe hid the colon's rule). */
	{ "L'mailto: nsqqqqqqn", "L’mailto" NB ": nsqqqqqqn" },
	{ "Voir http:// ici", "Voir http:// ici" },
	{ "Tapez www. puis le nom", "Tapez www. puis le nom" },
	{ "xwww.a:b c", "xwww.a:b c" },
	/* E-mail addresses. */
	{ "contact@centre-versailles.fr", "contact@centre-versailles.fr" },
	{ "Écrire à contact@x.fr !", "Écrire à contact@x.fr" NN "!" },
	{ "jean.dupont+ateliers@mairie-versailles.fr;",
	  "jean.dupont+ateliers@mairie-versailles.fr" NN ";" },
	{ "o'brien@x.fr", "o'brien@x.fr" },
	{ "accueil@csversailles.fr" NB "»", "accueil@csversailles.fr" NB "»" },
	{ "@centre !", "@centre" NN "!" },
	/* Times, ratios, code. */
	{ "12:30", "12:30" },
	{ "de 9h30 à 12h", "de 9h30 à 12h" },
	{ "ouvert 14:00-18:00 !", "ouvert 14:00-18:00" NN "!" },
	{ "score 3:1", "score 3:1" },
	{ "std::vector", "std::vector" },
	{ "a :: b", "a :: b" },
	{ "C:\\Users", "C:\\Users" },
	{ "`a ; b`", "`a ; b`" },
	{ "Tapez `ls -l` : ça marche", "Tapez `ls -l`" NB ": ça marche" },
	{ "``x ` y : z``", "``x ` y : z``" },
	{ "un ` seul : point", "un ` seul" NB ": point" },
	{ "&amp; &#233; &nbsp;", "&amp; &#233; &nbsp;" },
	/* Realistic sentences. */
	{ "Permanence d'accueil : lundi et jeudi, de 9h30 à 12h ; "
	  "sur rendez-vous le mardi !",
	  "Permanence d’accueil" NB ": lundi et jeudi, de 9h30 à 12h" NN
	  "; sur rendez-vous le mardi" NN "!" },
	{ "Le CCAS propose l'aide « Pass'Sport » : 50 € par enfant "
	  "(soit 30% du coût).",
	  "Le CCAS propose l’aide «" NB "Pass’Sport" NB "»" NB ": 50" NB
	  "€ par enfant (soit 30" NB "% du coût)." },
	{ "Contact : accueil@csversailles.fr ou 01 39 20 16 00.",
	  "Contact" NB ": accueil@csversailles.fr ou 01 39 20 16 00." },
	{ "Vous avez des questions ? Écrivez-nous !",
	  "Vous avez des questions" NN "? Écrivez-nous" NN "!" },
	{ "Site : https://www.versailles.fr/solidarite?tab=aide:sociale ; "
	  "ouvert à tous.",
	  "Site" NB ": https://www.versailles.fr/solidarite?tab=aide:sociale"
	  NN "; ouvert à tous." },
	{ "Qu'est-ce que c'est?", "Qu’est-ce que c’est" NN "?" },
	{ "L'atelier « Français langue étrangère » a lieu à 14:30 ; "
	  "inscription sur place.",
	  "L’atelier «" NB "Français langue étrangère" NB "» a lieu à 14:30"
	  NN "; inscription sur place." },
	{ "Les inscriptions (1er trimestre) : du 2 au 15 septembre... "
	  "Places limitées !",
	  "Les inscriptions (1er trimestre)" NB ": du 2 au 15 septembre… "
	  "Places limitées" NN "!" },
	{ "Tarif : 2€ l'heure (gratuit pour les moins de 12 ans)",
	  "Tarif" NB ": 2" NB "€ l’heure (gratuit pour les moins de 12 ans)" },
	/* Odd input. */
	{ "", "" },
	{ "\xff ab !", "\xff ab" NN "!" },
	{ "ab\xe2\x80", "ab\xe2\x80" },
};

static void
test_fr(void **state)
{
	const struct fr_case	*c = *state;
	char			*got, *again;

	got = typo_fr(c->in);
	assert_string_equal(got, c->want);
	/* Idempotent. */
	again = typo_fr(got);
	assert_string_equal(again, got);
	free(again);
	free(got);
}

/* Every prefix of a sentence: no crash, idempotent (fragments). */
static void
test_fr_prefixes(void **state)
{
	size_t	 i, j, len;
	char	*s, *a, *b;

	(void)state;
	for (i = 0; i < NELEM(fr_cases); i++) {
		len = strlen(fr_cases[i].in);
		for (j = 0; j <= len; j++) {
			s = xstrndup(fr_cases[i].in, j);
			a = typo_fr(s);
			b = typo_fr(a);
			assert_string_equal(a, b);
			free(s);
			free(a);
			free(b);
		}
	}
}

/* Pseudo-random bytes from a French-ish alphabet: idempotence holds. */
static void
test_fr_random(void **state)
{
	static const char *const atoms[] = {
		" ", "  ", NB, NN, "!", "?", ";", ":", "'", "«", "»", "%",
		"€", ".", "...", "`", "@", "a", "é", "1", "\n", "(", ")",
		"http://", "www.", "x.fr", "\xc2\xad", "l'aide", "::", "É",
	};
	uint32_t	 seed = 12345;
	struct buf	 b;
	char		*x, *y;
	int		 round, k;

	(void)state;
	buf_init(&b);
	for (round = 0; round < 2000; round++) {
		buf_reset(&b);
		for (k = 0; k < 12; k++) {
			seed = seed * 1103515245u + 12345u;
			buf_puts(&b, atoms[(seed >> 16) % NELEM(atoms)]);
		}
		x = typo_fr(buf_cstr(&b));
		y = typo_fr(x);
		if (strcmp(x, y) != 0)
			fail_msg("not idempotent: [%s] -> [%s] -> [%s]",
			    buf_cstr(&b), x, y);
		assert_null(strstr(x, "\xc2\xad"));
		free(x);
		free(y);
	}
	buf_free(&b);
}

/* Hostile input stays linear: backtick runs, parentheses, at signs. */
static void
test_fr_pathological(void **state)
{
	struct buf	 b;
	size_t		 i, k;
	clock_t		 t0;
	char		*x;

	(void)state;
	buf_init(&b);
	for (i = 1; i < 300; i++) {
		for (k = 0; k < i % 40 + 1; k++)
			buf_putc(&b, '`');
		buf_putc(&b, ' ');
	}
	buf_puts(&b, "http://x.fr/");
	for (i = 0; i < 50000; i++)
		buf_putc(&b, ')');
	for (i = 0; i < 20000; i++)
		buf_puts(&b, " a@b");
	for (i = 0; i < 20000; i++)
		buf_puts(&b, "\xc2\xad !; ");
	t0 = clock();
	x = typo_fr(buf_cstr(&b));
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 2);
	assert_non_null(strstr(x, "http://x.fr/)))"));
	free(x);
	buf_free(&b);
}

/* ---- hyphenation ------------------------------------------------------ */

/* The word, "=" where a hyphen may be inserted. */
struct hy_case {
	const char	*word;
	const char	*want;
};

static const struct hy_case hy_cases[] = {
	{ "intégration", "in=té=gra=tion" },
	{ "accompagnement", "ac=com=pa=gne=ment" },
	{ "développement", "dé=ve=lop=pe=ment" },
	{ "hébergement", "hé=ber=ge=ment" },
	{ "œuvre", "œuvre" },
	{ "éducation", "édu=ca=tion" },
	{ "économie", "éco=no=mie" },
	{ "extraordinaire", "ex=tra=or=di=naire" },
	{ "réécriture", "ré=écri=ture" },
	{ "alphabétisation", "al=pha=bé=ti=sa=tion" },
	{ "anticonstitutionnellement",
	  "an=ti=cons=ti=tu=tion=nel=le=ment" },
	/* Three characters after the last break (the dictionary says 2). */
	{ "solidarité", "so=li=da=rité" },
	{ "bénévoles", "bé=né=voles" },
	/* Case does not matter for the lookup. */
	{ "Intégration", "In=té=gra=tion" },
	{ "INTÉGRATION", "IN=TÉ=GRA=TION" },
	{ "ÉDUCATION", "ÉDU=CA=TION" },
	{ "ŒUVRE", "ŒUVRE" },
	/* Elision: only what follows the apostrophe. */
	{ "l’accompagnement", "l’ac=com=pa=gne=ment" },
	{ "l'accompagnement", "l'ac=com=pa=gne=ment" },
	{ "d’insertion", "d’in=ser=tion" },
	{ "qu’aujourd’hui", "qu’aujourd’hui" },
	{ "l’écologie", "l’éco=lo=gie" },
	{ "d’abonnement", "d’abon=ne=ment" },
	{ "l’équipement", "l’équi=pe=ment" },
	/* Punctuation around the word. */
	{ "accompagnement,", "ac=com=pa=gne=ment," },
	{ "(hébergement)", "(hé=ber=ge=ment)" },
	{ "«" NB "intégration" NB "»", "«" NB "in=té=gra=tion" NB "»" },
	{ "développement…", "dé=ve=lop=pe=ment…" },
	/* Compounds: each part on its own. */
	{ "socio-éducatif", "so=cio-édu=ca=tif" },
	{ "peut-être", "peut-être" },
	/* Too short, or not a word. */
	{ "aide", "aide" },
	{ "été", "été" },
	{ "", "" },
	{ "12:30", "12:30" },
	{ "9h30", "9h30" },
	{ "01-39-20-16-00", "01-39-20-16-00" },
	{ "contact@centre.fr", "contact@centre.fr" },
	{ "www.accompagnement.fr", "www.accompagnement.fr" },
	{ "http://accompagnement", "http://accompagnement" },
	{ "accompagnement2", "accompagnement2" },
	{ "\xff" "accompagnement", "\xff" "accompagnement" },
};

static struct typo_hyph *hyph;

static void
test_hyph(void **state)
{
	const struct hy_case	*c = *state;
	size_t			 offs[64], n, i, at = 0;
	struct buf		 b;

	if (hyph == NULL) {
		skip();
		return;
	}
	n = typo_hyphenate(hyph, c->word, offs, NELEM(offs));
	buf_init(&b);
	for (i = 0; i < n; i++) {
		assert_true(offs[i] > at || (i == 0 && offs[i] > 0));
		assert_true(offs[i] < strlen(c->word));
		buf_put(&b, c->word + at, offs[i] - at);
		buf_putc(&b, '=');
		at = offs[i];
	}
	buf_puts(&b, c->word + at);
	assert_string_equal(buf_cstr(&b), c->want);
	buf_free(&b);
}

/* Byte offsets, not character ones: the break of "dé=ve" is at byte 3. */
static void
test_hyph_offsets(void **state)
{
	size_t	 offs[16], n;

	(void)state;
	if (hyph == NULL) {
		skip();
		return;
	}
	n = typo_hyphenate(hyph, "développement", offs, NELEM(offs));
	assert_int_equal(n, 4);
	assert_int_equal(offs[0], 3);	/* d é(2 bytes) */
	assert_int_equal(offs[1], 5);
	/* max is honoured. */
	assert_int_equal(typo_hyphenate(hyph, "développement", offs, 2), 2);
	assert_int_equal(offs[1], 5);
	assert_int_equal(typo_hyphenate(hyph, "développement", offs, 0), 0);
	assert_int_equal(typo_hyphenate(NULL, "développement", offs, 4), 0);
}

static void
test_hyph_ex(void **state)
{
	struct typo_hpoint	 p[16];
	size_t			 n;

	(void)state;
	if (hyph == NULL) {
		skip();
		return;
	}
	n = typo_hyphenate_ex(hyph, "peut-être", p, NELEM(p));
	assert_int_equal(n, 1);
	assert_int_equal(p[0].off, 5);
	assert_int_equal(p[0].inserted, 0);
	n = typo_hyphenate_ex(hyph, "socio-éducatif", p, NELEM(p));
	assert_int_equal(n, 4);
	assert_int_equal(p[0].off, 2);		/* so=cio */
	assert_int_equal(p[0].inserted, 1);
	assert_int_equal(p[1].off, 6);		/* socio-|éducatif */
	assert_int_equal(p[1].inserted, 0);
	assert_int_equal(p[2].off, 10);		/* édu=ca: é is 2 bytes */
	/* Too short on one side: no break at the hyphen. */
	assert_int_equal(typo_hyphenate_ex(hyph, "dit-il", p, NELEM(p)), 0);
	assert_int_equal(typo_hyphenate_ex(hyph, "e-mail", p, NELEM(p)), 0);
	assert_int_equal(typo_hyphenate_ex(hyph, "-peut-", p, NELEM(p)), 0);
	assert_int_equal(typo_hyphenate_ex(hyph, "peut--être", p, NELEM(p)),
	    0);
}

static void
test_hyph_open(void **state)
{

	(void)state;
	assert_null(typo_hyph_open("/nonexistent/hyph_fr.dic"));
	assert_null(typo_hyph_open(NULL));
	typo_hyph_close(NULL);
}

struct can_case {
	const char	*word;
	int		 want;
};

static const struct can_case can_cases[] = {
	{ "accompagnement", 1 },
	{ "l’accompagnement", 1 },
	{ "accompagnement,", 1 },
	{ "socio-éducatif", 1 },
	{ "Accompagnement", 0 },
	{ "Élodie", 0 },
	{ "CCAS", 0 },
	{ "Saint-Quentin", 0 },
	{ "contact@centre.fr", 0 },
	{ "www.centre.fr", 0 },
	{ "https://centre.fr", 0 },
	{ "01 39 20 16 00", 0 },
	{ "0139201600", 0 },
	{ "12:30", 0 },
	{ "9h30", 0 },
	{ "2e", 0 },
	{ "aide", 0 },
	{ "", 0 },
	{ "«" NB "accueil", 1 },
};

static void
test_can(void **state)
{
	const struct can_case	*c = *state;

	assert_int_equal(typo_can_hyphenate(c->word), c->want);
}

/* ---- line breaking ---------------------------------------------------- */

/*
 * Items for a text in a monospaced font: each character 1 unit wide,
 * a space is glue (1, stretch, shrink), "=" marks a possible hyphen
 * (flagged penalty 50, width 1); the paragraph ends with glue of
 * infinite stretch and a forced break.
 */
static size_t
mkitems(const char *text, double stretch, double shrink,
    struct lb_item **out)
{
	struct lb_item	*v;
	size_t		 n = 0, cap = strlen(text) * 2 + 4;
	const char	*p, *q;

	v = xcalloc(cap, sizeof(*v));
	for (p = text; *p != '\0'; p = q) {
		if (*p == ' ') {
			v[n].type = LB_GLUE;
			v[n].width = 1;
			v[n].stretch = stretch;
			v[n++].shrink = shrink;
			q = p + 1;
		} else if (*p == '=') {
			v[n].type = LB_PENALTY;
			v[n].width = 1;
			v[n].penalty = 50;
			v[n++].flagged = 1;
			q = p + 1;
		} else if (*p == '|') {
			v[n].type = LB_PENALTY;
			v[n++].penalty = LB_FORCE;
			q = p + 1;
		} else {
			for (q = p; *q != '\0' && *q != ' ' && *q != '=' &&
			    *q != '|'; q++)
				continue;
			v[n].type = LB_BOX;
			v[n++].width = (double)(q - p);
		}
	}
	v[n].type = LB_GLUE;
	v[n++].stretch = INFINITY;
	v[n].type = LB_PENALTY;
	v[n++].penalty = LB_FORCE;
	*out = v;
	return n;
}

/* The lines as text: boxes as their widths, " / " between lines. */
static char *
show(const struct lb_item *v, const struct lb_line *l, size_t nl)
{
	struct buf	 b;
	size_t		 i, k;

	buf_init(&b);
	for (k = 0; k < nl; k++) {
		if (k > 0)
			buf_puts(&b, " / ");
		for (i = l[k].start; i < l[k].end; i++)
			if (v[i].type == LB_BOX)
				buf_printf(&b, "%s%g", i > l[k].start ? " " :
				    "", v[i].width);
		if (l[k].hyphenated)
			buf_putc(&b, '-');
	}
	return buf_detach(&b);
}

/* What every result must satisfy. */
static void
check_lines(const struct lb_item *v, size_t n, const struct lb_line *l,
    size_t nl)
{
	size_t	 k, i;

	assert_true(nl > 0);
	assert_int_equal(l[0].start, 0);
	for (k = 0; k < nl; k++) {
		assert_true(l[k].start <= l[k].end);
		assert_true(l[k].end < n || (l[k].end == n && k == nl - 1));
		assert_false(isnan(l[k].ratio));
		assert_true(l[k].ratio >= -1);
		if (k == 0)
			continue;
		assert_true(l[k].end > l[k - 1].end);
		/* Discarded: only glue and penalties between lines. */
		for (i = l[k - 1].end + 1; i < l[k].start; i++)
			assert_int_not_equal(v[i].type, LB_BOX);
	}
	assert_true(l[nl - 1].end >= n - 1);
}

static void
test_break_empty(void **state)
{
	struct lb_line	*l = (void *)1;
	struct lb_item	 one = { LB_BOX, 5, 0, 0, 0, 0 };

	(void)state;
	assert_int_equal(typo_break(NULL, 0, 10, 2, &l), 0);
	assert_null(l);
	assert_int_equal(typo_break_ragged(NULL, 0, 10, 3, &l), 0);
	assert_int_equal(typo_break_firstfit(NULL, 0, 10, &l), 0);
	/* No final forced break: one is assumed after the last item. */
	assert_int_equal(typo_break(&one, 1, 10, 2, &l), 1);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].end, 1);
	free(l);
}

static void
test_break_one_word(void **state)
{
	struct lb_item	*v;
	struct lb_line	*l;
	size_t		 n, nl;

	(void)state;
	n = mkitems("Bonjour", 1, 0.5, &v);
	nl = typo_break(v, n, 30, 2, &l);
	assert_int_equal(nl, 1);
	check_lines(v, n, l, nl);
	assert_int_equal(l[0].end, 2);
	assert_true(l[0].ratio == 0);
	free(l);
	/* Only the paragraph's end: one empty line. */
	nl = typo_break(v + 1, n - 1, 30, 2, &l);
	assert_int_equal(nl, 1);
	free(l);
	free(v);
}

/* Total fit keeps lines even where first fit makes one very loose. */
static void
test_break_kp_vs_greedy(void **state)
{
	struct lb_item	*v;
	struct lb_line	*l;
	size_t		 n, nl, k;
	char		*s;

	(void)state;
	/* The classic: first fit fills line 1 and leaves "cc" alone. */
	n = mkitems("aaa bb cc ddddd", 1, 0, &v);
	nl = typo_break_firstfit(v, n, 6, &l);
	s = show(v, l, nl);
	assert_string_equal(s, "3 2 / 2 / 5");
	free(s);
	free(l);
	nl = typo_break_ragged(v, n, 6, 6, &l);
	check_lines(v, n, l, nl);
	s = show(v, l, nl);
	assert_string_equal(s, "3 / 2 2 / 5");
	free(s);
	free(l);
	free(v);

	/*
	 * Justified: first fit leaves "du bus" alone with a ratio of 5,
	 * total fit takes "du" down and keeps every line within 0.67.
	 */
	n = mkitems("aide public du bus petit matin urgent repas tot", 1,
	    0.34, &v);
	nl = typo_break_firstfit(v, n, 14, &l);
	check_lines(v, n, l, nl);
	s = show(v, l, nl);
	assert_string_equal(s, "4 6 2 / 3 5 / 5 6 / 5 3");
	assert_true(l[1].ratio > 4.9);
	free(s);
	free(l);
	nl = typo_break(v, n, 14, 1.5, &l);
	check_lines(v, n, l, nl);
	s = show(v, l, nl);
	assert_string_equal(s, "4 6 / 2 3 5 / 5 6 / 5 3");
	for (k = 0; k < nl; k++)
		assert_true(fabs(l[k].ratio) < 0.7);
	free(s);
	free(l);
	free(v);
}

static void
test_break_forced(void **state)
{
	struct lb_item	*v;
	struct lb_line	*l;
	size_t		 n, nl;
	char		*s;

	(void)state;
	n = mkitems("aa bb|cc dd||ee", 1, 0.5, &v);
	nl = typo_break(v, n, 40, 2, &l);
	check_lines(v, n, l, nl);
	s = show(v, l, nl);
	assert_string_equal(s, "2 2 / 2 2 /  / 2");
	free(s);
	free(l);
	nl = typo_break_firstfit(v, n, 40, &l);
	s = show(v, l, nl);
	assert_string_equal(s, "2 2 / 2 2 /  / 2");
	free(s);
	free(l);
	free(v);
}

/* A URL longer than the line: overfull, alone, and the rest is fine. */
static void
test_break_overlong(void **state)
{
	struct lb_item	*v;
	struct lb_line	*l;
	size_t		 n, nl;
	char		*s;

	(void)state;
	n = mkitems("voir le site https://www.example.org/un/tres/long/chemin "
	    "pour tout savoir", 1, 0.5, &v);
	nl = typo_break(v, n, 12, 2, &l);
	check_lines(v, n, l, nl);
	s = show(v, l, nl);
	assert_string_equal(s, "4 2 4 / 43 / 4 4 / 6");
	free(s);
	free(l);
	nl = typo_break_ragged(v, n, 12, 6, &l);
	check_lines(v, n, l, nl);
	free(l);
	nl = typo_break_firstfit(v, n, 12, &l);
	check_lines(v, n, l, nl);
	s = show(v, l, nl);
	assert_string_equal(s, "4 2 4 / 43 / 4 4 / 6");
	free(s);
	free(l);
	/* A line of width 0: one box a line (7 words), still terminates. */
	nl = typo_break(v, n, 0, 2, &l);
	check_lines(v, n, l, nl);
	assert_int_equal(nl, 7);
	free(l);
	free(v);
}

/*
 * A word wider than the line: one overfull line of it, and never an
 * empty line after it, whether more words follow, the paragraph ends or
 * a hard break comes next.  The only boxless line is the one between
 * two forced breaks.
 */
static void
test_break_overfull_word(void **state)
{
#define	B(w)	{ LB_BOX, (w), 0, 0, 0, 0 }
#define	G	{ LB_GLUE, 5, 3, 1, 0, 0 }
#define	END	{ LB_GLUE, 0, INFINITY, 0, 0, 0 }, \
		{ LB_PENALTY, 0, 0, 0, LB_FORCE, 0 }
	static const struct lb_item words[] = {
		B(150), G, B(20), G, B(20), END };
	static const struct lb_item last[] = {
		B(20), G, B(20), G, B(150), END };
	static const struct lb_item alone[] = { B(150), END };
	static const struct lb_item hard[] = {
		B(150), END, B(20), G, B(20), END };
	static const struct lb_item url[] = {
		B(20), G, B(80), { LB_PENALTY, 0, 0, 0, 100, 1 }, B(90),
		END, B(20), END };
	static const struct {
		const struct lb_item	*v;
		size_t			 n;
		const char		*want;
	} cases[] = {
		{ words, NELEM(words), "150 / 20 20" },
		{ last, NELEM(last), "20 20 / 150" },
		{ alone, NELEM(alone), "150" },
		{ hard, NELEM(hard), "150 / 20 20" },
		{ url, NELEM(url), "20 / 80- / 90 / 20" },
	};
#undef	B
#undef	G
#undef	END
	struct lb_line	*l;
	size_t		 c, nl, k, i;
	int		 how;
	char		*s;

	(void)state;
	for (c = 0; c < NELEM(cases); c++)
		for (how = 0; how < 3; how++) {
			nl = how == 0 ? typo_break(cases[c].v, cases[c].n,
			    100, 2, &l) : how == 1 ?
			    typo_break_ragged(cases[c].v, cases[c].n, 100,
			    30, &l) :
			    typo_break_firstfit(cases[c].v, cases[c].n, 100,
			    &l);
			check_lines(cases[c].v, cases[c].n, l, nl);
			s = show(cases[c].v, l, nl);
			assert_string_equal(s, cases[c].want);
			free(s);
			for (k = 0; k < nl; k++) {
				for (i = l[k].start; i < l[k].end; i++)
					if (cases[c].v[i].type == LB_BOX)
						break;
				assert_true(i < l[k].end);
			}
			free(l);
		}
}

/* No stretch at all: nothing is feasible, the second pass copes. */
static void
test_break_rigid(void **state)
{
	struct lb_item	*v;
	struct lb_line	*l;
	size_t		 n, nl;
	char		*s;

	(void)state;
	n = mkitems("aa bb cc dd ee ff gg", 0, 0, &v);
	nl = typo_break(v, n, 9, 2, &l);
	check_lines(v, n, l, nl);
	s = show(v, l, nl);
	assert_string_equal(s, "2 2 2 / 2 2 2 / 2");
	free(s);
	free(l);
	free(v);
}

static void
test_break_hyphen(void **state)
{
	struct lb_item	*v;
	struct lb_line	*l;
	size_t		 n, nl, k, hy = 0;
	char		*s;

	(void)state;
	n = mkitems("un ac=com=pa=gne=ment so=li=daire pour tous les "
	    "ha=bi=tants du quar=tier", 1, 0.5, &v);
	nl = typo_break(v, n, 14, 2, &l);
	check_lines(v, n, l, nl);
	s = show(v, l, nl);
	for (k = 0; k < nl; k++)
		if (l[k].hyphenated) {
			hy++;
			assert_int_equal(v[l[k].end].type, LB_PENALTY);
			assert_true(v[l[k].end].flagged);
		}
	assert_true(hy > 0);
	/* un accompagne- / ment solidaire / pour tous les / habitants du */
	assert_string_equal(s, "2 2 3 2 3- / 4 2 2 5 / 4 4 3 / 2 2 5 2 / 4 4");
	free(s);
	free(l);
	free(v);
}

/*
 * Two hyphens in a row cost more than a looser line.  The paragraphs
 * were found by search: without \doublehyphendemerits, the best breaks
 * of the second and third end two lines running with a hyphen; with
 * it, never (the first paragraph cannot tell: it is kept as well).
 */
static void
test_break_double_hyphen(void **state)
{
	static const struct {
		const char	*text;
		double		 width;
	} cases[] = {
		{ "aaaaa=aaaaa bbbbb=bbbbb ccccc=ccccc ddddd=ddddd eeeee "
		    "fffff ggggg hhhhh iiiii", 17 },
		{ "aaa=aaaaa bbbbbb cc=cccc=ccccc dd=dddddd eeee ffffff ggggg "
		    "hhh=hhhh", 14 },
		{ "aaaaaa=aa bbbbb=bb cc ddd=dddddd eeee ffff=ff "
		    "gggggg=gggggg=gg hh iiiiii", 13 },
	};
	struct lb_item	*v;
	struct lb_line	*l;
	size_t		 n, nl, k, c, hy;

	(void)state;
	for (c = 0; c < NELEM(cases); c++) {
		n = mkitems(cases[c].text, 1, 0.3, &v);
		nl = typo_break(v, n, cases[c].width, 3, &l);
		check_lines(v, n, l, nl);
		for (k = hy = 0; k < nl; k++)
			hy += l[k].hyphenated;
		assert_true(hy > 0);	/* hyphens are attractive here */
		for (k = 1; k < nl; k++)
			assert_false(l[k].hyphenated && l[k - 1].hyphenated);
		free(l);
		free(v);
	}
}

/*
 * No hyphen at the end of the next-to-last line (\finalhyphendemerits):
 * without it, these paragraphs (found by search) would end their
 * next-to-last line with a hyphen.
 */
static void
test_break_final_hyphen(void **state)
{
	static const struct {
		const char	*text;
		double		 width;
	} cases[] = {
		{ "aaaa=aaaaa=aaaaaa bbbbb=bbbbbb=bbbbbb cccccc=cc dd "
		    "ee=eee=eeee ffffff gggg=gggggg", 20 },
		{ "aaaaa=aaa=aaa bbb=bbb=bbbb cccc ddd=dd eeeeee ffff=fffff "
		    "ggggg=ggggg", 12 },
		{ "aa bbbb=bb=bbbbb ccccc=cccccc ddddd=dd", 16 },
	};
	struct lb_item	*v;
	struct lb_line	*l;
	size_t		 n, nl, c;

	(void)state;
	for (c = 0; c < NELEM(cases); c++) {
		n = mkitems(cases[c].text, 1, 0.3, &v);
		nl = typo_break(v, n, cases[c].width, 3, &l);
		check_lines(v, n, l, nl);
		assert_true(nl >= 2);
		assert_false(l[nl - 2].hyphenated);
		free(l);
		free(v);
	}
}

static void
test_break_garbage(void **state)
{
	struct lb_item	 v[6] = {
		{ LB_BOX, NAN, 0, 0, 0, 0 },
		{ LB_GLUE, 1, NAN, INFINITY, 0, 0 },
		{ LB_BOX, INFINITY, 0, 0, 0, 0 },
		{ LB_PENALTY, -5, 0, 0, LB_FORBID, 0 },
		{ LB_GLUE, 1, INFINITY, 0, 0, 0 },
		{ LB_PENALTY, 0, 0, 0, LB_FORCE, 0 },
	};
	struct lb_line	*l;
	size_t		 nl;

	(void)state;
	nl = typo_break(v, NELEM(v), 10, 2, &l);
	check_lines(v, NELEM(v), l, nl);
	free(l);
	nl = typo_break(v, NELEM(v), NAN, NAN, &l);
	check_lines(v, NELEM(v), l, nl);
	free(l);
}

/* 10 000 words: quick, and every line within tolerance. */
static void
test_break_long(void **state)
{
	struct lb_item	*v;
	struct lb_line	*l;
	struct buf	 b;
	size_t		 n, nl, k, w;
	uint32_t	 seed = 42;
	clock_t		 t0;
	double		 secs;

	(void)state;
	buf_init(&b);
	for (w = 0; w < 10000; w++) {
		seed = seed * 1103515245u + 12345u;
		if (w > 0)
			buf_putc(&b, ' ');
		for (k = 0; k < 2 + (seed >> 16) % 9; k++)
			buf_putc(&b, 'x');
		if ((seed >> 8) % 4 == 0)
			buf_puts(&b, "=xxx");
	}
	n = mkitems(buf_cstr(&b), 1, 0.4, &v);
	t0 = clock();
	nl = typo_break(v, n, 60, 2, &l);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	check_lines(v, n, l, nl);
	assert_true(nl > 1000);
	for (k = 0; k < nl; k++)
		assert_true(l[k].ratio <= 2);
	free(l);
	/* Generous: under sanitizers too. */
	assert_true(secs < 5);
	t0 = clock();
	nl = typo_break_ragged(v, n, 60, 18, &l);
	check_lines(v, n, l, nl);
	free(l);
	nl = typo_break_firstfit(v, n, 60, &l);
	check_lines(v, n, l, nl);
	free(l);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5);
	free(v);
	buf_free(&b);
}

/* Hostile: many breakpoints in a row, and a very long word. */
static void
test_break_pathological(void **state)
{
	struct lb_item	*v;
	struct lb_line	*l;
	size_t		 n = 20002, nl, i;
	clock_t		 t0;

	(void)state;
	v = xcalloc(n, sizeof(*v));
	v[0].type = LB_BOX;
	v[0].width = 3;
	for (i = 1; i < n - 2; i++) {
		v[i].type = i % 2 ? LB_PENALTY : LB_BOX;
		v[i].width = i % 2 ? 0 : 0.5;
	}
	v[n - 2].type = LB_GLUE;
	v[n - 2].stretch = INFINITY;
	v[n - 1].type = LB_PENALTY;
	v[n - 1].penalty = LB_FORCE;
	t0 = clock();
	nl = typo_break(v, n, 40, 2, &l);
	check_lines(v, n, l, nl);
	free(l);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5);
	free(v);
}

/* ---- main ------------------------------------------------------------- */

/*
 * libhyphen 2.8.8 leaks 130 bytes in 16 blocks when hyph_fr.dic is
 * loaded and freed (hnj_hyphen_load_line; a bare load + free shows it
 * too).  Not ours: tell LeakSanitizer, which calls this hook.  The
 * library has no frame pointers, so only its name is in the stack.
 */
const char	*__lsan_default_suppressions(void);

/* ---- breaking what does not break ------------------------------------ */

/* word with "|" at the break points fn finds. */
static char *
S_marked(const char *w, size_t (*fn)(const char *, size_t,
    struct typo_wbreak *, size_t), int *kinds)
{
	struct typo_wbreak v[128];
	struct buf	 b;
	size_t		 n, i, at = 0;
	char		*out;

	n = fn(w, strlen(w), v, NELEM(v));
	buf_init(&b);
	for (i = 0; i < n; i++) {
		assert_true(v[i].off > at || (i == 0 && v[i].off > 0));
		buf_put(&b, w + at, v[i].off - at);
		buf_putc(&b, '|');
		at = v[i].off;
		if (kinds != NULL)
			kinds[i] = v[i].kind;
	}
	buf_puts(&b, w + at);
	out = buf_detach(&b);
	buf_free(&b);
	return out;
}

static void
S_expect(const char *w, size_t (*fn)(const char *, size_t,
    struct typo_wbreak *, size_t), const char *want)
{
	char	*got = S_marked(w, fn, NULL);

	assert_string_equal(got, want);
	free(got);
}

static void
test_url_breaks(void **state)
{
	(void)state;
	S_expect("https://www.example.org/page/suite", typo_url_breaks,
	    "https://www|.example|.org/|page/|suite");
	S_expect("secours-catholique@example.org", typo_url_breaks,
	    "secours|-catholique|@example|.org");
	S_expect("https://a.org/x?y=1&z=2#top", typo_url_breaks,
	    "https://a|.org/|x|?y=1|&z=2|#top");
	/* Trailing punctuation stays with the sentence. */
	S_expect("example.org/page.", typo_url_breaks, "example|.org/|page.");
	S_expect("(voir example.org/a/b),", typo_url_breaks,
	    "(voir example|.org/|a/b),");
	/* Never in the first or last two characters; nothing to break. */
	S_expect("a.b", typo_url_breaks, "a.b");
	S_expect("", typo_url_breaks, "");
	S_expect("a..b-.c", typo_url_breaks, "a..b|-.c");
}

static void
test_hyphen_breaks(void **state)
{
	(void)state;
	S_expect("Sainte-Élisabeth", typo_hyphen_breaks, "Sainte-|Élisabeth");
	S_expect("Z-12-ASSOCIATION", typo_hyphen_breaks, "Z-|12-|ASSOCIATION");
	S_expect("-abc", typo_hyphen_breaks, "-abc");
	S_expect("abc-", typo_hyphen_breaks, "abc-");
	S_expect("a--b", typo_hyphen_breaks, "a--b");
	/* U+2011, the no-break hyphen, never breaks. */
	S_expect("a\xe2\x80\x91" "b", typo_hyphen_breaks, "a\xe2\x80\x91" "b");
}

static void
test_any_breaks(void **state)
{
	int	 kinds[16];
	char	*got;

	(void)state;
	S_expect("abc", typo_any_breaks, "a|b|c");
	/* No break before a combining mark (NFD), nor inside an emoji ZWJ
	 * sequence, nor before a variation selector. */
	S_expect("e\xcc\x81t", typo_any_breaks, "e\xcc\x81|t");
	S_expect("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9x",
	    typo_any_breaks,
	    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9|x");
	S_expect("\xe2\x98\x95\xef\xb8\x8fx", typo_any_breaks,
	    "\xe2\x98\x95\xef\xb8\x8f|x");
	/* After a no-break space: the cheaper last resort. */
	got = S_marked("a" NB "b", typo_any_breaks, kinds);
	assert_string_equal(got, "a|" NB "|b");
	assert_int_equal(kinds[0], TYPO_BRK_ANY);
	assert_int_equal(kinds[1], TYPO_BRK_SPACE);
	free(got);
}

static void
test_url_like(void **state)
{
	(void)state;
	assert_true(typo_url_like("https://x", 9));
	assert_true(typo_url_like("www.example.org", 15));
	assert_true(typo_url_like("a@b.fr", 6));
	assert_true(typo_url_like("example.org/page", 16));
	assert_false(typo_url_like("Sainte-Élisabeth", strlen("Sainte-Élisabeth")));
	assert_false(typo_url_like("12.5", 4));
	assert_false(typo_url_like("fin.", 4));
	assert_false(typo_url_like("et/ou", 5));
	assert_false(typo_url_like("a@b", 3));
}

/* Width of a string: one unit per byte. */
static double
S_bytes(const char *s, size_t len, void *arg)
{
	(void)s;
	(void)arg;
	return (double)len;
}

static void
test_ellipsis(void **state)
{
	char	*t;

	(void)state;
	/* Fits: unchanged. */
	t = typo_ellipsis("Court", 5, S_bytes, NULL);
	assert_string_equal(t, "Court");
	free(t);
	/* At a word boundary, "…" (3 bytes) included in the width. */
	t = typo_ellipsis("Un titre assez long", 12, S_bytes, NULL);
	assert_string_equal(t, "Un titre…");
	free(t);
	/* No space or comma before the ellipsis. */
	t = typo_ellipsis("Un, deux, trois", 12, S_bytes, NULL);
	assert_string_equal(t, "Un, deux…");
	free(t);
	/* One long word: whole characters. */
	t = typo_ellipsis("abcdéfghij", 8, S_bytes, NULL);
	assert_string_equal(t, "abcd…");
	free(t);
	t = typo_ellipsis("abcdéfghij", 9, S_bytes, NULL);
	assert_string_equal(t, "abcdé…");
	free(t);
	/* Nothing fits: the ellipsis alone. */
	t = typo_ellipsis("abc", 1, S_bytes, NULL);
	assert_string_equal(t, "…");
	free(t);
}

const char *
__lsan_default_suppressions(void)
{

	return "leak:libhyphen.so\n";
}

static int
setup(void **state)
{

	(void)state;
	if (access(HYPH_FR, R_OK) == 0 &&
	    (hyph = typo_hyph_open(HYPH_FR)) == NULL)
		return -1;
	return 0;
}

static int
teardown(void **state)
{

	(void)state;
	typo_hyph_close(hyph);
	return 0;
}

static const struct CMUnitTest fixed[] = {
	cmocka_unit_test(test_fr_prefixes),
	cmocka_unit_test(test_fr_random),
	cmocka_unit_test(test_fr_pathological),
	cmocka_unit_test(test_hyph_offsets),
	cmocka_unit_test(test_hyph_ex),
	cmocka_unit_test(test_hyph_open),
	cmocka_unit_test(test_break_empty),
	cmocka_unit_test(test_break_one_word),
	cmocka_unit_test(test_break_kp_vs_greedy),
	cmocka_unit_test(test_break_forced),
	cmocka_unit_test(test_break_overlong),
	cmocka_unit_test(test_break_overfull_word),
	cmocka_unit_test(test_break_rigid),
	cmocka_unit_test(test_break_hyphen),
	cmocka_unit_test(test_break_double_hyphen),
	cmocka_unit_test(test_break_final_hyphen),
	cmocka_unit_test(test_break_garbage),
	cmocka_unit_test(test_break_long),
	cmocka_unit_test(test_break_pathological),
	cmocka_unit_test(test_url_breaks),
	cmocka_unit_test(test_hyphen_breaks),
	cmocka_unit_test(test_any_breaks),
	cmocka_unit_test(test_url_like),
	cmocka_unit_test(test_ellipsis),
};

/* One test per table row, named after the row. */
static void
add(struct CMUnitTest *t, size_t *n, char **names, const char *kind,
    size_t i, const char *what, CMUnitTestFunction fn, const void *row)
{
	struct buf	 b;
	size_t		 k;

	/* TAP-safe: one line, no "#" (directives), whole characters. */
	buf_init(&b);
	buf_printf(&b, "%s %zu: ", kind, i + 1);
	for (k = 0; what[k] != '\0' && (k < 40 ||
	    ((unsigned char)what[k] & 0xC0) == 0x80); k++)
		buf_putc(&b, (unsigned char)what[k] < 0x20 ||
		    what[k] == '#' || what[k] == 0x7f ? '.' : what[k]);
	names[*n] = buf_detach(&b);
	memset(&t[*n], 0, sizeof(t[*n]));
	t[*n].name = names[*n];
	t[*n].test_func = fn;
	t[*n].initial_state = (void *)(uintptr_t)row;
	(*n)++;
}

int
main(void)
{
	struct CMUnitTest	*t;
	char			**names;
	size_t			 i, n = 0, max;
	int			 rc;

	max = NELEM(fixed) + NELEM(fr_cases) + NELEM(hy_cases) +
	    NELEM(can_cases);
	t = xcalloc(max, sizeof(*t));
	names = xcalloc(max, sizeof(*names));
	for (i = 0; i < NELEM(fr_cases); i++)
		add(t, &n, names, "typo_fr", i, fr_cases[i].in, test_fr,
		    &fr_cases[i]);
	for (i = 0; i < NELEM(hy_cases); i++)
		add(t, &n, names, "hyphenate", i, hy_cases[i].word, test_hyph,
		    &hy_cases[i]);
	for (i = 0; i < NELEM(can_cases); i++)
		add(t, &n, names, "can_hyphenate", i, can_cases[i].word,
		    test_can, &can_cases[i]);
	for (i = 0; i < NELEM(fixed); i++)
		t[n++] = fixed[i];
	rc = _cmocka_run_group_tests("typo", t, n, setup, teardown);
	for (i = 0; i < max; i++)
		free(names[i]);
	free(names);
	free(t);
	return rc;
}
