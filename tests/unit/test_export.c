/*
 * test_export.c — vCard, CSV and JSON exports (src/export.c).
 *
 * The site is built by hand (no loader): two categories, three
 * thématiques, two partners, one of them full of characters that need
 * escaping and of private data that must never leave the model.
 * python3, when present, checks that its json and csv modules read the
 * output back; without it those tests are skipped.
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

#include "export.h"
#include "export_jsonld.h"
#include "model.h"
#include "util.h"

/* Private data of the fixture: must appear in no export. */
#define	SECRET_NAME	"Agathe Secrète"
#define	SECRET_MAIL	"agathe.secrete@example.org"
#define	SECRET_PHONE	"01 99 00 99 99"
#define	SECRET_NOTE	"NOTE-SUIVI-PRIVEE"

/* A résumé long enough to be folded, with 2-byte and 3-byte sequences. */
#define	LONG_RESUME \
	"Accueil, écoute; orientation \\ accompagnement des familles " \
	"— démarches, droits et logement — à Versailles “Chantiers”.\n" \
	"Deuxième ligne : éééééééééééééééééééééééééééééééééééé€€€€€€€€€€€€€."

static struct category cats[2] = {
	{ .key = "institutionnels", .label = "Institutionnels",
	  .color = "#1f5fa8", .rgb = 0x1f5fa8 },
	{ .key = "associatifs", .label = "Associatifs, cultuels",
	  .color = "#1b7a4a", .rgb = 0x1b7a4a },
};
static struct thematique thems[3] = {
	{ .key = "logement", .label = "Logement", .icon = "home" },
	{ .key = "sante", .label = "Santé", .icon = "medkit" },
	{ .key = "budget", .label = "Budget; dettes", .icon = NULL },
};
static struct thematique *p0_thems[] = { &thems[0], &thems[2] };
static struct thematique *p1_thems[] = { &thems[1] };
static struct text p0_missions[] = {
	{ .s = "Écouter" }, { .s = "Orienter \"vite\"" },
};
static struct text p1_missions[] = { { .s = "Soigner" } };
static struct action p0_actions[] = {
	{ .titre = { .s = "Permanence" } },
	{ .titre = { .s = "Aide, <vacances>" },
	  .description = { .s = "Ligne 1\nLigne 2\t\x01" } },
};
static struct text p0_langues[] = { { .s = "fr" }, { .s = "ar" }, { .s = "lsf" } };
static struct timerange p0_lundi[] = { { 540, 720 }, { 840, 1050 } };
static struct timerange p0_samedi[] = { { 570, 600 } };
static struct contact p0_contacts[] = { {
	.nom = { .s = SECRET_NAME },
	.fonction = { .s = "Conseillère" },
	.telephone = { .raw = { .s = SECRET_PHONE },
	    .display = SECRET_PHONE, .uri = "tel:+33199009999" },
	.courriel = { .s = SECRET_MAIL },
} };

static struct partner partners[2];
static struct partner *p0_liens[] = { &partners[1] };
static struct site site;

