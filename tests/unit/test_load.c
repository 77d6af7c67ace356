/*
 * test_load.c — the loader on the regress fixtures and the example
 * content: values, positions, normalisation, pages left out.
 * Runs from the top of the repository (tests/run does).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "load.h"
#include "load_field.h"
#include "load_yaml.h"
#include "new.h"
#include "util.h"

#define	N(a)	(sizeof(a) / sizeof((a)[0]))
#define	FX	"tests/regress/"

static struct site *
S_load(const char *dir, struct diags *d)
{
	diags_init(d);
	return load_content(dir, d);
}

static void
test_valid(void **state)
{
	struct diags	 d;
	struct site	*s = S_load(FX "valid/content", &d);
	struct partner	*p, *t;

	(void)state;
	assert_non_null(s);
	assert_int_equal(d.errors, 0);
	/* A category and a thematique no page uses, in site.yaml. */
	assert_int_equal(d.warnings, 2);
	assert_int_equal(d.v[0].line, 12);
	assert_non_null(strstr(d.v[0].msg, "no partner is in \"associatifs\""));
	assert_int_equal(d.v[1].line, 19);
	assert_non_null(strstr(d.v[1].msg, "no partner has \"alimentation\""));
	assert_int_equal(s->npages, 2);
	assert_int_equal(s->npartners, 2);
	assert_string_equal(s->titre.s, "Outil Partenaires");
	assert_int_equal(s->edition, 2018);
	assert_null(s->sous_titre.s);
	assert_null(s->url.s);
	assert_string_equal(s->path, FX "valid/content/site.yaml");
	assert_int_equal(s->ncategories, 2);
	assert_string_equal(s->categories[1].color, "#1b7a4a");
	assert_int_equal(s->categories[1].rgb, 0x1b7a4a);
	assert_int_equal(s->categories[0].pos.line, 9);
	assert_int_equal(s->nthematiques, 3);
	assert_string_equal(s->thematiques[0].icon, "home");
	assert_null(s->thematiques[1].icon);
	assert_string_equal(s->coordination.courriel.s,
	    "coordination@example.org");

	p = model_partner(s, "caf");
	assert_non_null(p);
	assert_string_equal(p->path, FX "valid/content/partenaires/caf.md");
	assert_string_equal(p->nom.s, "Caisse d'allocations familiales");
	assert_int_equal(p->nom.pos.line, 2);
	assert_int_equal(p->nom.pos.col, 6);
	assert_string_equal(p->sigle.s, "Caf");
	assert_ptr_equal(p->category, &s->categories[0]);
	assert_int_equal(p->nthematiques, 2);
	assert_string_equal(p->thematiques[0]->key, "logement");
	assert_string_equal(p->thematiques[1]->key, "acces-aux-droits");
	assert_int_equal(p->missions.n, 1);
	assert_int_equal(p->missions.v[0].pos.line, 8);
	assert_int_equal(p->missions.v[0].pos.col, 5);
	assert_string_equal(p->adresse.code_postal.s, "78000");
	assert_null(p->adresse.complement.s);
	assert_true(p->horaires.present);
	assert_int_equal(p->horaires.days[0].n, 2);
	assert_int_equal(p->horaires.days[0].v[1].start, 14 * 60);
	assert_int_equal(p->horaires.days[0].v[1].end, 17 * 60 + 30);
	assert_int_equal(p->horaires.days[1].n, 1);
	assert_int_equal(p->horaires.days[1].v[0].end, 12 * 60);
	assert_int_equal(p->horaires.days[2].n, 0);
	assert_string_equal(p->telephone.display, "01 99 00 12 34");
	assert_string_equal(p->telephone.uri, "tel:+33199001234");
	assert_int_equal(p->mise_a_jour.y, 2018);
	assert_int_equal(p->mise_a_jour.m, 3);
	assert_int_equal(p->mise_a_jour.d, 15);
	assert_int_equal(p->mise_a_jour_pos.line, 18);
	assert_int_equal(p->fpos[PF_MISE_A_JOUR].line, 18);
	assert_int_equal(p->fpos[PF_TELEPHONE].line, 16);
	assert_string_equal(p->body, "Présentation de la **Caf**.\n");
	assert_int_equal(p->body_line, 20);
	assert_int_equal(p->fpos[PF_BODY].line, 20);
	assert_int_equal(p->suivi, SUIVI_NONE);

	t = model_partner(s, "tad");
	assert_int_equal(t->nliens, 1);
	assert_ptr_equal(t->liens[0], p);
	/* Both institutionnels: sorted by name. */
	assert_ptr_equal(&s->partners[0], p);
	model_free(s);
	diags_free(&d);
}

