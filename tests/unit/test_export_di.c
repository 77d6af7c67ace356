/*
 * test_export_di.c — the data·inclusion conversions and vocabularies
 * (src/export_di.c, src/export_di_vocab.c) and the schema.org JSON-LD
 * (src/export_jsonld.c) on hand-made models.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export_di.h"
#include "export_jsonld.h"
#include "model.h"
#include "util.h"

/* Set day d of h to the n ranges r (minutes), static storage. */
static void
S_day(struct horaires *h, int d, struct timerange *r, size_t n)
{
	h->present = 1;
	h->days[d].v = r;
	h->days[d].n = n;
}

static void
S_hours_eq(const struct horaires *h, const char *want)
{
	char	*got = export_di_opening_hours(h);

	if (want == NULL)
		assert_null(got);
	else
		assert_string_equal(got, want);
	free(got);
}

static void
test_opening_hours(void **state)
{
	struct timerange am_pm[] = { { 510, 720 }, { 780, 990 } };
	struct timerange am[] = { { 510, 720 } };
	struct timerange late[] = { { 1080, 1440 } };
	struct horaires	 h;
	int		 d;

	(void)state;
	memset(&h, 0, sizeof(h));
	S_hours_eq(&h, NULL);			/* not given */
	h.present = 1;
	S_hours_eq(&h, NULL);			/* given, no day open */

	/* The example. */
	for (d = 0; d < 4; d++)
		S_day(&h, d, am_pm, 2);
	S_day(&h, 4, am, 1);
	S_hours_eq(&h, "Mo-Th 08:30-12:00,13:00-16:30; Fr 08:30-12:00");

	/* Two days are a list, not a range; same ranges apart are grouped. */
	memset(&h, 0, sizeof(h));
	S_day(&h, 0, am, 1);
	S_day(&h, 1, am, 1);
	S_day(&h, 2, am_pm, 2);
	S_day(&h, 3, am, 1);
	S_day(&h, 4, am, 1);
	S_day(&h, 5, am, 1);
	S_hours_eq(&h, "Mo,Tu,Th-Sa 08:30-12:00; We 08:30-12:00,13:00-16:30");

	/* Single days apart, Sunday, and 24:00. */
	memset(&h, 0, sizeof(h));
	S_day(&h, 0, late, 1);
	S_day(&h, 2, late, 1);
	S_day(&h, 6, am, 1);
	S_hours_eq(&h, "Mo,We 18:00-24:00; Su 08:30-12:00");

	/* Every day alike. */
	memset(&h, 0, sizeof(h));
	for (d = 0; d < 7; d++)
		S_day(&h, d, am, 1);
	S_hours_eq(&h, "Mo-Su 08:30-12:00");
}

static void
test_phone(void **state)
{
	struct phone	 ph;
	char		*s;

	(void)state;
	memset(&ph, 0, sizeof(ph));
	assert_null(export_di_phone(&ph));
	ph.raw.s = "01 99 00 12 34";
	ph.uri = "tel:+33199001234";
	s = export_di_phone(&ph);
	assert_string_equal(s, "+33199001234");
	free(s);
	ph.raw.s = "115";
	ph.uri = "tel:115";
	s = export_di_phone(&ph);
	assert_string_equal(s, "115");
	free(s);
}

static void
test_vocab(void **state)
{
	const struct di_term *t;
	size_t		 n, i;
	int		 v;

	(void)state;
	/* The sizes of schema 1.0.8, sorted and unique. */
	static const size_t want[DI__NVOCAB] = { 69, 2, 4, 2, 2 };
	for (v = 0; v < DI__NVOCAB; v++) {
		t = export_di_vocab((enum di_vocab)v, &n);
		assert_int_equal(n, want[v]);
		for (i = 1; i < n; i++)
			assert_true(strcmp(t[i - 1].value, t[i].value) != 0);
		assert_true(export_di_vocab_file((enum di_vocab)v)[0] != '\0');
	}
	assert_non_null(export_di_term(DI_THEMATIQUES,
	    "famille--soutien-a-la-parentalite-et-a-leducation"));
	assert_null(export_di_term(DI_THEMATIQUES, "famille"));
	assert_null(export_di_term(DI_FRAIS, "Gratuit"));
}

static void
S_suggest(enum di_vocab v, const char *typed, const char *want)
{
	const struct di_term *t = export_di_suggest(v, typed);

	if (want == NULL) {
		if (t != NULL)
			fail_msg("\"%s\" -> \"%s\", want none", typed, t->value);
		return;
	}
	if (t == NULL)
		fail_msg("\"%s\" -> none, want \"%s\"", typed, want);
	assert_string_equal(t->value, want);
}

