/*
 * test_model.c — labels, languages, sorting with link fix-up, lookups.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model.h"
#include "util.h"

#define	N(a)	(sizeof(a) / sizeof((a)[0]))

static void
test_langues(void **state)
{
	static const struct { const char *code, *label; } v[] = {
		{ "fr", "français" }, { "en", "anglais" }, { "ar", "arabe" },
		{ "lsf", "langue des signes française" }, { "es", "espagnol" },
		{ "pt", "portugais" }, { "ro", "roumain" }, { "tr", "turc" },
		{ "zh", "chinois" }, { "aa", "afar" }, { "zu", "zoulou" },
		{ "xx", NULL }, { "FR", NULL }, { "", NULL }, { "fra", NULL },
	};
	const char	*c, *prev = "";
	size_t		 i;

	(void)state;
	for (i = 0; i < N(v); i++) {
		c = model_langue_label(v[i].code);
		if (v[i].label == NULL)
			assert_null(c);
		else
			assert_string_equal(c, v[i].label);
	}
	assert_null(model_langue_label(NULL));
	/* The table is sorted (bsearch) and every code finds itself. */
	for (i = 0; (c = model_langue_code(i)) != NULL; i++) {
		assert_true(strcmp(prev, c) < 0);
		assert_non_null(model_langue_label(c));
		prev = c;
	}
	assert_int_equal(i, 184);	/* the 183 ISO 639-1 codes + lsf */
}

/* An organisation's name in a sentence: every article, every case. */
static void
test_org_phrase(void **state)
{
	static const struct {
		enum article	 a;
		const char	*nom, *want[4];
	} t[] = {
		{ ART_NONE, "Versailles Habitat", { "Versailles Habitat",
		    "Versailles Habitat", "à Versailles Habitat",
		    "de Versailles Habitat" } },
		{ ART_LE, "Centre social", { "le Centre social",
		    "Le Centre social", "au Centre social",
		    "du Centre social" } },
		{ ART_LA, "Maison", { "la Maison", "La Maison", "à la Maison",
		    "de la Maison" } },
		{ ART_L, "Association", { "l'Association", "L'Association",
		    "à l'Association", "de l'Association" } },
		{ ART_LES, "Restos", { "les Restos", "Les Restos",
		    "aux Restos", "des Restos" } },
	};
	struct organisation o;
	size_t		 i, k;
	char		*s;

	(void)state;
	for (i = 0; i < N(t); i++)
		for (k = ORG_NOM; k <= ORG_DE; k++) {
			memset(&o, 0, sizeof(o));
			o.nom.s = (char *)t[i].nom;
			o.article = t[i].a;
			s = model_org_phrase(&o, (enum org_case)k);
			assert_string_equal(s, t[i].want[k]);
			free(s);
		}
	memset(&o, 0, sizeof(o));
	assert_null(model_org_phrase(&o, ORG_A));
}

static void
test_labels(void **state)
{
	static const struct { int m; const char *key; } mods[] = {
		{ MOD_SANS_RDV, "sans-rendez-vous" },
		{ MOD_SUR_RDV, "sur-rendez-vous" },
		{ MOD_ORIENTATION, "sur-orientation" },
		{ MOD_TELEPHONE, "par-telephone" },
		{ MOD_EN_LIGNE, "en-ligne" },
		{ MOD_DOMICILE, "a-domicile" },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < N(mods); i++) {
		assert_string_equal(model_modalite_key(mods[i].m),
		    mods[i].key);
		assert_non_null(model_modalite_label(mods[i].m));
	}
	assert_null(model_modalite_key(MOD_SANS_RDV | MOD_SUR_RDV));
	assert_null(model_modalite_label(0));
	assert_string_equal(model_modalite_label(MOD_SUR_RDV),
	    "Sur rendez-vous");
	assert_string_equal(model_cout_label(COUT_GRATUIT), "Gratuit");
	assert_null(model_cout_label(COUT_NONE));
	assert_non_null(model_accessibilite_label(ACCESS_PARTIEL));
	assert_null(model_accessibilite_label(ACCESS_NONE));
	assert_string_equal(model_suivi_label(SUIVI_RELANCER), "À relancer");
	assert_null(model_suivi_label(SUIVI_NONE));
	assert_string_equal(model_day_label(0), "Lundi");
	assert_string_equal(model_day_label(6), "Dimanche");
	assert_null(model_day_label(7));
	assert_null(model_day_label(-1));
}