/*
 * A page saved by macOS (NFD: "c" + U+0327) loads in NFC: values, the
 * body, closed lists; a logo named in NFC is found on disk in NFD.
 */
static void
test_nfd(void **state)
{
	struct diags	 d;
	struct site	*s = S_load(FX "valid-nfd/content", &d);
	struct partner	*p;

	(void)state;
	assert_non_null(s);
	assert_int_equal(d.n, 0);
	assert_non_null(p = model_partner(s, "ecole"));
	assert_string_equal(p->nom.s, "Ecole de français");
	assert_non_null(strstr(p->resume.s, "français et aide aux "
	    "démarches, à domicile"));
	assert_non_null(strstr(p->body, "Présentation"));
	assert_int_equal(p->modalites, MOD_DOMICILE);
	/* The name on disk, so that site and booklet open the file. */
	assert_string_equal(p->logo.s, "logos/cafe\xcc\x81.png");
	/* Its size, kept from the loader's decoding for the layout. */
	assert_int_equal(p->logo_w, 40);
	assert_int_equal(p->logo_h, 20);
	/* Positions as libyaml counts them in the file. */
	assert_int_equal(p->resume.pos.line, 5);
	assert_int_equal(p->resume.pos.col, 9);
	model_free(s);
	diags_free(&d);
}

/* CRLF, BOM and Windows-pasted pages read as the plain one, same positions. */
/* A value listed twice: a warning at the second, kept once. */
static void
test_duplicate_items(void **state)
{
	struct diags	 d;
	struct site	*s = S_load(FX "duplicate-items/content", &d);
	struct partner	*p;

	(void)state;
	assert_non_null(s);
	assert_int_equal(d.errors, 0);
	/* And: tad is caf's telephone and address; unused vocabulary. */
	assert_int_equal(d.warnings, 6);
	assert_int_equal(d.v[1].line, 18);
	assert_int_equal(d.v[1].col, 15);
	assert_string_equal(d.v[1].msg,
	    "langues: \"fr\" is listed twice: keep it once");
	p = model_partner(s, "caf");
	assert_non_null(p);
	assert_int_equal(p->nthematiques, 2);
	assert_int_equal(p->langues.n, 2);
	assert_string_equal(p->langues.v[0].s, "fr");
	assert_string_equal(p->langues.v[1].s, "ar");
	assert_int_equal(p->nliens, 1);
	assert_ptr_equal(p->liens[0], model_partner(s, "tad"));
	model_free(s);
	diags_free(&d);
}

static void
test_forms(void **state)
{
	static const char *const dirs[] = {
		FX "valid-crlf/content", FX "valid-bom/content",
		FX "valid-windows/content",
	};
	struct diags	 d;
	struct site	*s;
	struct partner	*p;
	size_t		 i;

	(void)state;
	for (i = 0; i < N(dirs); i++) {
		s = S_load(dirs[i], &d);
		assert_non_null(s);
		assert_int_equal(d.errors, 0);
		assert_int_equal(s->npartners, 1);
		p = &s->partners[0];
		assert_int_equal(p->nom.pos.line, 2);
		assert_int_equal(p->nom.pos.col, 6);
		assert_int_equal(p->resume.pos.line, 6);
		assert_int_equal(p->resume.pos.col, 9);
		assert_int_equal(p->body_line, 20);
		assert_null(strchr(p->body, '\r'));
		assert_string_equal(p->adresse.ville.s, "Versailles");
		assert_string_equal(p->adresse.rue.s, "1 rue Exemple");
		assert_string_equal(p->nom.s,
		    "Caisse d'allocations familiales");
		if (i == 2)
			assert_string_equal(p->resume.s, "Verse les prestations "
			    "familiales et l’aide au logement.");
		model_free(s);
		diags_free(&d);
	}
}

