/*
 * fuzz_load.c — libFuzzer harness of the loader (load.c, load_yaml.c).
 *
 * load_content() reads a folder, and load.h has no in-memory entry
 * point, so the harness makes one content folder per process (a fixed
 * valid site.yaml, two fixed valid pages caf.md and tad.md that the
 * input may link to, and logos/logo.png) and writes each input over
 * partenaires/fuzz.md.  An input that starts with the YAML comment
 * "# site.yaml" is written over site.yaml instead (the pages are then
 * caf.md and tad.md), so that the site file is fuzzed too.
 *
 * Invariants checked beyond "no crash, no sanitizer report":
 *  - a readable site.yaml always gives a model (load_content() returns
 *    NULL only when the folder or site.yaml cannot be read at all);
 *  - every page found is counted, none is kept in spite of an error,
 *    and with no error every page is in the model (no data lost);
 *  - every diagnostic names a file and carries a message.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "load.h"
#include "model.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define	SITE_MARK	"# site.yaml"

static const char site_yaml[] =
    "titre: \"Outil Partenaires\"\n"
    "sous_titre: \"Annuaire des partenaires\"\n"
    "edition: 2018\n"
    "url: \"https://example.org/outil-partenaires/\"\n"
    "editeur:\n"
    "  nom: \"Maison de Quartier des Chantiers\"\n"
    "  adresse:\n"
    "    rue: \"1 rue des Chantiers\"\n"
    "    code_postal: \"78000\"\n"
    "    ville: \"Versailles\"\n"
    "  telephone: \"01 99 00 00 00\"\n"
    "coordination:\n"
    "  nom: \"Coordination\"\n"
    "  courriel: \"coordination@example.org\"\n"
    "edito:\n"
    "  texte: |\n"
    "    L'**Outil Partenaires** rassemble les structures du quartier.\n"
    "  signature: \"Prénom Nom\"\n"
    "categories:\n"
    "  - cle: institutionnels\n"
    "    libelle: \"Institutionnels\"\n"
    "    couleur: \"#1f5fa8\"\n"
    "  - cle: associatifs-cultuels\n"
    "    libelle: \"Associatifs et cultuels\"\n"
    "    couleur: \"#1b7a4a\"\n"
    "  - cle: associatifs\n"
    "    libelle: \"Associatifs\"\n"
    "    couleur: \"#1B7A4A\"\n"
    "  - cle: bailleurs-sociaux\n"
    "    libelle: \"Bailleurs sociaux\"\n"
    "    couleur: \"#a8431f\"\n"
    "thematiques:\n"
    "  - cle: logement\n"
    "    libelle: \"Logement\"\n"
    "    picto: home\n"
    "  - cle: alimentation\n"
    "    libelle: \"Alimentation\"\n"
    "    picto: cutlery\n"
    "  - cle: sante\n"
    "    libelle: \"Santé\"\n"
    "  - cle: emploi-insertion\n"
    "    libelle: \"Emploi et insertion\"\n"
    "  - cle: francais-langues\n"
    "    libelle: \"Français et langues\"\n"
    "  - cle: famille-parentalite\n"
    "    libelle: \"Famille et parentalité\"\n"
    "  - cle: enfance-jeunesse\n"
    "    libelle: \"Enfance et jeunesse\"\n"
    "  - cle: acces-aux-droits\n"
    "    libelle: \"Accès aux droits\"\n"
    "  - cle: budget\n"
    "    libelle: \"Budget\"\n"
    "  - cle: vetements-equipement\n"
    "    libelle: \"Vêtements et équipement\"\n";

#define	PAGE(slug, nom, lien) \
    "---\n" \
    "nom: \"" nom "\"\n" \
    "categorie: institutionnels\n" \
    "thematiques: [logement, acces-aux-droits]\n" \
    "resume: \"Verse les prestations familiales.\"\n" \
    "missions:\n" \
    "  - \"Verser les prestations familiales.\"\n" \
    "adresse:\n" \
    "  rue: \"1 rue Exemple\"\n" \
    "  code_postal: \"78000\"\n" \
    "  ville: \"Versailles\"\n" \
    "horaires:\n" \
    "  lundi: [\"09:00-12:00\", \"14:00-17:30\"]\n" \
    "telephone: \"01 99 00 12 34\"\n" \
    "courriel: \"accueil@example.org\"\n" \
    "mise_a_jour: 2018-03-15\n" \
    "liens: [" lien "]\n" \
    "---\n" \
    "Présentation de **" slug "**.\n"

static const char caf_md[] = PAGE("caf", "Caisse d'allocations familiales",
    "tad");
static const char tad_md[] = PAGE("tad", "Territoire d'action", "caf");

/* The smallest PNG signature the loader accepts as a PNG. */
static const char logo_png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