static void
test_suggest(void **state)
{
	(void)state;
	/* A typo, even in keys longer than 64 bytes. */
	S_suggest(DI_THEMATIQUES, "logement-hebergement--louer-un-logemnt",
	    "logement-hebergement--louer-un-logement");
	S_suggest(DI_THEMATIQUES, "difficultes-administratives-ou-juridiques--"
	    "acompagnement-aux-demarches-administrative",
	    "difficultes-administratives-ou-juridiques--"
	    "accompagnement-aux-demarches-administratives");
	/* Without the category; written as words; misspelt category. */
	S_suggest(DI_THEMATIQUES, "garde-denfants", "famille--garde-denfants");
	S_suggest(DI_THEMATIQUES, "Famille--Garde d'enfants",
	    "famille--garde-denfants");
	S_suggest(DI_THEMATIQUES, "familles--garde-denfants",
	    "famille--garde-denfants");
	S_suggest(DI_THEMATIQUES, "sante--acces-aux-soin",
	    "sante--acces-aux-soins");
	/* Nothing close. */
	S_suggest(DI_THEMATIQUES, "sante--tout-a-fait-autre-chose", NULL);
	S_suggest(DI_THEMATIQUES, "zzz", NULL);
	/* "Within a third" at its edge: 3 letters of 7 off, not 4. */
	S_suggest(DI_FRAIS, "gzzzuit", "gratuit");
	S_suggest(DI_FRAIS, "gzzzzit", NULL);
	S_suggest(DI_MODES_ACCUEIL, "distance", "a-distance");
	S_suggest(DI_MODES_MOBILISATION, "se-presente", "se-presenter");
	S_suggest(DI_FRAIS, "gratuite", "gratuit");
	S_suggest(DI_FRAIS, "Payant", "payant");
	S_suggest(DI_PERSONNES_MOBILISATRICES, "usager", "usagers");
}

/* ---- records on a small site -------------------------------------------- */

#define	SECRET	"Agathe-Secrete-Contact"
#define	NOTE	"NOTE-SUIVI-PRIVEE"

static struct category cat = { .key = "assos", .label = "Associations",
    .color = "#1b7a4a", .rgb = 0x1b7a4a };
static struct thematique thems[2] = {
	{ .key = "logement", .label = "Logement" },
	{ .key = "budget", .label = "Budget" },
};
static struct thematique *p_thems[] = { &thems[0], &thems[1] };
static struct text map_log[] = {
	{ .s = "logement-hebergement--louer-un-logement" },
	{ .s = "famille--soutien-aidants" },
};
static struct text map_bud[] = {
	{ .s = "famille--soutien-aidants" },	/* twice through two themes */
	{ .s = "difficultes-financieres--ameliorer-sa-gestion-budgetaire" },
};
static struct texts map_thems[2] = { { map_log, 2 }, { map_bud, 2 } };
static struct text mob_sans[] = { { .s = "se-presenter" } };
static struct text mob_ligne[] = { { .s = "utiliser-lien-mobilisation" } };
static struct action acts[3] = {
	{ .titre = { .s = "Permanence" } },
	{ .titre = { .s = "Permanence" },
	  .description = { .s = "Le jeudi </script><!-- \xe2\x80\xa8 fin" } },
	{ .titre = { .s = "!!" } },
};
static struct timerange lundi[] = { { 540, 720 } };
static struct contact contacts[] = { {
	.nom = { .s = SECRET }, .courriel = { .s = SECRET "@example.org" },
} };
static struct partner partner;
static struct site site;

static int
setup(void **state)
{
	struct partner	*p = &partner;

	(void)state;
	memset(&site, 0, sizeof(site));
	memset(p, 0, sizeof(*p));
	site.titre.s = "Annuaire";
	site.url.s = "https://example.org/a/";
	site.edition = 2018;
	site.editeur.nom.s = "Maison </script> de quartier";
	site.categories = &cat;
	site.ncategories = 1;
	site.thematiques = thems;
	site.nthematiques = 2;
	site.partners = p;
	site.npartners = 1;
	site.data_inclusion.source.s = "mdq";
	site.data_inclusion.thematiques = map_thems;
	site.data_inclusion.mobilisation[0].v = mob_sans;	/* sans rdv */
	site.data_inclusion.mobilisation[0].n = 1;
	site.data_inclusion.mobilisation[4].v = mob_ligne;	/* en ligne */
	site.data_inclusion.mobilisation[4].n = 1;
	site.data_inclusion.frais[COUT_PARTICIPATION].s = "payant";

	p->slug = "asso";
	p->nom.s = "Asso \"</script><script>alert(1)</script>\"";
	p->category = &cat;
	p->thematiques = p_thems;
	p->nthematiques = 2;
	p->resume.s = "Aide";	/* shorter than the schema's 5 characters */
	p->actions = acts;
	p->nactions = 3;
	p->modalites = MOD_SANS_RDV | MOD_EN_LIGNE;	/* no site: no link */
	p->cout = COUT_PARTICIPATION;
	p->adresse.rue.s = "1 rue A";
	p->adresse.code_postal.s = "78000";
	p->adresse.ville.s = "Versailles";
	p->telephone.raw.s = "01 99 00 12 34";
	p->telephone.display = "01 99 00 12 34";
	p->telephone.uri = "tel:+33199001234";
	p->horaires.present = 1;
	p->horaires.days[0].v = lundi;
	p->horaires.days[0].n = 1;
	p->contacts = contacts;
	p->ncontacts = 1;
	p->suivi = SUIVI_RELANCER;
	p->note_suivi.s = NOTE;
	p->mise_a_jour.y = 2018;
	p->mise_a_jour.m = 3;
	p->mise_a_jour.d = 5;
	return 0;
}