/* Pages with errors are left out, the others kept. */
static void
test_left_out(void **state)
{
	static const struct {
		const char	*dir;
		size_t		 errors, warnings, npages, npartners;
	} v[] = {
		{ FX "several-files/content", 5, 1, 3, 0 },
		{ FX "bad-links/content", 2, 1, 2, 1 },
		{ FX "unknown-keys/content", 0, 7, 1, 1 },
		{ FX "old-update/content", 0, 3, 1, 1 },
		{ FX "site-errors/content", 4, 0, 1, 0 },
		/* No Caf.md here; caf.md~, an editor's backup: not a word. */
		{ FX "bad-slugs/content", 1, 2, 2, 1 },
		{ FX "empty-file/content", 1, 0, 1, 0 },
		{ FX "nesting/content", 2, 0, 2, 0 },
		{ FX "anchors-aliases/content", 2, 0, 2, 0 },
	};
	struct diags	 d;
	struct site	*s;
	size_t		 i;

	(void)state;
	for (i = 0; i < N(v); i++) {
		s = S_load(v[i].dir, &d);
		assert_non_null(s);
		if (d.errors != v[i].errors || d.warnings != v[i].warnings ||
		    s->npages != v[i].npages ||
		    s->npartners != v[i].npartners)
			fail_msg("%s: %zu errors, %zu warnings, %zu pages, "
			    "%zu partners", v[i].dir, d.errors, d.warnings,
			    s->npages, s->npartners);
		model_free(s);
		diags_free(&d);
	}
}

/*
 * bad-links' site.yaml and tad.md in a folder of its own, tad.md with
 * its text from replaced by to (from NULL: tad.md is to, with its
 * terminating NUL byte); loaded.  S_tmp_done() removes it.
 */
static struct site *
S_tmp_load(char *dir, const char *from, const char *to, struct diags *d)
{
	char		*p, *page, *site, *at, *t;
	size_t		 len, slen;
	struct site	*s;

	assert_non_null(mkdtemp(dir));
	assert_true(file_read(FX "bad-links/content/site.yaml", 1 << 20, &site,
	    &slen));
	assert_true(file_read(FX "bad-links/content/partenaires/tad.md",
	    1 << 20, &page, &len));
	p = xasprintf("%s/site.yaml", dir);
	assert_true(file_write(p, site, slen));
	free(p);
	p = xasprintf("%s/partenaires", dir);
	assert_int_equal(mkdir(p, 0755), 0);
	free(p);
	if (from != NULL) {
		assert_non_null(at = strstr(page, from));
		t = xasprintf("%.*s%s%s", (int)(at - page), page, to,
		    at + strlen(from));
		len = strlen(t);
	} else {	/* to: the whole page, len bytes */
		t = xmalloc(len = strlen(to) + 1);
		memcpy(t, to, len);
	}
	p = xasprintf("%s/partenaires/tad.md", dir);
	assert_true(file_write(p, t, len));
	free(p);
	free(t);
	free(page);
	free(site);
	s = S_load(dir, d);
	assert_non_null(s);
	return s;
}

static void
S_tmp_done(const char *dir, struct site *s, struct diags *d)
{
	char	*p;

	model_free(s);
	diags_free(d);
	p = xasprintf("%s/partenaires/tad.md", dir);
	(void)unlink(p);
	free(p);
	p = xasprintf("%s/partenaires", dir);
	(void)rmdir(p);
	free(p);
	p = xasprintf("%s/site.yaml", dir);
	(void)unlink(p);
	free(p);
	(void)rmdir(dir);
}

/*
 * A page whose only error is a link to itself is left out like any
 * page with an error (bad-links has another error on the same page:
 * it could not tell).
 */
static void
test_self_link(void **state)
{
	struct diags	 d;
	struct site	*s;
	char		 dir[] = "/tmp/annuaire-test-load.XXXXXX";

	(void)state;
	s = S_tmp_load(dir, "mise_a_jour:", "liens: [tad]\nmise_a_jour:", &d);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].msg, "is this page itself"));
	assert_int_equal(s->npages, 1);
	assert_int_equal(s->npartners, 0);	/* left out */
	S_tmp_done(dir, s, &d);
}