/* Every closed vocabulary's table: complete, in enum order, one word each. */
static void
S_walk(const struct vocab *v, size_t n, int first, int bits)
{
	size_t	 i, j;
	char	*a, *b;

	for (i = 0; i < n; i++) {
		assert_int_equal(v[i].value,
		    bits ? 1 << i : first + (int)i);
		assert_true(model_vocab(v, n, v[i].value) == &v[i]);
		assert_string_equal(model_vocab_word(v, n, v[i].value),
		    v[i].word);
		assert_non_null(v[i].word);
		assert_non_null(v[i].key);
		assert_non_null(v[i].label);
		assert_true(*v[i].word && *v[i].key && *v[i].label);
		/* The export key is the word, folded: "à domicile". */
		a = str_fold_words(v[i].word);
		b = str_fold_words(v[i].key);
		assert_string_equal(a, b);
		free(b);
		/* No key of the file or of the exports says two things. */
		for (j = 0; j < i; j++) {
			b = str_fold_words(v[j].word);
			assert_string_not_equal(a, b);
			free(b);
			assert_string_not_equal(v[i].key, v[j].key);
			assert_string_not_equal(v[i].label, v[j].label);
		}
		free(a);
	}
	assert_null(model_vocab(v, n, bits ? 0 : first - 1));
	assert_null(model_vocab(v, n, bits ? 1 << n : first + (int)n));
	assert_null(model_vocab_word(v, n, bits ? 3 : first + (int)n));
}

static void
test_vocab(void **state)
{
	size_t	 i;
	char	*s;

	(void)state;
	S_walk(model_modalites, MOD__COUNT, 0, 1);
	S_walk(model_couts, MODEL_NCOUTS, COUT_NONE + 1, 0);
	S_walk(model_accessibilites, MODEL_NACCESSIBILITES, ACCESS_NONE + 1, 0);
	S_walk(model_suivis, MODEL_NSUIVIS, SUIVI_NONE + 1, 0);
	S_walk(model_days, 7, 0, 0);
	/* The label functions read the same tables. */
	for (i = 0; i < MOD__COUNT; i++) {
		assert_string_equal(model_modalite_label(
		    (enum modalite)model_modalites[i].value),
		    model_modalites[i].label);
		assert_string_equal(model_modalite_key(
		    (enum modalite)model_modalites[i].value),
		    model_modalites[i].key);
	}
	for (i = 0; i < MODEL_NCOUTS; i++) {
		assert_string_equal(model_cout_label(
		    (enum cout)model_couts[i].value), model_couts[i].label);
		assert_string_equal(model_cout_key(
		    (enum cout)model_couts[i].value), model_couts[i].key);
	}
	for (i = 0; i < MODEL_NACCESSIBILITES; i++)
		assert_string_equal(model_accessibilite_key((enum accessibilite)
		    model_accessibilites[i].value), model_accessibilites[i].key);
	for (i = 0; i < MODEL_NSUIVIS; i++)
		assert_string_equal(model_suivi_key(
		    (enum suivi)model_suivis[i].value), model_suivis[i].key);
	for (i = 0; i < 7; i++)
		assert_string_equal(model_day_key((int)i), model_days[i].key);
	assert_null(model_cout_key(COUT_NONE));
	assert_null(model_accessibilite_key(ACCESS_NONE));
	assert_null(model_suivi_key(SUIVI_NONE));
	assert_null(model_day_key(7));
	/* What a partner is told when a word is unknown. */
	s = model_vocab_words(model_couts, MODEL_NCOUTS);
	assert_string_equal(s, "gratuit, participation, payant");
	free(s);
	s = model_vocab_words(model_suivis, MODEL_NSUIVIS);
	assert_string_equal(s, "ok, relancer, en_attente");
	free(s);
	s = model_vocab_words(model_modalites, 0);
	assert_string_equal(s, "");
	free(s);
}