static void
fixture(const char *url)
{
	struct partner	*p = &partners[0], *q = &partners[1];

	memset(partners, 0, sizeof(partners));
	memset(&site, 0, sizeof(site));

	p->slug = "caf";
	p->path = "content/partenaires/caf.md";
	p->nom.s = "Caisse d'allocations familiales, des Yvelines";
	p->sigle.s = "Caf";
	p->category = &cats[0];
	p->thematiques = p0_thems;
	p->nthematiques = 2;
	p->resume.s = LONG_RESUME;
	p->missions.v = p0_missions;
	p->missions.n = 2;
	p->actions = p0_actions;
	p->nactions = 2;
	p->public_.s = "Familles";
	p->modalites = MOD_SUR_RDV | MOD_SANS_RDV;
	p->cout = COUT_GRATUIT;
	p->acces_precisions.s = "=HYPERLINK(\"http://evil\")";
	p->langues.v = p0_langues;
	p->langues.n = 3;
	p->accessibilite = ACCESS_PARTIEL;
	p->accessibilite_precisions.s = "Rampe";
	p->adresse.rue.s = "1 rue Exemple, bis";
	p->adresse.complement.s = "Bâtiment B; 2e étage";
	p->adresse.code_postal.s = "78000";
	p->adresse.ville.s = "Versailles";
	p->transports.s = "Bus 1";
	p->horaires.present = 1;
	p->horaires.days[0].v = p0_lundi;
	p->horaires.days[0].n = 2;
	p->horaires.days[5].v = p0_samedi;
	p->horaires.days[5].n = 1;
	p->horaires.precisions.s = "Fermé en août";
	p->telephone.raw.s = "01.99.00.12.34";
	p->telephone.display = "01 99 00 12 34";
	p->telephone.uri = "tel:+33199001234";
	p->courriel.s = "accueil@example.org";
	p->site.s = "https://example.org/caf?a=1,b=2;c";
	p->contacts = p0_contacts;
	p->ncontacts = 1;
	p->liens = p0_liens;
	p->nliens = 1;
	p->mise_a_jour = (struct date){ 2018, 3, 15 };
	p->suivi = SUIVI_RELANCER;
	p->note_suivi.s = SECRET_NOTE;
	p->body = "Présentation *Markdown* </script><!-- \xe2\x80\xa8 fin";

	q->slug = "centre-sante";
	q->path = "content/partenaires/centre-sante.md";
	q->nom.s = "-Centre de santé";	/* starts like a formula */
	q->category = &cats[1];
	q->thematiques = p1_thems;
	q->nthematiques = 1;
	q->resume.s = "Soins.";
	q->missions.v = p1_missions;
	q->missions.n = 1;
	q->adresse.rue.s = "2 place Test";
	q->adresse.code_postal.s = "78000";
	q->adresse.ville.s = "Versailles";
	q->telephone.raw.s = "+32 2 123 45 67";
	q->telephone.display = "+32 2 123 45 67";
	q->telephone.uri = "tel:+3221234567";
	q->mise_a_jour = (struct date){ 2017, 12, 1 };

	site.content_dir = "content";
	site.path = "content/site.yaml";
	site.titre.s = "Outil Partenaires";
	site.edition = 2018;
	site.url.s = (char *)url;
	site.categories = cats;
	site.ncategories = 2;
	site.thematiques = thems;
	site.nthematiques = 3;
	site.partners = partners;
	site.npartners = 2;
}

static int
setup(void **state)
{
	(void)state;
	fixture("https://example.org/outil-partenaires/");
	return 0;
}

/* Private fields never leave the model. */
static void
assert_no_secrets(const char *out)
{
	assert_null(strstr(out, SECRET_NAME));
	assert_null(strstr(out, SECRET_MAIL));
	assert_null(strstr(out, SECRET_PHONE));
	assert_null(strstr(out, "+33199009999"));
	assert_null(strstr(out, SECRET_NOTE));
	assert_null(strstr(out, "Conseillère"));
	assert_null(strstr(out, "relancer"));
	assert_null(strstr(out, "suivi"));
}

/*
 * Unfold a vCard (RFC 6350 3.2) after checking its physical lines:
 * each ends with CRLF, holds no other CR or LF, is at most 75 octets
 * and valid UTF-8 on its own.  Returns the logical lines, LF-separated.
 */
static char *
unfold(const char *v)
{
	struct buf	 b;
	const char	*s = v, *e;
	unsigned int	 cp;
	size_t		 n, k;

	buf_init(&b);
	while (*s != '\0') {
		e = strstr(s, "\r\n");
		assert_non_null(e);
		n = (size_t)(e - s);
		if (n > 75)
			fail_msg("line of %zu octets: %.*s", n, (int)n, s);
		assert_null(memchr(s, '\n', n));
		assert_null(memchr(s, '\r', n));
		for (k = 0; k < n; ) {
			size_t d = utf8_decode(s + k, n - k, &cp);
			if (d == 0)
				fail_msg("UTF-8 sequence split in: %.*s",
				    (int)n, s);
			k += d;
		}
		if (*s == ' ') {
			assert_true(b.len > 0);
			b.len--;		/* drop the previous LF */
			buf_put(&b, s + 1, n - 1);
		} else
			buf_put(&b, s, n);
		buf_putc(&b, '\n');
		s = e + 2;
	}
	return buf_detach(&b);
}