/* courriel: a "mailto:" prefix comes off, in any case. */
static void
test_mailto(void **state)
{
	struct diags	 d;
	struct site	*s;
	char		 dir[] = "/tmp/annuaire-test-load.XXXXXX";

	(void)state;
	s = S_tmp_load(dir, "courriel: \"", "courriel: \"MailTo:", &d);
	assert_int_equal(d.errors, 0);
	assert_int_equal(s->npartners, 1);
	assert_string_equal(s->partners[0].courriel.s, "accueil@example.org");
	S_tmp_done(dir, s, &d);
}

/* A value with a bidirectional control (U+202E) is an error. */
static void
test_bidi_value(void **state)
{
	struct diags	 d;
	struct site	*s;
	char		 dir[] = "/tmp/annuaire-test-load.XXXXXX";

	(void)state;
	s = S_tmp_load(dir, "nom: \"TAD\"", "nom: \"TAD\xe2\x80\xae\"", &d);
	assert_int_equal(d.errors, 1);
	assert_int_equal(s->npartners, 0);
	S_tmp_done(dir, s, &d);
}

/*
 * A file saved as UTF-16, little- or big-endian, is named so (its NUL
 * bytes would otherwise be the first complaint); UTF-16 BE here.
 */
static void
test_utf16_be(void **state)
{
	struct diags	 d;
	struct site	*s;
	char		 dir[] = "/tmp/annuaire-test-load.XXXXXX";

	(void)state;
	s = S_tmp_load(dir, NULL, "\xfe\xff-", &d);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].msg, "UTF-16"));
	S_tmp_done(dir, s, &d);
}

/* A tab in the text (a pasted table) is no control character. */
static void
test_tab_in_body(void **state)
{
	struct diags	 d;
	struct site	*s;
	char		 dir[] = "/tmp/annuaire-test-load.XXXXXX";

	(void)state;
	s = S_tmp_load(dir, "Présentation de", "Présentation\tde", &d);
	assert_int_equal(d.errors, 0);
	assert_int_equal(s->npartners, 1);
	assert_non_null(strchr(s->partners[0].body, '\t'));
	S_tmp_done(dir, s, &d);
}

/* C1 controls (U+0080-U+009F) anywhere, U+009F the last of them. */
static void
test_c1_in_body(void **state)
{
	struct diags	 d;
	struct site	*s;
	char		 dir[] = "/tmp/annuaire-test-load.XXXXXX";

	(void)state;
	s = S_tmp_load(dir, "Présentation de", "Présentation\xc2\x9f de", &d);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].msg, "U+009F"));
	S_tmp_done(dir, s, &d);
}

/* A lone byte 0x80-0x9f is Windows-1252 too: 0x9f is "Ÿ". */
static void
test_cp1252_hint(void **state)
{
	struct diags	 d;
	struct site	*s;
	char		 dir[] = "/tmp/annuaire-test-load.XXXXXX";

	(void)state;
	s = S_tmp_load(dir, "Présentation de", "Pr\x9f de", &d);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].msg, "Windows-1252, where this byte "
	    "is '\xc5\xb8'"));
	S_tmp_done(dir, s, &d);
}

/* Nesting: LOAD_YAML_MAXDEPTH levels of lists are read, one more not. */
static void
test_yaml_depth(void **state)
{
	struct diags	 d;
	struct ynode	*root;
	char		 text[128];
	int		 k, ok, deepest = 0;

	(void)state;
	for (k = 1; k < 40; k++) {
		memset(text, 0, sizeof(text));
		memset(text, '[', (size_t)k);
		memset(text + k, ']', (size_t)k);
		diags_init(&d);
		root = NULL;
		ok = load_yaml_parse(text, strlen(text), 0, "x.md", &d, &root);
		if (ok && d.errors == 0)
			deepest = k;
		load_yaml_free(root);
		diags_free(&d);
	}
	assert_int_equal(deepest, LOAD_YAML_MAXDEPTH);
}

#define	LQ	"\xe2\x80\x9c"	/* U+201C */
#define	RQ	"\xe2\x80\x9d"	/* U+201D */