/* One URL label for the site, the booklets and the exports. */
static void
test_url_label(void **state)
{
	static const struct { const char *url, *label; } v[] = {
		{ "https://www.caf.fr/allocataires/", "caf.fr/allocataires" },
		{ "http://www.caf.fr/", "caf.fr" },
		{ "https://caf.fr", "caf.fr" },
		{ "https://example.org/a/b?x=1", "example.org/a/b?x=1" },
		{ "https://wwwexample.org/", "wwwexample.org" },
		{ "https://example.org/www.x/", "example.org/www.x" },
		{ "https://example.org//", "example.org/" },
		{ "example.org/", "example.org" },
		{ "/", "/" },
		{ "", "" },
	};
	size_t	 i;
	char	*s;

	(void)state;
	for (i = 0; i < N(v); i++) {
		s = model_url_label(v[i].url);
		assert_string_equal(s, v[i].label);
		free(s);
	}
}

static void
test_time_fr(void **state)
{
	static const struct { int m; const char *s; } v[] = {
		{ 540, "9 h" }, { 570, "9 h 30" }, { 0, "0 h" },
		{ 725, "12 h 05" }, { 1440, "24 h" }, { 1050, "17 h 30" },
	};
	size_t	 i;
	char	*s;

	(void)state;
	for (i = 0; i < N(v); i++) {
		s = model_time_fr(v[i].m);
		assert_string_equal(s, v[i].s);
		free(s);
	}
}

/* A small site built by hand: 2 categories, 2 thematiques, 4 partners. */
static struct site *
S_site(void)
{
	static const struct { const char *slug, *nom, *sigle; int cat; } v[] = {
		{ "tad", "Territoire d'action départementale", "TAD", 0 },
		{ "eole", "Éole, foyer de vie", NULL, 1 },
		{ "caf", "Caisse d'allocations familiales", "Caf", 0 },
		{ "aral", "ARAL", "ARAL", 1 },
	};
	struct site	*s = xcalloc(1, sizeof(*s));
	size_t		 i;

	s->ncategories = 2;
	s->categories = xcalloc(2, sizeof(*s->categories));
	s->categories[0].key = xstrdup("institutionnels");
	s->categories[1].key = xstrdup("associatifs");
	s->nthematiques = 2;
	s->thematiques = xcalloc(2, sizeof(*s->thematiques));
	s->thematiques[0].key = xstrdup("logement");
	s->thematiques[1].key = xstrdup("sante");
	s->npartners = N(v);
	s->partners = xcalloc(N(v), sizeof(*s->partners));
	for (i = 0; i < N(v); i++) {
		s->partners[i].slug = xstrdup(v[i].slug);
		s->partners[i].nom.s = xstrdup(v[i].nom);
		s->partners[i].sigle.s = v[i].sigle ? xstrdup(v[i].sigle) :
		    NULL;
		s->partners[i].category = &s->categories[v[i].cat];
		s->partners[i].thematiques = xcalloc(2, sizeof(void *));
		/* Given in reverse: model_sort puts them in site order. */
		s->partners[i].thematiques[0] = &s->thematiques[1];
		s->partners[i].thematiques[1] = &s->thematiques[0];
		s->partners[i].nthematiques = i % 2 ? 1 : 2;
		if (i % 2)
			s->partners[i].thematiques[0] = &s->thematiques[0];
	}
	/* tad -> caf, aral -> tad, eole */
	s->partners[0].liens = xcalloc(1, sizeof(void *));
	s->partners[0].liens[0] = &s->partners[2];
	s->partners[0].nliens = 1;
	s->partners[3].liens = xcalloc(2, sizeof(void *));
	s->partners[3].liens[0] = &s->partners[0];
	s->partners[3].liens[1] = &s->partners[1];
	s->partners[3].nliens = 2;
	return s;
}