static char	*dir;		/* the content folder */
static char	*site_path, *page_path;

static void
S_cleanup(void)
{
	if (dir != NULL)
		(void)remove_tree(dir);
	free(dir);
	free(site_path);
	free(page_path);
}

static void
S_write(const char *d, const char *name, const void *p, size_t len)
{
	char	*path = path_join(d, name);

	if (!file_write(path, p, len)) {
		perror(path);
		abort();
	}
	free(path);
}

static void
S_setup(void)
{
	char	 tmpl[] = "/tmp/annuaire-fuzz-load.XXXXXX", *sub;

	if (mkdtemp(tmpl) == NULL) {
		perror("mkdtemp");
		abort();
	}
	dir = xstrdup(tmpl);
	atexit(S_cleanup);
	site_path = path_join(dir, "site.yaml");
	page_path = path_join(dir, "partenaires/fuzz.md");
	sub = path_join(dir, "partenaires");
	if (!mkdir_p(sub))
		abort();
	S_write(sub, "caf.md", caf_md, sizeof(caf_md) - 1);
	S_write(sub, "tad.md", tad_md, sizeof(tad_md) - 1);
	free(sub);
	sub = path_join(dir, "logos");
	if (!mkdir_p(sub))
		abort();
	S_write(sub, "logo.png", logo_png, sizeof(logo_png) - 1);
	free(sub);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags	 d;
	struct site	*s;
	size_t		 i, npages;
	int		 site_mode;
	char		*sum;

	if (dir == NULL)
		S_setup();
	site_mode = size >= sizeof(SITE_MARK) - 1 &&
	    memcmp(data, SITE_MARK, sizeof(SITE_MARK) - 1) == 0;
	if (site_mode) {
		S_write(dir, "site.yaml", data, size);
		(void)unlink(page_path);
		npages = 2;
	} else {
		S_write(dir, "site.yaml", site_yaml, sizeof(site_yaml) - 1);
		S_write(dir, "partenaires/fuzz.md", data, size);
		npages = 3;
	}

	diags_init(&d);
	s = load_content(dir, &d);
	if (s == NULL && !site_mode)
		abort();		/* the fixed site.yaml is readable */
	if (s == NULL && d.errors == 0)
		abort();		/* a NULL model always says why */
	if (s != NULL) {
		if (s->npages != npages || s->npartners > s->npages)
			abort();
		if (d.errors == 0 && s->npartners != s->npages)
			abort();	/* a page lost without a word */
		for (i = 0; i < s->npartners; i++)
			if (s->partners[i].slug == NULL ||
			    s->partners[i].nom.s == NULL)
				abort();
	}
	for (i = 0; i < d.n; i++)
		if (d.v[i].file == NULL || d.v[i].msg == NULL ||
		    d.v[i].line < 0 || d.v[i].col < 0)
			abort();
	diags_sort(&d);
	sum = load_summary(&d, s != NULL ? s->npages : 0);
	free(sum);
	model_free(s);
	diags_free(&d);
	return 0;
}