static void
test_curly_quotes(void **state)
{
	static const struct {
		const char	*in;
		int		 plain;
		const char	*want;
	} v[] = {
		{ LQ "Caf" RQ, 1, "Caf" },
		{ LQ " a " RQ, 1, "a" },
		{ LQ RQ, 1, "" },
		{ LQ RQ, 0, LQ RQ },
		{ LQ "Caf", 1, LQ "Caf" },
	};
	struct ynode	 n;
	char		*t;
	size_t		 i;

	(void)state;
	for (i = 0; i < N(v); i++) {
		memset(&n, 0, sizeof(n));
		n.type = YNODE_SCALAR;
		n.s = (char *)v[i].in;
		n.len = strlen(v[i].in);
		n.plain = v[i].plain;
		t = load_field_scalar(&n);
		assert_string_equal(t, v[i].want);
		free(t);
	}
}

/*
 * No-break spaces pasted from Word in the indentation and after "key:"
 * read as spaces, each one column, so positions stay as the editor
 * shows them.
 */
static void
test_nbsp(void **state)
{
	struct diags	 d;
	struct site	*s = S_load(FX "valid-nbsp/content", &d);
	struct partner	*p;

	(void)state;
	assert_non_null(s);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 2);	/* unused vocabulary */
	assert_non_null(p = model_partner(s, "caf"));
	assert_string_equal(p->adresse.rue.s, "1 rue Exemple");
	assert_int_equal(p->adresse.rue.pos.line, 10);
	assert_int_equal(p->adresse.rue.pos.col, 8);
	assert_string_equal(p->adresse.code_postal.s, "78000");
	assert_int_equal(p->adresse.code_postal.pos.col, 16);
	assert_string_equal(p->adresse.ville.s, "Versailles");
	assert_int_equal(p->adresse.ville.pos.col, 10);
	model_free(s);
	diags_free(&d);
}

/* str_trim(), which every loaded value goes through. */
static void
test_trim(void **state)
{
	static const struct { const char *in, *out; } v[] = {
		{ "", "" },
		{ " \t\r\n\f\v", "" },
		{ "abc", "abc" },
		{ "  a b  ", "a b" },
		{ "\xc2\xa0" "caf\xe2\x80\xaf", "caf" },	/* U+00A0, U+202F */
		{ "\xef\xbb\xbf" "caf\xe2\x80\x89", "caf" },	/* U+FEFF, U+2009 */
		{ "\xc3\xa9t\xc3\xa9 ", "\xc3\xa9t\xc3\xa9" },	/* été */
		{ "a\xc2\xa0" "b", "a\xc2\xa0" "b" },	/* inner space kept */
		{ " a\xff ", "a\xff" },		/* invalid byte kept */
		{ "a\xc2", "a\xc2" },		/* truncated sequence kept */
	};
	size_t	 i;
	char	*t;

	(void)state;
	for (i = 0; i < N(v); i++) {
		t = str_trim(v[i].in);
		assert_string_equal(t, v[i].out);
		free(t);
	}
}

/*
 * A key given twice: an error at the second one, but the parse goes on
 * and keeps the first value (load_yaml.h).
 */
static void
test_yaml_duplicate_key(void **state)
{
	static const char text[] = "nom: a\nville: b\nnom: c\nsigle: d\n";
	struct diags	 d;
	struct ynode	*root;

	(void)state;
	diags_init(&d);
	assert_true(load_yaml_parse(text, sizeof(text) - 1, 1, "x.md", &d,
	    &root));
	assert_non_null(root);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].line, 4);
	assert_int_equal(d.v[0].col, 1);
	assert_int_equal(root->n, 3);
	assert_string_equal(load_yaml_get(root, "nom")->s, "a");
	assert_string_equal(load_yaml_get(root, "sigle")->s, "d");
	load_yaml_free(root);
	diags_free(&d);
}

/* How diagnostics print (diag.h): the forms main.c shows the user. */
static void
test_diag_print(void **state)
{
	struct diags	 d;
	char		*out = NULL;
	size_t		 len = 0;
	FILE		*f;

	(void)state;
	diags_init(&d);
	diag_error(&d, "b.md", 3, 0, "no column");
	diag_warn(&d, "b.md", 0, 7, "whole file");
	diag_error(&d, NULL, 0, 0, "no file");
	diag_add(&d, DIAG_NOTE, "a.md", 2, 5, "note %d", 1);
	assert_int_equal(d.errors, 2);
	assert_int_equal(d.warnings, 1);
	diags_sort(&d);
	assert_non_null(f = open_memstream(&out, &len));
	diags_print(&d, f);
	fclose(f);
	assert_string_equal(out,
	    "annuaire: error: no file\n"
	    "a.md:2:5: note: note 1\n"
	    "b.md: warning: whole file\n"
	    "b.md:3:1: error: no column\n");
	free(out);
	diags_free(&d);
}