static void
test_vcard_lines(void **state)
{
	struct buf	 b;
	char		*u;

	(void)state;
	buf_init(&b);
	export_vcard(&site, &partners[0], &b);
	u = unfold(b.data);
	assert_string_equal(u,
	    "BEGIN:VCARD\n"
	    "VERSION:4.0\n"
	    "KIND:org\n"
	    "FN:Caisse d'allocations familiales\\, des Yvelines\n"
	    "ORG:Caisse d'allocations familiales\\, des Yvelines\n"
	    "NICKNAME:Caf\n"
	    "TEL;VALUE=uri;TYPE=work,voice:tel:+33199001234\n"
	    "EMAIL;TYPE=work:accueil@example.org\n"
	    "URL:https://example.org/caf?a=1,b=2;c\n"
	    "ADR;TYPE=work:;Bâtiment B\\; 2e étage;1 rue Exemple\\, bis;"
	    "Versailles;;78000;France\n"
	    "NOTE:Accueil\\, écoute\\; orientation \\\\ accompagnement des "
	    "familles — démarches\\, droits et logement — à Versailles "
	    "“Chantiers”.\\nDeuxième ligne : éééééééééééééééééééééééééééé"
	    "éééééééé€€€€€€€€€€€€€.\n"
	    "CATEGORIES:Logement,Budget\\; dettes\n"
	    "REV:20180315T000000Z\n"
	    "SOURCE:https://example.org/outil-partenaires/partenaires/caf.vcf\n"
	    /* python3: uuid.uuid5(uuid.NAMESPACE_URL,
	     *   "https://example.org/outil-partenaires/caf") */
	    "UID:urn:uuid:ccee111c-0b05-56c2-892d-1ff656a266f5\n"
	    "END:VCARD\n");
	free(u);
	/* The long NOTE was folded, with a space at each continuation. */
	assert_non_null(strstr(b.data, "\r\n "));
	assert_no_secrets(b.data);
	buf_free(&b);
}

static void
test_vcard_fold_utf8(void **state)
{
	struct buf	 b;
	char		*u, *want;
	size_t		 len;

	(void)state;
	/* Every split position against multi-byte characters. */
	for (len = 60; len < 240; len++) {
		struct buf r;
		size_t i;

		buf_init(&r);
		for (i = 0; r.len < len; i++)
			buf_puts(&r, i % 3 == 0 ? "é" : i % 3 == 1 ? "€" :
			    "\xf0\x9f\x98\x80");
		partners[1].resume.s = r.data;
		buf_init(&b);
		export_vcard(&site, &partners[1], &b);
		u = unfold(b.data);
		want = xasprintf("\nNOTE:%s\n", r.data);
		assert_non_null(strstr(u, want));
		free(want);
		free(u);
		buf_free(&b);
		buf_free(&r);
	}
	fixture("https://example.org/outil-partenaires/");
}

static void
test_vcard_minimal(void **state)
{
	struct buf	 b;
	char		*u;

	(void)state;
	fixture(NULL);
	buf_init(&b);
	export_vcard(&site, &partners[1], &b);
	u = unfold(b.data);
	assert_string_equal(u,
	    "BEGIN:VCARD\n"
	    "VERSION:4.0\n"
	    "KIND:org\n"
	    "FN:-Centre de santé\n"
	    "ORG:-Centre de santé\n"
	    "TEL;VALUE=uri;TYPE=work,voice:tel:+3221234567\n"
	    "ADR;TYPE=work:;;2 place Test;Versailles;;78000;France\n"
	    "NOTE:Soins.\n"
	    "CATEGORIES:Santé\n"
	    "REV:20171201T000000Z\n"
	    /* uuid.uuid5(uuid.NAMESPACE_URL, "urn:annuaire:centre-sante") */
	    "UID:urn:uuid:ce1a0d94-d23d-517f-a0d7-fd2aaf114310\n"
	    "END:VCARD\n");
	free(u);
	buf_free(&b);
	fixture("https://example.org/outil-partenaires/");
}

static void
test_vcards_all(void **state)
{
	struct buf	 b;
	const char	*s;
	int		 n = 0;

	(void)state;
	buf_init(&b);
	export_vcards_all(&site, &b);
	for (s = b.data; (s = strstr(s, "BEGIN:VCARD\r\n")) != NULL; s++)
		n++;
	assert_int_equal(n, 2);
	assert_true(b.len > 13);
	assert_memory_equal(b.data + b.len - 11, "END:VCARD\r\n", 11);
	assert_no_secrets(b.data);
	buf_free(&b);
}