static void
S_no_private(const char *s)
{
	assert_null(strstr(s, SECRET));
	assert_null(strstr(s, NOTE));
	assert_null(strstr(s, "relancer"));
}

static void
test_records(void **state)
{
	struct buf	 b;
	const char	*s;
	int		 i;

	(void)state;
	buf_init(&b);
	export_di_services_json(&site, &b);
	s = buf_cstr(&b);
	S_no_private(s);
	/* One service per action, ids unique though two titles are equal. */
	assert_non_null(strstr(s, "\"id\": \"mdq--asso--permanence\""));
	assert_non_null(strstr(s, "\"id\": \"mdq--asso--permanence-2\""));
	assert_non_null(strstr(s, "\"id\": \"mdq--asso--service-3\""));
	/* A name shorter than 3 characters gets its category. */
	assert_non_null(strstr(s, "\"nom\": \"!! (Associations)\""));
	/* Sub-themes of both thématiques, each once. */
	assert_non_null(strstr(s, "\"thematiques\": [\"logement-hebergement--"
	    "louer-un-logement\", \"famille--soutien-aidants\", "
	    "\"difficultes-financieres--ameliorer-sa-gestion-budgetaire\"]"));
	/* "utiliser-lien-mobilisation" dropped: the partner has no site. */
	assert_non_null(strstr(s, "\"modes_mobilisation\": [\"se-presenter\"]"));
	assert_non_null(strstr(s, "\"lien_mobilisation\": null"));
	assert_non_null(strstr(s, "\"frais\": \"payant\""));
	assert_non_null(strstr(s, "\"frais_precisions\": \"Participation"));
	assert_non_null(strstr(s, "\"telephone\": \"+33199001234\""));
	assert_non_null(strstr(s, "\"horaires_accueil\": \"Mo 09:00-12:00\""));
	assert_non_null(strstr(s, "\"date_maj\": \"2018-03-05\""));
	/* A short résumé gets the name before it. */
	assert_non_null(strstr(s, " : Aide\""));
	assert_null(strstr(s, "</script>"));

	/* With a site, the link is kept. */
	partner.site.s = "https://example.org/asso";
	buf_reset(&b);
	export_di_services_json(&site, &b);
	s = buf_cstr(&b);
	assert_non_null(strstr(s, "\"lien_mobilisation\": \"https://example.org/asso\""));
	assert_non_null(strstr(s, "[\"se-presenter\", \"utiliser-lien-mobilisation\"]"));

	buf_reset(&b);
	export_di_structures_json(&site, &b);
	s = buf_cstr(&b);
	S_no_private(s);
	assert_non_null(strstr(s, "\"id\": \"mdq--asso\""));
	assert_non_null(strstr(s, "\"description\": null"));	/* "Aide" */

	/* CSV: formula guard, E.164 kept, lists joined with "|". */
	site.data_inclusion.prefixe.s = "=cmd|";
	for (i = 0; i < 2; i++) {
		buf_reset(&b);
		(i ? export_di_services_csv : export_di_structures_csv)(&site, &b);
		s = buf_cstr(&b);
		S_no_private(s);
		assert_non_null(strstr(s, "\r\n\"'=cmd|asso"));
		assert_non_null(strstr(s, ",+33199001234,"));
	}
	assert_non_null(strstr(s, "louer-un-logement|famille--soutien-aidants|"));
	buf_free(&b);
}

static void
test_jsonld(void **state)
{
	struct buf	 b;
	const char	*s;

	(void)state;
	buf_init(&b);
	partner.courriel.s = "asso@example.org";
	partner.sigle.s = "A\xe2\x80\xa9";
	export_jsonld_partner(&site, &partner, &b);
	s = buf_cstr(&b);
	S_no_private(s);
	/* Nothing that could end the <script> or start a comment. */
	assert_null(strstr(s, "</"));
	assert_null(strstr(s, "<!--"));
	assert_null(strstr(s, "\xe2\x80\xa8"));
	assert_null(strstr(s, "\xe2\x80\xa9"));
	assert_non_null(strstr(s, "\\u003c/script\\u003e"));
	assert_non_null(strstr(s, "\"alternateName\":\"A\\u2029\""));
	assert_non_null(strstr(s, "\"@type\":\"Organization\""));
	assert_non_null(strstr(s, "\"telephone\":\"+33199001234\""));
	assert_non_null(strstr(s, "\"email\":\"asso@example.org\""));
	assert_non_null(strstr(s, "\"dayOfWeek\":[\"https://schema.org/Monday\"],"
	    "\"opens\":\"09:00\",\"closes\":\"12:00\""));
	buf_reset(&b);
	export_jsonld_site(&site, &b);
	s = buf_cstr(&b);
	assert_non_null(strstr(s, "\"publisher\":{\"@type\":\"Organization\","
	    "\"name\":\"Maison \\u003c/script\\u003e de quartier\""));
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_opening_hours),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_vocab),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test_setup(test_records, setup),
		cmocka_unit_test_setup(test_jsonld, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