/* Tags other than !!str (and "!" on text) are refused, at the node. */
static void
test_yaml_tags(void **state)
{
	static const char ok[] = "a: !!str x\nb: ! y\n";
	static const char bad[] = "a: x\nb: !!int 3\n";
	static const char badseq[] = "a: !!set [x]\n";
	struct diags	 d;
	struct ynode	*root;

	(void)state;
	diags_init(&d);
	assert_true(load_yaml_parse(ok, sizeof(ok) - 1, 0, "x.md", &d, &root));
	assert_int_equal(d.n, 0);
	assert_string_equal(load_yaml_get(root, "b")->s, "y");
	assert_false(load_yaml_get(root, "a")->plain);
	load_yaml_free(root);
	assert_false(load_yaml_parse(bad, sizeof(bad) - 1, 0, "x.md", &d,
	    &root));
	assert_null(root);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].col, 4);
	assert_non_null(strstr(d.v[0].msg, "YAML tags (tag:yaml.org,2002:int)"));
	assert_false(load_yaml_parse(badseq, sizeof(badseq) - 1, 0, "x.md",
	    &d, &root));
	assert_int_equal(d.n, 2);
	diags_free(&d);
}

static void
test_unreadable(void **state)
{
	struct diags	 d;

	(void)state;
	assert_null(S_load("tests/regress/absent/content", &d));
	assert_int_equal(d.errors, 1);
	diags_free(&d);
	assert_null(S_load(FX "no-site/content", &d));
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].file, FX "no-site/content/site.yaml");
	diags_free(&d);
	assert_null(S_load("tests/unit/test_load.c", &d));
	diags_free(&d);
}

static void
test_summary(void **state)
{
	struct diags	 d;
	char		*s;

	(void)state;
	diags_init(&d);
	s = load_summary(&d, 29);
	assert_string_equal(s, "0 errors, 0 warnings in 29 pages");
	free(s);
	diag_error(&d, "x", 1, 1, "a");
	diag_warn(&d, "x", 1, 1, "b");
	s = load_summary(&d, 1);
	assert_string_equal(s, "1 error, 1 warning in 1 page");
	free(s);
	diag_error(&d, "x", 1, 1, "a");
	diag_error(&d, "x", 1, 1, "a");
	s = load_summary(&d, 0);
	assert_string_equal(s, "3 errors, 1 warning in 0 pages");
	free(s);
	diags_free(&d);
}

/* The example content ships without a single error. */
static void
test_example(void **state)
{
	struct diags	 d;
	struct site	*s;
	size_t		 i;

	(void)state;
	s = S_load("content", &d);
	assert_non_null(s);
	for (i = 0; i < d.n; i++)
		print_message("# %s:%d:%d: %s\n", d.v[i].file, d.v[i].line,
		    d.v[i].col, d.v[i].msg);
	assert_int_equal(d.errors, 0);
	assert_int_equal(s->npartners, s->npages);
	assert_true(s->npartners >= 1);
	for (i = 0; i < s->npartners; i++) {
		assert_non_null(s->partners[i].category);
		assert_true(s->partners[i].nthematiques >= 1);
		assert_non_null(s->partners[i].resume.s);
		assert_true(s->partners[i].telephone.raw.s != NULL ||
		    s->partners[i].courriel.s != NULL);
		if (i > 0)
			assert_true(s->partners[i - 1].category <=
			    s->partners[i].category);
	}
	model_free(s);
	diags_free(&d);
}