static void
test_sort(void **state)
{
	struct site	 *s = S_site();
	struct partner	**byname, *p;

	(void)state;
	model_sort(s);
	/* Category order, then name folded (É sorts as E). */
	assert_string_equal(s->partners[0].slug, "caf");
	assert_string_equal(s->partners[1].slug, "tad");
	assert_string_equal(s->partners[2].slug, "aral");
	assert_string_equal(s->partners[3].slug, "eole");
	/* Links follow the partners they point to. */
	p = model_partner(s, "tad");
	assert_int_equal(p->nliens, 1);
	assert_ptr_equal(p->liens[0], model_partner(s, "caf"));
	p = model_partner(s, "aral");
	assert_ptr_equal(p->liens[0], model_partner(s, "tad"));
	assert_ptr_equal(p->liens[1], model_partner(s, "eole"));
	/* Counts and thematiques in site order. */
	assert_int_equal(s->categories[0].npartners, 2);
	assert_int_equal(s->categories[1].npartners, 2);
	assert_int_equal(s->thematiques[0].npartners, 4);
	assert_int_equal(s->thematiques[1].npartners, 2);
	p = model_partner(s, "caf");
	assert_ptr_equal(p->thematiques[0], &s->thematiques[0]);
	assert_true(model_has_thematique(p, &s->thematiques[1]));
	assert_false(model_has_thematique(model_partner(s, "eole"),
	    &s->thematiques[1]));

	byname = model_sorted_by_name(s);
	assert_string_equal(byname[0]->slug, "aral");
	assert_string_equal(byname[1]->slug, "caf");
	assert_string_equal(byname[2]->slug, "eole");
	assert_string_equal(byname[3]->slug, "tad");
	assert_null(byname[4]);
	free(byname);

	assert_null(model_partner(s, "absent"));
	assert_ptr_equal(model_category(s, "associatifs"), &s->categories[1]);
	assert_null(model_category(s, "x"));
	assert_ptr_equal(model_thematique(s, "sante"), &s->thematiques[1]);
	assert_null(model_thematique(s, "x"));
	model_sort(s);		/* idempotent */
	assert_string_equal(s->partners[0].slug, "caf");
	/* One category, one name: by slug ("cab" given after "caf"). */
	free(s->partners[1].nom.s);
	s->partners[1].nom.s = xstrdup(s->partners[0].nom.s);
	free(s->partners[1].slug);
	s->partners[1].slug = xstrdup("cab");
	model_sort(s);
	assert_string_equal(s->partners[0].slug, "cab");
	assert_string_equal(s->partners[1].slug, "caf");
	model_free(s);
	model_free(NULL);
}

/* The first partner of s with slug, searched the slow way. */
static struct partner *
S_first(const struct site *s, const char *slug)
{
	size_t	 i;

	for (i = 0; i < s->npartners; i++)
		if (strcmp(s->partners[i].slug, slug) == 0)
			return &s->partners[i];
	return NULL;
}

/*
 * model_partner() through the slug index finds what the linear search
 * finds: the first of equal slugs, NULL for absent ones, before and
 * after the index, and linearly again when the index is out of date.
 */
static void
test_partner_index(void **state)
{
	static const char *const slugs[] = {
		"m", "b", "z", "b", "a", "m", "c", "b", "y", "a"
	};
	static const char *const probes[] = {
		"a", "b", "c", "m", "y", "z", "", "0", "bb", "zz", "l"
	};
	struct site	*s = xcalloc(1, sizeof(*s));
	size_t		 i, k;

	(void)state;
	s->npartners = N(slugs);
	s->partners = xcalloc(N(slugs), sizeof(*s->partners));
	for (i = 0; i < N(slugs); i++)
		s->partners[i].slug = xstrdup(slugs[i]);
	for (k = 0; k < 3; k++) {
		if (k == 1)
			model_index_slugs(s);
		if (k == 2)
			s->npartners--;		/* the index is out of date */
		for (i = 0; i < N(probes); i++)
			assert_ptr_equal(model_partner(s, probes[i]),
			    S_first(s, probes[i]));
	}
	s->npartners++;
	model_free(s);
}

static void
test_display_name(void **state)
{
	struct partner	 p;
	char		*s;

	(void)state;
	memset(&p, 0, sizeof(p));
	p.slug = "caf";
	p.nom.s = "Caisse d'allocations familiales";
	p.sigle.s = "Caf";
	s = model_display_name(&p);
	assert_string_equal(s, "Caisse d'allocations familiales (Caf)");
	free(s);
	p.sigle.s = NULL;
	s = model_display_name(&p);
	assert_string_equal(s, "Caisse d'allocations familiales");
	free(s);
	p.nom.s = "ARAL";
	p.sigle.s = "ARAL";
	s = model_display_name(&p);
	assert_string_equal(s, "ARAL");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_langues),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_org_phrase),
		cmocka_unit_test(test_vocab),
		cmocka_unit_test(test_url_label),
		cmocka_unit_test(test_time_fr),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_partner_index),
		cmocka_unit_test(test_display_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