static void
test_uuid5(void **state)
{
	/* RFC 4122 appendix C: the DNS namespace. */
	static const unsigned char dns[16] = {
		0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
		0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8
	};
	char	 u[37];
	struct buf b;

	(void)state;
	/* Python's documentation: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') */
	export_uuid5(dns, "python.org", u);
	assert_string_equal(u, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
	/* A name longer than a SHA-1 block. */
	buf_init(&b);
	while (b.len < 200)
		buf_puts(&b, "abcdefghij");
	export_uuid5(dns, b.data, u);
	/* uuid.uuid5(uuid.NAMESPACE_DNS, 'abcdefghij' * 20) */
	assert_string_equal(u, "bb9c1ac3-ab1f-5172-84a3-1a5e62fffe6d");
	buf_free(&b);
}

/* ---- CSV -------------------------------------------------------------- */

/*
 * A strict RFC 4180 reader: returns the number of records, checks
 * that each has nfields fields, stores record r field f in *cell.
 */
static size_t
csv_read(const char *s, int sep, size_t nfields, size_t r, size_t f,
    char **cell)
{
	struct buf	 fld;
	size_t		 rec = 0, nf = 0;
	int		 quoted;

	buf_init(&fld);
	*cell = NULL;
	while (*s != '\0') {
		buf_reset(&fld);
		quoted = *s == '"';
		if (quoted) {
			for (s++; ; s++) {
				assert_true(*s != '\0');
				if (*s == '"' && s[1] == '"')
					buf_putc(&fld, *s++);
				else if (*s == '"')
					break;
				else
					buf_putc(&fld, *s);
			}
			s++;
		} else
			while (*s != sep && *s != '\r' && *s != '\0') {
				assert_true(*s != '"' && *s != '\n');
				buf_putc(&fld, *s++);
			}
		if (rec == r && nf == f)
			*cell = xstrdup(buf_cstr(&fld));
		nf++;
		if (*s == sep) {
			s++;
			continue;
		}
		assert_true(s[0] == '\r' && s[1] == '\n');
		s += 2;
		assert_int_equal(nf, nfields);
		nf = 0;
		rec++;
	}
	buf_free(&fld);
	return rec;
}

static void
test_csv(void **state)
{
	struct buf	 b;
	char		*c;
	const char	*body;

	(void)state;
	buf_init(&b);
	export_csv(&site, &b);
	assert_memory_equal(b.data, "\xEF\xBB\xBF", 3);
	body = b.data + 3;
	assert_memory_equal(body, "slug,nom,sigle,categorie,thematiques,resume,"
	    "telephone,courriel,site,rue,complement,code_postal,ville,"
	    "modalites,cout,langues,mise_a_jour\r\n", 136);
	assert_int_equal(csv_read(body, ',', 17, 0, 0, &c), 3);
	free(c);
	/* Row 1 is the caf: a comma, quotes and a line break. */
	csv_read(body, ',', 17, 1, 1, &c);
	assert_string_equal(c, "Caisse d'allocations familiales, des Yvelines");
	free(c);
	assert_non_null(strstr(body, ",\"Caisse d'allocations familiales, "
	    "des Yvelines\","));
	csv_read(body, ',', 17, 1, 5, &c);
	assert_string_equal(c, LONG_RESUME);
	free(c);
	csv_read(body, ',', 17, 1, 3, &c);
	assert_string_equal(c, "Institutionnels");
	free(c);
	csv_read(body, ',', 17, 1, 4, &c);
	assert_string_equal(c, "Logement; Budget; dettes");
	free(c);
	csv_read(body, ',', 17, 1, 13, &c);
	assert_string_equal(c, "Sans rendez-vous; Sur rendez-vous");
	free(c);
	csv_read(body, ',', 17, 1, 14, &c);
	assert_string_equal(c, "Gratuit");
	free(c);
	csv_read(body, ',', 17, 1, 15, &c);
	assert_string_equal(c, "français; arabe; langue des signes française");
	free(c);
	csv_read(body, ',', 17, 1, 16, &c);
	assert_string_equal(c, "2018-03-15");
	free(c);
	/* Row 2: formula guards on the name and a foreign number. */
	csv_read(body, ',', 17, 2, 1, &c);
	assert_string_equal(c, "'-Centre de santé");
	free(c);
	csv_read(body, ',', 17, 2, 6, &c);
	assert_string_equal(c, "'+32 2 123 45 67");
	free(c);
	csv_read(body, ',', 17, 2, 2, &c);
	assert_string_equal(c, "");
	free(c);
	assert_no_secrets(b.data);
	buf_free(&b);
}

static void
test_csv_guard(void **state)
{
	static const char *const bad[] = {
		"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "=HYPERLINK(\"x\")",
	};
	struct buf	 b;
	char		*c;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		partners[0].sigle.s = (char *)bad[i];
		buf_init(&b);
		export_csv(&site, &b);
		csv_read(b.data + 3, ',', 17, 1, 2, &c);
		assert_int_equal(c[0], '\'');
		assert_string_equal(c + 1, bad[i]);
		free(c);
		buf_free(&b);
	}
	/* Not at the start: left alone, unquoted. */
	partners[0].sigle.s = "A=B";
	buf_init(&b);
	export_csv(&site, &b);
	assert_non_null(strstr(b.data, ",A=B,"));
	buf_free(&b);
	fixture("https://example.org/outil-partenaires/");
}

static void
test_csv_semicolon(void **state)
{
	struct buf	 b;
	char		*c;

	(void)state;
	buf_init(&b);
	export_csv_sep(&site, ';', &b);
	assert_int_equal(csv_read(b.data + 3, ';', 17, 1, 4, &c), 3);
	assert_string_equal(c, "Logement; Budget; dettes");
	free(c);
	/* A comma quoted too: LibreOffice's import dialog splits on
	 * commas as well as semicolons by default. */
	assert_non_null(strstr(b.data, ";\"Caisse d'allocations familiales, "
	    "des Yvelines\";"));
	buf_free(&b);
}

/* ---- JSON ------------------------------------------------------------- */

static void
test_json_str(void **state)
{
	static const struct {
		const char *in, *out;
	} t[] = {
		{ "", "\"\"" },
		{ "abc", "\"abc\"" },
		{ "a\"b\\c/d", "\"a\\\"b\\\\c/d\"" },
		{ "\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"" },
		{ "\x01\x1f\x7f", "\"\\u0001\\u001f\x7f\"" },
		{ "</script><!--&", "\"\\u003c/script\\u003e\\u003c!--\\u0026\"" },
		{ "é€😀", "\"é€😀\"" },
		{ "a\xe2\x80\xa8" "b\xe2\x80\xa9", "\"a\\u2028b\\u2029\"" },
		{ "x\xff" "y\xc3", "\"x\xef\xbf\xbdy\xef\xbf\xbd\"" },
		{ "\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" },
	};
	struct buf	 b;
	size_t		 i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		buf_reset(&b);
		export_json_str(&b, t[i].in);
		assert_string_equal(buf_cstr(&b), t[i].out);
	}
	buf_reset(&b);
	export_json_str(&b, NULL);
	assert_string_equal(buf_cstr(&b), "null");
	buf_free(&b);
}

static void
test_json_shape(void **state)
{
	struct buf	 a, b;

	(void)state;
	buf_init(&a);
	buf_init(&b);
	export_json(&site, &a);
	export_json(&site, &b);
	assert_string_equal(a.data, b.data);	/* deterministic */
	assert_no_secrets(a.data);
	assert_null(strstr(a.data, "</"));
	assert_null(strchr(a.data, '<'));
	assert_null(strstr(a.data, "\xe2\x80\xa8"));
	assert_memory_equal(a.data, "{\n  \"edition\": 2018,\n  \"titre\": "
	    "\"Outil Partenaires\",\n", 47);
	assert_non_null(strstr(a.data, "\"lundi\": [[\"09:00\", \"12:00\"], "
	    "[\"14:00\", \"17:30\"]],\n"));
	assert_non_null(strstr(a.data, "\"thematiques\": [\"logement\", "
	    "\"budget\"],\n"));
	assert_non_null(strstr(a.data, "\"horaires\": null,"));
	assert_non_null(strstr(a.data, "\"actions\": [],"));
	/* No floating point anywhere: the only numbers are integers. */
	assert_null(strstr(a.data, "e+"));
	buf_free(&a);
	buf_free(&b);
}

/*
 * An unset mise_a_jour (year 0): no REV in the vCard, an empty CSV
 * field and null in JSON, as export.h promises for absent values.
 */
static void
test_no_date(void **state)
{
	struct buf	 b;

	(void)state;
	partners[1].mise_a_jour = (struct date){ 0, 0, 0 };
	buf_init(&b);
	export_vcard(&site, &partners[1], &b);
	assert_null(strstr(b.data, "REV:"));
	buf_reset(&b);
	export_csv(&site, &b);
	/* Its row is the last: the date, the last field, is empty. */
	assert_true(b.len > 3);
	assert_memory_equal(b.data + b.len - 3, ",\r\n", 3);
	assert_null(strstr(b.data, "0000-00-00"));
	buf_reset(&b);
	export_json(&site, &b);
	assert_non_null(strstr(b.data, "\"mise_a_jour\": null,"));
	assert_non_null(strstr(b.data, "\"mise_a_jour\": \"2018-03-15\","));
	buf_free(&b);
}

/* ---- JSON-LD ---------------------------------------------------------- */

/*
 * Hours at their edges in schema.org's OpeningHoursSpecification: a day
 * ending at 24:00 closes at "23:59" (schema.org has no 24:00), one ending
 * at 23:30 keeps "23:30"; two days merge into one dayOfWeek list only
 * when their ranges are the same, ends included; the e-mail is there.
 */
static void
test_jsonld_hours(void **state)
{
	static struct timerange mardi[] = { { 600, 24 * 60 } };
	static struct timerange mercredi[] = { { 600, 23 * 60 + 30 } };
	static struct timerange jeudi[] = { { 600, 23 * 60 + 30 } };
	static struct timerange vendredi[] = { { 600, 23 * 60 + 59 } };
	struct partner	*p = &partners[0];
	struct buf	 b;

	(void)state;
	memset(&p->horaires, 0, sizeof(p->horaires));
	p->horaires.present = 1;
	p->horaires.days[1].v = mardi;
	p->horaires.days[1].n = 1;
	p->horaires.days[2].v = mercredi;
	p->horaires.days[2].n = 1;
	p->horaires.days[3].v = jeudi;
	p->horaires.days[3].n = 1;
	p->horaires.days[4].v = vendredi;
	p->horaires.days[4].n = 1;
	buf_init(&b);
	export_jsonld_partner(&site, p, &b);
	assert_non_null(strstr(b.data, "\"dayOfWeek\":[\"https://schema.org/"
	    "Tuesday\"],\"opens\":\"10:00\",\"closes\":\"23:59\"}"));
	assert_non_null(strstr(b.data, "\"dayOfWeek\":[\"https://schema.org/"
	    "Wednesday\",\"https://schema.org/Thursday\"],\"opens\":"
	    "\"10:00\",\"closes\":\"23:30\"}"));
	assert_non_null(strstr(b.data, "\"dayOfWeek\":[\"https://schema.org/"
	    "Friday\"],\"opens\":\"10:00\",\"closes\":\"23:59\"}"));
	assert_null(strstr(b.data, "24:00"));
	assert_non_null(strstr(b.data, "\"email\":\"accueil@example.org\""));
	buf_free(&b);
	fixture("https://example.org/outil-partenaires/");
}

/* Write b to a temporary file and run a python3 check on it. */
static int
python_check(const struct buf *b, const char *prog)
{
	const char *dir = getenv("T_TMP");
	char	*path, *cmd;
	int	 fd, rc;

	if (system("command -v python3 >/dev/null 2>&1") != 0)
		return -1;
	path = xasprintf("%s/export.XXXXXX", dir != NULL && *dir != '\0' ?
	    dir : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_true(file_write(path, b->data, b->len));
	cmd = xasprintf("python3 -c '%s' '%s'", prog, path);
	rc = system(cmd);
	free(cmd);
	unlink(path);
	free(path);
	return rc == 0;
}

static void
test_json_python(void **state)
{
	struct buf	 b;
	int		 rc;

	(void)state;
	buf_init(&b);
	export_json(&site, &b);
	rc = python_check(&b,
	    "import json, sys\n"
	    "d = json.load(open(sys.argv[1], encoding=\"utf-8\"))\n"
	    "assert list(d) == [\"edition\", \"titre\", \"sous_titre\", \"url\","
	    " \"categories\", \"thematiques\", \"partenaires\"], list(d)\n"
	    "assert d[\"edition\"] == 2018 and d[\"sous_titre\"] is None\n"
	    "assert d[\"thematiques\"][2] == {\"cle\": \"budget\","
	    " \"libelle\": \"Budget; dettes\", \"picto\": None}\n"
	    "p, q = d[\"partenaires\"]\n"
	    "r = p[\"resume\"]\n"
	    "assert r.startswith(\"Accueil, écoute; orientation \\\\ \")\n"
	    "assert r.count(\"\\n\") == 1 and r.endswith(\"€.\")\n"
	    "assert p[\"horaires\"][\"samedi\"] == [[\"09:30\", \"10:00\"]]\n"
	    "assert p[\"horaires\"][\"mardi\"] == []\n"
	    "assert p[\"acces\"] == {\"modalites\": [\"sans-rendez-vous\","
	    " \"sur-rendez-vous\"], \"cout\": \"gratuit\","
	    " \"precisions\": \"=HYPERLINK(\\\"http://evil\\\")\"}\n"
	    "assert p[\"actions\"][1] == {\"titre\": \"Aide, <vacances>\","
	    " \"description\": \"Ligne 1\\nLigne 2\\t\\x01\"}\n"
	    "assert p[\"telephone\"] == {\"affichage\": \"01 99 00 12 34\","
	    " \"uri\": \"tel:+33199001234\"}\n"
	    "assert p[\"liens\"] == [\"centre-sante\"]\n"
	    "assert p[\"langues\"] == [\"fr\", \"ar\", \"lsf\"]\n"
	    "assert p[\"accessibilite\"] == {\"niveau\": \"partiel\","
	    " \"precisions\": \"Rampe\"}\n"
	    "assert p[\"mise_a_jour\"] == \"2018-03-15\"\n"
	    "assert \"</script>\" in p[\"presentation\"]\n"
	    "assert \"contacts\" not in p and \"suivi\" not in p\n"
	    "assert q[\"horaires\"] is None and q[\"sigle\"] is None\n"
	    "assert q[\"acces\"] == {\"modalites\": [], \"cout\": None,"
	    " \"precisions\": None}\n");
	buf_free(&b);
	if (rc < 0) {
		skip();
		return;
	}
	assert_int_equal(rc, 1);
}

static void
test_csv_python(void **state)
{
	struct buf	 b;
	int		 rc;

	(void)state;
	buf_init(&b);
	export_csv(&site, &b);
	rc = python_check(&b,
	    "import csv, sys\n"
	    "rows = list(csv.reader(open(sys.argv[1], encoding=\"utf-8-sig\","
	    " newline=\"\")))\n"
	    "assert len(rows) == 3 and all(len(r) == 17 for r in rows)\n"
	    "assert rows[0][0] == \"slug\"\n"
	    "r = rows[1][5]\n"
	    "assert r.startswith(\"Accueil, écoute; orientation \\\\ \")\n"
	    "assert r.count(\"\\n\") == 1 and r.endswith(\"€.\")\n"
	    "assert rows[1][10] == \"Bâtiment B; 2e étage\"\n");
	buf_free(&b);
	if (rc < 0) {
		skip();
		return;
	}
	assert_int_equal(rc, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_vcard_lines, setup),
		cmocka_unit_test_setup(test_vcard_fold_utf8, setup),
		cmocka_unit_test_setup(test_vcard_minimal, setup),
		cmocka_unit_test_setup(test_vcards_all, setup),
		cmocka_unit_test(test_uuid5),
		cmocka_unit_test_setup(test_csv, setup),
		cmocka_unit_test_setup(test_csv_guard, setup),
		cmocka_unit_test_setup(test_csv_semicolon, setup),
		cmocka_unit_test(test_json_str),
		cmocka_unit_test_setup(test_json_shape, setup),
		cmocka_unit_test_setup(test_no_date, setup),
		cmocka_unit_test_setup(test_jsonld_hours, setup),
		cmocka_unit_test_setup(test_json_python, setup),
		cmocka_unit_test_setup(test_csv_python, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