/* annuaire new: a page whose only errors are the fields to fill in. */
static void
test_new(void **state)
{
	char		 tmpl[] = "/tmp/annuaire-new.XXXXXX", *dir, *site,
			*data, *path, *sy;
	size_t		 len, i;
	struct diags	 d;
	struct site	*s;

	(void)state;
	dir = mkdtemp(tmpl);
	assert_non_null(dir);
	assert_true(file_read(FX "valid/content/site.yaml", 1 << 20, &data,
	    &len));
	sy = path_join(dir, "site.yaml");
	assert_true(file_write(sy, data, len));
	free(data);
	free(sy);
	diags_init(&d);
	assert_true(new_partner(dir, "  Épicerie « Le Panier » ", &path, &d));
	assert_int_equal(d.n, 0);
	site = xasprintf("%s/partenaires/epicerie-le-panier.md", dir);
	assert_string_equal(path, site);
	free(site);
	/* Never overwrites. */
	assert_false(new_partner(dir, "Épicerie Le Panier", NULL, &d));
	assert_int_equal(errno, EEXIST);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].msg, "already exists"));
	diags_free(&d);
	assert_false(new_partner(dir, "« ! »", NULL, &d));
	assert_int_equal(errno, EINVAL);
	diags_free(&d);

	s = S_load(dir, &d);
	assert_non_null(s);
	for (i = 0; i < d.n; i++)
		print_message("# %d:%d: %s\n", d.v[i].line, d.v[i].col,
		    d.v[i].msg);
	assert_int_equal(d.warnings, 0);
	assert_int_equal(d.errors, 9);	/* categorie ... mise_a_jour */
	for (i = 0; i < d.n; i++)
		assert_true(strstr(d.v[i].msg, "required") != NULL ||
		    strstr(d.v[i].msg, "at least one") != NULL ||
		    strstr(d.v[i].msg, "is empty") != NULL ||
		    strstr(d.v[i].msg, "telephone or a courriel") != NULL);
	model_free(s);
	diags_free(&d);

	/* Filled in, it loads. */
	assert_true(file_read(path, 1 << 20, &data, &len));
	{
		static const struct { const char *from, *to; } r[] = {
			{ "categorie: \"\"", "categorie: associatifs" },
			{ "thematiques: []", "thematiques: [alimentation]" },
			{ "resume: \"\"", "resume: \"Une épicerie.\"" },
			{ "  - \"\"", "  - \"Vendre.\"" },
			{ "rue: \"\"", "rue: \"1 rue X\"" },
			{ "code_postal: \"\"", "code_postal: \"78000\"" },
			{ "ville: \"\"", "ville: \"Versailles\"" },
			{ "mise_a_jour: \"\"", "mise_a_jour: 2018-05-02" },
			{ "\ncourriel: \"\"", "\ncourriel: \"a@example.org\"" },
		};
		struct buf	 b;
		char		*at;

		for (i = 0; i < N(r); i++) {
			at = strstr(data, r[i].from);
			assert_non_null(at);
			buf_init(&b);
			buf_put(&b, data, (size_t)(at - data));
			buf_puts(&b, r[i].to);
			buf_puts(&b, at + strlen(r[i].from));
			free(data);
			data = buf_detach(&b);
		}
		assert_true(file_write(path, data, strlen(data)));
		free(data);
	}
	s = S_load(dir, &d);
	for (i = 0; i < d.n; i++)
		print_message("# %d:%d: %s\n", d.v[i].line, d.v[i].col,
		    d.v[i].msg);
	/* The vocabulary the one page does not use: 1 + 2 warnings. */
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.n, 3);
	assert_int_equal(s->npartners, 1);
	assert_string_equal(s->partners[0].nom.s, "Épicerie « Le Panier »");
	assert_int_equal(s->partners[0].suivi, SUIVI_EN_ATTENTE);
	assert_int_equal(s->partners[0].ncontacts, 0);
	assert_false(s->partners[0].horaires.days[0].n);
	model_free(s);
	diags_free(&d);
	free(path);
	assert_true(remove_tree(dir));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_nfd),
		cmocka_unit_test(test_duplicate_items),
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_left_out),
		cmocka_unit_test(test_self_link),
		cmocka_unit_test(test_curly_quotes),
		cmocka_unit_test(test_mailto),
		cmocka_unit_test(test_bidi_value),
		cmocka_unit_test(test_utf16_be),
		cmocka_unit_test(test_tab_in_body),
		cmocka_unit_test(test_c1_in_body),
		cmocka_unit_test(test_cp1252_hint),
		cmocka_unit_test(test_yaml_depth),
		cmocka_unit_test(test_nbsp),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_diag_print),
		cmocka_unit_test(test_yaml_duplicate_key),
		cmocka_unit_test(test_yaml_tags),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_example),
		cmocka_unit_test(test_new),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
